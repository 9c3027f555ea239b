"""What the front page shows: the lead story, the latest ones, and a block per section.

Four queries whatever the number of sections or stories: the newest stories (and their
bylines), then the newest few of every section at once (and theirs), grouped here in Python.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import navigation
from .models import Article, Section

LATEST_STORIES = 6
SECTION_STORIES = 4


@dataclass
class SectionBlock:
    section: Section
    stories: list[Article]


@dataclass
class FrontPage:
    lead: Article | None
    latest: list[Article]
    sections: list[SectionBlock]

    @classmethod
    def build(cls) -> FrontPage:
        published = Article.objects.published()
        sections = navigation.sections()
        newest = list(published.newest_first().with_cards()[: LATEST_STORIES + 1])
        lead = newest[0] if newest else None
        by_section: dict[int, list[Article]] = {}
        if lead is not None:
            rest = (
                published.exclude(pk=lead.pk)
                .latest_per_section(SECTION_STORIES, sections)
                .newest_first()
                .with_cards()
            )
            for story in rest:
                by_section.setdefault(story.section_id, []).append(story)
        blocks = [
            SectionBlock(section, by_section[section.pk])
            for section in sections
            if section.pk in by_section
        ]
        return cls(lead=lead, latest=newest[1:], sections=blocks)
