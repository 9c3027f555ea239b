"""Turn a story's text into a draft: all of it in one transaction, or nothing.

The admin's "Import story" page and `manage.py import_story` both come through here. The text
is read by articles.storytext; this module only builds the draft from what was read, owned by
the person importing it, through the editing service (articles.editing), and records the
import in the story's workflow history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sources.models import Person, Source

from . import editing, storytext, workflow
from .models import (
    Article,
    Byline,
    Claim,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StorySource,
)
from .slugs import unused_slug

IMPORT = "import"  # the WorkflowEvent action


class ImportRefused(Exception):
    """The text has problems; nothing was saved. `text` is what could be read of it."""

    def __init__(self, problems: list[storytext.Problem], text: str = "") -> None:
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems
        self.text = text


@dataclass
class ImportSummary:
    article: Article
    takeaways: int
    verified: int
    unconfirmed: int
    disputed: int
    quotes: int
    impact_items: int
    sources: int
    new_sources: int

    def __str__(self) -> str:
        counts = [
            ngettext("%d takeaway", "%d takeaways", self.takeaways) % self.takeaways,
            ngettext("%d verified claim", "%d verified claims", self.verified) % self.verified,
            ngettext("%d unconfirmed claim", "%d unconfirmed claims", self.unconfirmed)
            % self.unconfirmed,
            ngettext("%d disputed claim", "%d disputed claims", self.disputed) % self.disputed,
            ngettext("%d quote", "%d quotes", self.quotes) % self.quotes,
            ngettext("%d impact item", "%d impact items", self.impact_items) % self.impact_items,
            ngettext(
                "%(count)d source (%(new)d new)", "%(count)d sources (%(new)d new)", self.sources
            )
            % {"count": self.sources, "new": self.new_sources},
        ]
        return ", ".join(counts)


def import_text(data: bytes | str, user: Any, origin: str = "") -> ImportSummary:
    """Read the text and create its draft; ImportRefused (nothing saved) if anything is wrong."""
    parsed = storytext.parse(data)
    if parsed.problems:
        raise ImportRefused(parsed.problems, parsed.text)
    return create_draft(parsed.story, user, origin)


def create_draft(story: storytext.StoryText, user: Any, origin: str = "") -> ImportSummary:
    """Build a draft owned by `user` from a story read without problems."""
    draft = Article(
        headline=story.headline,
        standfirst="\n\n".join(story.standfirst),
        context="\n\n".join(story.analysis),
        bottom_line="\n\n".join(story.bottom_line),
        methods="\n\n".join(story.methods),
    )
    with editing.creating(draft, user, action=IMPORT) as edit:
        article = edit.article
        Byline.objects.create(article=article, author=user)
        for text in story.takeaways:
            KeyTakeaway.objects.create(article=article, text=text)
        listed, new_sources = _source_list(article, story.sources)
        claim_groups = (
            (Claim.Status.VERIFIED, story.verified),
            (Claim.Status.UNCONFIRMED, story.unconfirmed),
            (Claim.Status.DISPUTED, story.disputed),
        )
        for status, claims in claim_groups:
            for item in claims:
                claim = Claim.objects.create(article=article, text=item.text, status=status)
                if item.cites:
                    claim.sources.set([listed[number - 1] for number in item.cites])
        for impact in story.impact_items:
            ImpactItem.objects.create(article=article, label=impact.label, text=impact.text)
        for position, quote in enumerate(story.quotes):
            Quote.objects.create(
                article=article,
                speaker=person_for(quote.speaker, quote.role),
                role=quote.role,
                text=quote.text,
                is_pull=position == 0,
            )
        summary = ImportSummary(
            article=article,
            takeaways=len(story.takeaways),
            verified=len(story.verified),
            unconfirmed=len(story.unconfirmed),
            disputed=len(story.disputed),
            quotes=len(story.quotes),
            impact_items=len(story.impact_items),
            sources=len({source.pk for source in listed}),
            new_sources=new_sources,
        )
        note = _("Imported from %(origin)s: %(summary)s.") % {
            "origin": origin or _("text"),
            "summary": summary,
        }
        workflow.record(article, user, IMPORT, note)
        edit.comment = note
    return summary


def _source_list(article: Article, lines: list[storytext.SourceLine]) -> tuple[list[Source], int]:
    """The story's Sources in order (an existing Source reused), and how many are new."""
    listed: list[Source] = []
    new = 0
    for line in lines:
        source = library_source(line)
        if source is None:
            source = new_source(line)
            new += 1
        if source not in listed:
            StorySource.objects.create(article=article, source=source)
        listed.append(source)
    return listed, new


def library_source(line: storytext.SourceLine) -> Source | None:
    """The library's Source for a line of a story's Sources: the one with its URL, or with its
    title (case-insensitive) when the line has no URL; the oldest if several."""
    if line.url:
        existing = Source.objects.filter(url=line.url)
    else:
        existing = Source.objects.filter(title__iexact=line.title)
    return existing.order_by("pk").first()


def new_source(line: storytext.SourceLine) -> Source:
    """A library Source made from a line no Source matched."""
    return Source.objects.create(
        title=line.title[: Source._meta.get_field("title").max_length],
        publisher=line.publisher,
        url=line.url,
    )


def person_for(name: str, role: str) -> Person:
    """The Person of that name (the oldest, if several), or a new one with this role."""
    person = Person.objects.filter(name__iexact=name).order_by("pk").first()
    if person is not None:
        return person
    return Person.objects.create(name=name, slug=unused_slug(Person, name), role=role)
