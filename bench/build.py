"""Build a newsroom at scale in the benchmark's throwaway database, quickly.

Every other door changes a story through articles.editing and articles.workflow, one story
at a time: a row lock, a version check, a revision, workflow events, fresh stored renders.
Ten thousand stories that way would take far too long and measure nothing the pages do, so
this builder is the one place that bulk-writes: rows go in with bulk_create, a few hundred
stories at a time, published (and comments approved) without the workflow or moderation. It
only ever runs against the database bench.database made for the run, dropped afterwards.

bulk_create calls no save() and sends no signal, so the builder fills each derived column
itself, from the one definition of it: the `*_html` columns through articles.markup (each
distinct text rendered once), the search document through Article.search_text, the story's
slug through articles.slugs (numbered to be unique, rather than looked up), each quote's story
time through articles.story_times.follow, and an image's renditions from images.renditions'
widths and formats (rows only, no files).
Positions count from 1 in each story, as a new part's would; each story's source list holds
every source its claims and quotes cite, as articles.citations keeps it. No revisions or
stored renders are made: pages render and store a story when it is first read (measure.py
warms every page up before timing it).

library.py writes what stories draw on (sections, tags, writers, people, images), stories.py
the stories with their parts, comments.py the readers' comments; this module runs them in
that order and notes the pages measure.py visits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.utils import timezone

from articles.models import Article, Quote

from .comments import write_comments
from .library import stock
from .stories import write_stories


@dataclass
class Newsroom:
    """What was built, and what the measuring needs to find its way around it."""

    stories: int = 0
    comments: int = 0
    rows: int = 0
    busy_story: str = ""  # slug of the story with comments.BUSY_STORY_COMMENTS comments
    typical_story: str = ""
    section: str = ""
    tag: str = ""
    person: str = ""
    search_term: str = ""
    counts: dict[str, int] = field(default_factory=dict)


def build(stories: int, comments: int, seed: int = 8) -> Newsroom:
    """Create `stories` published stories with every part and `comments` approved comments."""
    rng = random.Random(seed)
    now = timezone.now()
    library = stock(rng)
    result = Newsroom(
        counts={
            "sections": len(library.sections),
            "tags": len(library.tags),
            "images": len(library.images),
        }
    )
    published_ids = write_stories(rng, now, stories, library, result.counts)
    result.comments = write_comments(rng, published_ids, comments, now, result.counts)
    result.stories = stories
    result.rows = sum(result.counts.values())
    _landmarks(result, published_ids)
    return result


def _landmarks(result: Newsroom, story_ids: list[int]) -> None:
    """The pages the measuring visits: the busiest story, a typical one, a section, a tag,
    a person and a search term that appear on them."""
    slugs = dict(Article.objects.filter(pk__in=story_ids[:60]).values_list("pk", "slug"))
    result.busy_story = slugs[story_ids[0]]
    typical = story_ids[min(50, len(story_ids) - 1)]
    result.typical_story = slugs[typical]
    article = Article.objects.select_related("section").get(pk=typical)
    result.section = article.section.slug
    result.tag = article.tags.order_by("pk").first().slug
    quote = Quote.objects.filter(article_id=typical).select_related("speaker").first()
    result.person = quote.speaker.slug
    result.search_term = quote.speaker.name.split()[-1]
