"""Type of work: what kind of journalism a story is, said the same way everywhere.

Readers see the label above the headline; search engines read the schema.org type; feeds carry
it as a category; the API has it as `type` and ninjs as a genre from IPTC's genre NewsCodes.
One table, so the page, the JSON-LD, the feeds and the API can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class WorkType(models.TextChoices):
    NEWS = "news", _("News")
    ANALYSIS = "analysis", _("Analysis")
    OPINION = "opinion", _("Opinion")
    EXPLAINER = "explainer", _("Explainer")
    FACT_CHECK = "fact-check", _("Fact check")
    REVIEW = "review", _("Review")


@dataclass(frozen=True)
class Definition:
    """What readers are told a type of work is, and how machines name it."""

    meaning: Promise  # one sentence under the label
    schema_type: str  # a schema.org subtype of NewsArticle ("" for NewsArticle itself)
    genre: str  # IPTC genre NewsCode (https://cv.iptc.org/newscodes/genre/)
    genre_name: str


DEFINITIONS: dict[str, Definition] = {
    WorkType.NEWS: Definition(
        _("Reporting of facts we have observed or verified."), "", "Current", "Current Events"
    ),
    WorkType.ANALYSIS: Definition(
        _("Interpretation built on our reporting: what the facts mean and what may follow."),
        "AnalysisNewsArticle",
        "Analysis",
        "Analysis",
    ),
    WorkType.OPINION: Definition(
        _("The author's own view and argument, not a news report."),
        "OpinionNewsArticle",
        "Opinion",
        "Opinion",
    ),
    WorkType.EXPLAINER: Definition(
        _("Background that explains a subject in the news."),
        "BackgroundNewsArticle",
        "Background",
        "Background",
    ),
    WorkType.FACT_CHECK: Definition(
        _("A claim in public debate, checked against the evidence."),
        "",  # schema.org has no fact-check article type; the genre says it
        "Fact_Check",
        "Fact Check",
    ),
    WorkType.REVIEW: Definition(
        _("A critic's assessment of a work, product or performance."),
        "ReviewNewsArticle",
        "Review",
        "Review",
    ),
}

IPTC_GENRE_URI = "http://cv.iptc.org/newscodes/genre/"


def label(value: str) -> str:
    """The reader-facing name of a type of work ("Opinion")."""
    return str(WorkType(value).label)


def meaning(value: str) -> str:
    return str(DEFINITIONS[value].meaning)


def schema_types(value: str) -> str | list[str]:
    """The JSON-LD @type: NewsArticle, with the subtype beside it when there is one, so a
    reader of schema.org that knows only NewsArticle still understands the page."""
    subtype = DEFINITIONS[value].schema_type
    return ["NewsArticle", subtype] if subtype else "NewsArticle"


def ninjs_genre(value: str) -> dict[str, str]:
    definition = DEFINITIONS[value]
    return {
        "name": definition.genre_name,
        "uri": IPTC_GENRE_URI + definition.genre,
        "literal": value,
    }
