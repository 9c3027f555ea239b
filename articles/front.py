"""What the front page shows, and the top of a curated section page.

The front page: the lead (the editors' choice, or the newest story), the top stories editors
pinned, the latest stories, and a block per section — each story once on the page, in that
order of importance. A constant handful of queries whatever the number of sections or stories:
the chosen stories (articles.curation.showing), the newest others, the newest few of every
section at once, each with their bylines, and a lead without a picture's takeaways.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from . import curation, navigation
from .models import Article, ArticleQuerySet, KeyTakeaway, Section

LATEST_STORIES = 6
SECTION_STORIES = 4
# A lead without a picture fills its space with words: its headline, standfirst and these.
LEAD_TAKEAWAYS = 3


@dataclass
class SectionBlock:
    section: Section
    stories: list[Article]


@dataclass
class FrontPage:
    lead: Article | None
    latest: list[Article]
    sections: list[SectionBlock]
    top_stories: list[Article] = field(default_factory=list)
    lead_takeaways: list[KeyTakeaway] = field(default_factory=list)

    @classmethod
    def build(cls) -> FrontPage:
        published = Article.objects.published()
        chosen = curation.showing(None)
        shown = {story.pk for story in chosen.stories}
        wanted = LATEST_STORIES + (chosen.lead is None)
        newest = list(published.exclude(pk__in=shown).newest_first().with_cards()[:wanted])
        lead = chosen.lead or (newest.pop(0) if newest else None)
        if lead is None:  # nothing published: top stories cannot lead an empty page
            return cls(lead=None, latest=[], sections=[])
        latest = newest[:LATEST_STORIES]
        shown |= {lead.pk, *(story.pk for story in latest)}
        return cls(
            lead=lead,
            latest=latest,
            sections=_section_blocks(published.exclude(pk__in=shown)),
            top_stories=chosen.pins,
            lead_takeaways=_takeaways_without_picture(lead),
        )


@dataclass
class SectionTop:
    """The top of a curated section page: its lead and pinned stories (page 1 only)."""

    lead: Article
    top_stories: list[Article]
    lead_takeaways: list[KeyTakeaway] = field(default_factory=list)

    @classmethod
    def build(cls, section: Section, first_page: Sequence[Article]) -> SectionTop | None:
        """The section's choice, or None when editors chose nothing still shown; a chosen
        pin without a chosen lead is led by the newest story on `first_page` not pinned."""
        chosen = curation.showing(section)
        if not chosen.stories:
            return None
        pinned = {story.pk for story in chosen.pins}
        lead = chosen.lead or next((s for s in first_page if s.pk not in pinned), None)
        pins = chosen.pins
        if lead is None:  # every story on the page is pinned: the first one leads
            lead, pins = pins[0], pins[1:]
        return cls(lead=lead, top_stories=pins, lead_takeaways=_takeaways_without_picture(lead))

    @property
    def stories(self) -> list[Article]:
        return [self.lead, *self.top_stories]


def _section_blocks(stories: ArticleQuerySet) -> list[SectionBlock]:
    """The newest few of `stories` in each section that has any."""
    sections = navigation.sections()
    by_section: dict[int, list[Article]] = {}
    rest = stories.latest_per_section(SECTION_STORIES, sections).newest_first().with_cards()
    for story in rest:
        by_section.setdefault(story.section_id, []).append(story)
    return [
        SectionBlock(section, by_section[section.pk])
        for section in sections
        if section.pk in by_section
    ]


def _takeaways_without_picture(lead: Article) -> list[KeyTakeaway]:
    if lead.lead_image_id is not None:
        return []
    return list(KeyTakeaway.objects.filter(article=lead)[:LEAD_TAKEAWAYS])
