"""What the story-text format holds: its sections and headings, and a story's parts in order.

The reader fills these, the writer prints them and the bridge to the database builds them from
a stored story; this module knows none of the three.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

STANDFIRST = "standfirst"
TAKEAWAYS = "takeaways"
VERIFIED = "verified"
CONTEXT = "context"
UNCONFIRMED = "unconfirmed"
DISPUTED = "disputed"
BOTTOM_LINE = "bottom_line"
METHODS = "methods"
SOURCES = "sources"
FURNITURE = "furniture"  # "Leave a Comment" and everything after it: ignored

# Section headings, compared without case, surrounding space or a trailing colon.
HEADINGS = {
    "key takeaways": TAKEAWAYS,
    "verified facts": VERIFIED,
    "context & impact": CONTEXT,
    "context and impact": CONTEXT,
    "unconfirmed": UNCONFIRMED,
    "disputed": DISPUTED,
    "bottom line": BOTTOM_LINE,
    "how we reported this": METHODS,
    "sources": SOURCES,
    "leave a comment": FURNITURE,
}
# The heading the writer puts on each section (and problems name).
TITLES = {
    STANDFIRST: "Standfirst",
    TAKEAWAYS: "Key takeaways",
    VERIFIED: "Verified facts",
    CONTEXT: "Context & impact",
    UNCONFIRMED: "Unconfirmed",
    DISPUTED: "Disputed",
    BOTTOM_LINE: "Bottom line",
    METHODS: "How we reported this",
    SOURCES: "Sources",
}

BULLET = "•"
# Opening and closing marks of a paragraph that is wholly a quotation.
QUOTE_MARKS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"))


def flat(text: str) -> str:
    """One line, single spaces: how every paragraph and item is compared and stored."""
    return " ".join(text.split())


# -- a story's parts ----------------------------------------------------------------------------


@dataclass
class SourceLine:
    title: str
    publisher: str = ""
    url: str = ""


@dataclass
class ImpactItemText:
    label: str
    text: str


@dataclass
class QuoteText:
    text: str  # without the quotation marks
    speaker: str
    role: str


@dataclass
class ClaimText:
    text: str
    cites: tuple[int, ...] = ()  # numbers in the story's Sources list, from 1


@dataclass
class StoryText:
    """Everything the text format holds; paragraphs and items in their order."""

    headline: str = ""
    standfirst: list[str] = field(default_factory=list)
    takeaways: list[str] = field(default_factory=list)
    verified: list[ClaimText] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    impact_items: list[ImpactItemText] = field(default_factory=list)
    quotes: list[QuoteText] = field(default_factory=list)  # the first is the pull quote
    unconfirmed: list[ClaimText] = field(default_factory=list)
    disputed: list[ClaimText] = field(default_factory=list)
    bottom_line: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)  # how we reported this
    sources: list[SourceLine] = field(default_factory=list)


# -- what reading found ---------------------------------------------------------------------------


@dataclass
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class Parsed:
    story: StoryText
    problems: list[Problem]
    text: str  # the decoded text ("" when the bytes were not UTF-8)


# -- how long a part may be -----------------------------------------------------------------------

# The parts whose length the reader checks, when it is given their limits.
HEADLINE = "headline"
TAKEAWAY = "takeaway"
SPEAKER = "speaker"
ROLE = "role"
SOURCE_TITLE = "source title"
SOURCE_PUBLISHER = "source publisher"
SOURCE_URL = "source url"


@dataclass(frozen=True)
class Limit:
    """The most characters a part may have, and what a problem calls that part."""

    name: Any  # a str, or a lazy translation such as a model field's verbose name
    length: int


# Limits by part (HEADLINE, TAKEAWAY, …); a part with no limit is not checked.
Limits = Mapping[str, Limit]
