"""What the front page shows, and the top of a curated section page.

The front page: the lead (the editors' choice, or the newest story), the top stories editors
pinned, the latest stories, and a block per section — each story once on the page, in that
order of importance. A constant handful of queries whatever the number of sections or stories:
the chosen stories (articles.curation.showing), the newest others' keys, the newest few of
every section's keys at once, and a lead without a picture's takeaways. The stories are read
as keys and page tokens (articles.paging.PageRows): their cards are usually kept
(articles.cards), and when one is not, the rows of every story on the page are read at
once, in one query (and one for their bylines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connections
from django.utils import timezone

from . import curation, navigation
from .models import Article, KeyTakeaway, Section
from .paging import PageRows, RowSource

LATEST_STORIES = 6
SECTION_STORIES = 4
# A lead without a picture fills its space with words: its headline, standfirst and these.
LEAD_TAKEAWAYS = 3


@dataclass
class SectionBlock:
    section: Section
    stories: Sequence[Article]


@dataclass
class FrontPage:
    # The lead is a list of one story (or none), like the other lists cards are made of.
    lead: Sequence[Article]
    latest: Sequence[Article]
    sections: list[SectionBlock]
    top_stories: list[Article] = field(default_factory=list)
    lead_takeaways: list[KeyTakeaway] = field(default_factory=list)

    @classmethod
    def build(cls) -> FrontPage:
        published = Article.objects.published()
        chosen = curation.showing(None)
        shown = {story.pk for story in chosen.stories}
        wanted = LATEST_STORIES + (chosen.lead is None)
        newest = list(
            published.exclude(pk__in=shown)
            .newest_first()
            .values_list("pk", "page_token", "lead_image_id")[:wanted]
        )
        if chosen.lead is not None:
            lead_key, lead_image_id = chosen.lead.pk, chosen.lead.lead_image_id
        elif newest:
            lead_key, _, lead_image_id = newest[0]
        else:  # nothing published: top stories cannot lead an empty page
            return cls(lead=[], latest=[], sections=[])
        latest = [row for row in newest if row[0] != lead_key][:LATEST_STORIES]
        shown |= {lead_key, *(pk for pk, _, _ in latest)}
        blocks = _section_blocks(shown)
        keys = [pk for pk, _, _ in newest] + [pk for _, keyed in blocks for pk, _ in keyed]
        source = RowSource(Article.objects.with_cards(), keys)
        listed = source.listed
        lead = (
            [chosen.lead] if chosen.lead is not None else PageRows(listed, [newest[0][:2]], source)
        )
        return cls(
            lead=lead,
            latest=PageRows(listed, [row[:2] for row in latest], source),
            sections=[
                SectionBlock(section, PageRows(listed, keyed, source)) for section, keyed in blocks
            ],
            top_stories=chosen.pins,
            lead_takeaways=_takeaways_without_picture(lead_key, lead_image_id),
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
        takeaways = _takeaways_without_picture(lead.pk, lead.lead_image_id)
        return cls(lead=lead, top_stories=pins, lead_takeaways=takeaways)

    @property
    def stories(self) -> list[Article]:
        return [self.lead, *self.top_stories]


def _section_blocks(shown: set[int]) -> list[tuple[Section, list[tuple[int, str]]]]:
    """The keys and page tokens of the newest few published stories not `shown` in each
    section that has any.

    Written in SQL, like articles.related: built through the ORM, the eight sliced
    subqueries took longer to build than to run (5 ms of an uncached front page). Each
    section's few come from the (section, status, time) index; the rule is
    ArticleQuerySet.published()'s (published, and its time has come), which the front page
    tests hold it to."""
    sections = navigation.sections()
    if not sections:
        return []
    connection = connections["default"]
    quote = connection.ops.quote_name
    table = quote(Article._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    hidden = f" AND n.id NOT IN ({', '.join(['%s'] * len(shown))})" if shown else ""
    newest, params = [], []
    for number, section in enumerate(sections):
        newest.append(
            f"SELECT * FROM (SELECT n.id, n.page_token, n.section_id, n.published_at"
            f" FROM {table} n WHERE n.section_id = %s AND n.status = %s"
            f" AND n.published_at <= %s{hidden}"
            f" ORDER BY n.published_at DESC, n.id DESC LIMIT %s) newest{number}"
        )
        params += [section.pk, Article.Status.PUBLISHED.value, now, *shown, SECTION_STORIES]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(newest) + " ORDER BY 4 DESC, 1 DESC", params)
        rows = cursor.fetchall()
    by_section: dict[int, list[tuple[int, str]]] = {}
    for pk, token, section_id, _published_at in rows:
        by_section.setdefault(section_id, []).append((pk, token))
    return [(section, by_section[section.pk]) for section in sections if section.pk in by_section]


def _takeaways_without_picture(story_id: int, lead_image_id: int | None) -> list[KeyTakeaway]:
    if lead_image_id is not None:
        return []
    return list(KeyTakeaway.objects.filter(article_id=story_id)[:LEAD_TAKEAWAYS])
