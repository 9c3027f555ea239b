"""The bridge between the story-text format and the database: how long each part may be,
and a stored story as a StoryText and as text.

The reader and the writer know nothing of models; this module gives the reader the lengths of
the columns that will keep each part (`parse` here is the reader with those limits) and builds
the structure of a story fetched from the database (`structure_of`, `export`).
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sources.models import Person, Source

from ..models import Article, KeyTakeaway, Quote
from ..story import Story
from . import reader
from .structure import (
    HEADLINE,
    ROLE,
    SOURCE_PUBLISHER,
    SOURCE_TITLE,
    SOURCE_URL,
    SPEAKER,
    TAKEAWAY,
    ClaimText,
    ImpactItemText,
    Limit,
    Limits,
    Parsed,
    QuoteText,
    SourceLine,
    StoryText,
    flat,
)
from .writer import write

# The column that keeps each part whose length the reader checks.
_COLUMNS = {
    HEADLINE: (Article, "headline"),
    TAKEAWAY: (KeyTakeaway, "text"),
    SPEAKER: (Person, "name"),
    ROLE: (Quote, "role"),
    SOURCE_TITLE: (Source, "title"),
    SOURCE_PUBLISHER: (Source, "publisher"),
    SOURCE_URL: (Source, "url"),
}


def column_limits() -> Limits:
    """Each part's limit: its column's max_length, named by the field's verbose name."""
    limits = {}
    for part, (model, field_name) in _COLUMNS.items():
        column = model._meta.get_field(field_name)
        limits[part] = Limit(column.verbose_name, column.max_length)
    return limits


def parse(data: bytes | str) -> Parsed:
    """Read a story's text, refusing any part longer than the column that would keep it."""
    return reader.parse(data, column_limits())


def paragraphs(text: str) -> list[str]:
    """A stored text field's paragraphs (blank-line separated), each flattened to one line."""
    return [flat(part) for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def structure_of(article: Any) -> StoryText:
    """What the text format holds of a story fetched with_story_parts(): only its pull quote."""
    story = Story.of(article)

    def claims(cited: list) -> list[ClaimText]:
        return [
            ClaimText(flat(item.claim.text), tuple(sorted({n for n, _s in item.citations})))
            for item in cited
        ]

    pull = story.pull_quote
    return StoryText(
        headline=flat(article.headline),
        standfirst=paragraphs(article.standfirst),
        takeaways=[flat(item.text) for item in story.takeaways],
        verified=claims(story.verified),
        analysis=paragraphs(article.context),
        impact_items=[ImpactItemText(item.label, flat(item.text)) for item in story.impact_items],
        quotes=[QuoteText(flat(pull.text), pull.speaker.name, pull.role or pull.speaker.role)]
        if pull
        else [],
        unconfirmed=claims(story.unconfirmed),
        disputed=claims(story.disputed),
        bottom_line=paragraphs(article.bottom_line),
        methods=paragraphs(article.methods),
        sources=[
            SourceLine(source.title, source.publisher, source.url) for _n, source in story.sources
        ],
    )


def export(article: Any) -> tuple[str, list[str]]:
    """A story's text, and notes on anything the text leaves out or would read back otherwise."""
    article = type(article).objects.with_story_parts().get(pk=article.pk)
    structure = structure_of(article)
    text = write(structure)
    notes = []
    others = sum(not quote.is_pull for quote in article.quotes.all())
    if others:
        notes.append(
            ngettext(
                "%d quote other than the pull quote is not part of the text.",
                "%d quotes other than the pull quote are not part of the text.",
                others,
            )
            % others
        )
    again = parse(text)
    if again.problems or again.story != structure:
        notes.append(_("This text will not import back exactly as the story is:"))
        notes += [str(problem) for problem in again.problems]
    return text, notes
