"""Text mode: the story form's unsaved state as story text, and edited text merged back.

The story form posts the story's fields and its parts as inline formsets (posted_rows). Text
mode shows what the story-text format carries (articles.storytext, the import and export
format) in one textarea; merging the text back keeps everything the format does not carry:
the section, tags, dateline, slug, lead image, bylines, a quote's source, date and context,
the library's sources and people, the quotes other than the pull quote, and the rows (their
ids) whose text still matches.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import QueryDict
from django.utils.translation import ngettext

from sources.models import Person, Source

from .. import citations, importing, storytext
from ..models import Claim, Quote
from ..storytext.structure import flat
from .posted_rows import Formset, Row, number, page_order, save_order, ticked

# The formsets text mode reads (their prefixes are the story's related names), each with the
# fields that make a new row more than the blank one the form offers.
TAKEAWAYS = ("takeaways", ("text",))
SOURCE_LIST = ("source_entries", ("source",))
CLAIMS = ("claims", ("text", "sources"))
IMPACT_ITEMS = ("impact_items", ("label", "text"))
QUOTES = ("quotes", ("speaker", "text", "role", "said_on", "source", "context"))

# The story's own fields the text carries, with the part of the text each comes from.
_PARAGRAPH_FIELDS = (("standfirst", "standfirst"), ("context", "analysis"))
_CLAIM_SECTIONS = (
    (Claim.Status.VERIFIED, "verified"),
    (Claim.Status.UNCONFIRMED, "unconfirmed"),
    (Claim.Status.DISPUTED, "disputed"),
)


class TextHasProblems(ValueError):
    """The text cannot be merged into the form; `problems` says where, as check_text does."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        count = len(problems)
        super().__init__(
            ngettext("The text has %d problem.", "The text has %d problems.", count) % count
        )
        self.problems = problems


def check_text(text: str) -> list[dict[str, Any]]:
    """The text's problems, by line: [{"line": 3, "message": "…"}] (none: it can be merged)."""
    problems = storytext.parse(text).problems
    return [{"line": problem.line, "message": str(problem.message)} for problem in problems]


# -- the form as text -----------------------------------------------------------------------


@dataclass
class _Posted:
    """The posted parts text mode reads, with what they name in the database: the sources in
    the order the saved page will number them, and the pull quote's speaker (four queries)."""

    takeaways: Formset
    source_list: Formset
    claims: Formset
    impact_items: Formset
    quotes: Formset
    numbered: list[int]
    sources: dict[int, Source]
    pull: Row | None
    speaker: Person | None

    @classmethod
    def read(cls, data: QueryDict) -> _Posted:
        specs = (TAKEAWAYS, SOURCE_LIST, CLAIMS, IMPACT_ITEMS, QUOTES)
        takeaways, source_list, claims, impact_items, quotes = (
            Formset.posted(data, *spec) for spec in specs
        )
        order = _page_order(source_list, claims, quotes)
        named = {*order, *(pk for row in claims.live() for pk in _ids(row, "sources"))}
        sources = Source.objects.only("title", "publisher", "url").in_bulk(named) if named else {}
        pull = next((row for row in quotes.live() if ticked(row.get("is_pull"))), None)
        speaker_id = number(pull.get("speaker")) if pull else None
        speaker = Person.objects.filter(pk=speaker_id).first() if speaker_id else None
        return cls(
            takeaways,
            source_list,
            claims,
            impact_items,
            quotes,
            [pk for pk in order if pk in sources],
            sources,
            pull,
            speaker,
        )

    def cited(self, row: Row, field: str) -> list[int]:
        """The library sources a row names in `field`, by id (unknown ids left out)."""
        return [pk for pk in _ids(row, field) if pk in self.sources]


def _ids(row: Row, field: str) -> list[int]:
    return [pk for pk in (number(value) for value in row.getlist(field)) if pk is not None]


def _page_order(source_list: Formset, claims: Formset, quotes: Formset) -> list[int]:
    """Source ids in the order the saved page numbers them: the list as posted, then what the
    save appends (articles.citations), which depends on what the story's claims and quotes
    cite in the database now (two queries)."""
    story = next((number(f.article()) for f in (claims, quotes) if f.article()), None)
    before: dict[Hashable, set[int]] = {}
    claim_ids = [number(row.get("id")) for row in claims.rows if row.existing]
    if story and claim_ids:
        cited = Claim.sources.through.objects.filter(
            claim_id__in=claim_ids, claim__article_id=story
        ).values_list("claim_id", "source_id")
        for claim_id, source_id in cited:
            before.setdefault(("claim", claim_id), set()).add(source_id)
    quote_ids = [number(row.get("id")) for row in quotes.rows if row.existing]
    if story and quote_ids:
        quoted = Quote.objects.filter(pk__in=quote_ids, article_id=story, source__isnull=False)
        for quote_id, source_id in quoted.values_list("pk", "source_id"):
            before[("quote", quote_id)] = {source_id}
    saves = [
        *_saves(claims, "claim", "sources", before),
        *_saves(quotes, "quote", "source", before),
    ]
    listed = [pk for row in source_list.live() for pk in _ids(row, "source")]
    return citations.listed_after_save(listed, before, saves)


def _saves(
    formset: Formset, kind: str, field: str, before: dict[Hashable, set[int]]
) -> Iterator[citations.CitingSave]:
    """The formset's citing rows in the order Django saves them: the story's (deleted, or
    citing what the form says), then the new rows typed in; a row that gains a source syncs
    the list (a quote edited but citing the same source is taken as not saved)."""
    for row in sorted(formset.rows, key=save_order):
        part = (kind, number(row.get("id"))) if row.existing else (kind, "new", row.index)
        if row.deleted:
            if row.existing:
                yield citations.CitingSave(part, None, syncs=False)
        elif row.has_content(formset.content):
            cites = set(_ids(row, field))
            yield citations.CitingSave(part, cites, syncs=bool(cites - before.get(part, set())))


def structure_of_form(data: QueryDict) -> storytext.StoryText:
    """What the story-text format holds of the form's unsaved state, as structure_of holds of a
    saved story: the same numbers, only the pull quote."""
    posted = _Posted.read(data)
    numbered = posted.numbered
    numbers = {pk: n for n, pk in enumerate(numbered, start=1)}
    story = storytext.StoryText(
        headline=flat(data.get("headline", "")),
        standfirst=storytext.paragraphs(data.get("standfirst", "")),
        takeaways=[flat(row.get("text")) for row in posted.takeaways.live()],
        analysis=storytext.paragraphs(data.get("context", "")),
        impact_items=[
            storytext.ImpactItemText(row.get("label").strip(), flat(row.get("text")))
            for row in posted.impact_items.live()
        ],
        bottom_line=storytext.paragraphs(data.get("bottom_line", "")),
        methods=storytext.paragraphs(data.get("methods", "")),
        sources=[
            storytext.SourceLine(source.title, source.publisher, source.url)
            for source in (posted.sources[pk] for pk in numbered)
        ],
    )
    for row in posted.claims.live():
        cites = tuple(sorted({numbers[pk] for pk in posted.cited(row, "sources") if pk in numbers}))
        status = row.get("status")
        if status not in Claim.Status.values:
            status = Claim.Status.UNCONFIRMED.value  # the model's default
        getattr(story, status).append(storytext.ClaimText(flat(row.get("text")), cites))
    if posted.pull is not None:
        speaker = posted.speaker
        story.quotes.append(
            storytext.QuoteText(
                flat(posted.pull.get("text")),
                speaker.name if speaker else "",
                posted.pull.get("role").strip() or (speaker.role if speaker else ""),
            )
        )
    return story


def text_from_form(data: QueryDict) -> str:
    """The story text of the form's unsaved state: its export once saved as it is."""
    return storytext.write(structure_of_form(data))


# -- text back into the form --------------------------------------------------------------------


def form_from_text(text: str, data: QueryDict) -> QueryDict:
    """The posted form state with the text's content merged in (a new QueryDict).

    The text gives the headline, standfirst, analysis, bottom line, takeaways, claims (their
    status from their section, their sources from their citation numbers), impact items, the
    source list and the pull quote; a row whose text still matches a posted row keeps that row
    (its id and what the text does not carry), other posted rows of those parts are deleted.
    Everything else stays as posted. A source or speaker found neither on the form nor in the
    library is added to the library: the one thing this writes. A text with problems raises
    TextHasProblems and changes nothing.
    """
    parsed = storytext.parse(text)
    if parsed.problems:
        raise TextHasProblems(check_text(text))
    story = parsed.story
    posted = _Posted.read(data)
    merged = data.copy()
    merged["headline"] = _kept(data.get("headline", ""), story.headline)
    for field, part in (*_PARAGRAPH_FIELDS, ("bottom_line", "bottom_line"), ("methods", "methods")):
        paragraphs = getattr(story, part)
        if storytext.paragraphs(data.get(field, "")) != paragraphs:
            merged[field] = "\n\n".join(paragraphs)
    with transaction.atomic():
        listed = _merge_sources(merged, posted, story.sources)
        _merge_quotes(merged, posted, story.quotes)
    _merge_takeaways(merged, posted.takeaways, story.takeaways)
    _merge_claims(merged, posted.claims, story, listed)
    _merge_impact_items(merged, posted.impact_items, story.impact_items)
    return merged


def _kept(posted: str, wanted: str) -> str:
    """The posted value if it reads as the text's (its line breaks kept), else the text's."""
    return posted if flat(posted) == wanted else wanted


class _Matcher:
    """A formset's live rows, each taken at most once by the part of the text whose `key` it
    has (the first in page order); a row nothing takes is gone from the story."""

    def __init__(self, formset: Formset, key: Callable[[Row], Any]) -> None:
        self.formset = formset
        self.key = key
        self.unused = formset.live()
        self.rows: list[Row] = []

    def take(self, wanted: Any, new: dict[str, str], **values: str | list[str]) -> Row:
        """The next row of the text: the posted row with this key, else a new one made of
        `new`; `values` are set on either."""
        row = next((row for row in self.unused if self.key(row) == wanted), None)
        if row is None:
            row = Row(-1, {"id": [""], "article": [self.formset.article()]})
            _set(row, **new)
        else:
            self.unused.remove(row)
        _set(row, **values)
        self.rows.append(row)
        return row

    def write(self, data: QueryDict) -> None:
        """The formset becomes the rows taken, numbered in the text's order, and the story's
        rows no part took (or already deleted), deleted; new rows nothing took are dropped."""
        for position, row in enumerate(self.rows, start=1):
            _set(row, position=str(position))
        taken = {id(row) for row in self.rows}
        gone = [row for row in self.formset.rows if row.existing and id(row) not in taken]
        for row in gone:
            _set(row, DELETE="on")
        existing = [row for row in self.rows if row.existing] + gone
        self.formset.write(data, existing, [row for row in self.rows if not row.existing])


def _set(row: Row, **values: str | list[str]) -> None:
    for name, value in values.items():
        row.values[name] = value if isinstance(value, list) else [value]


def _text(row: Row) -> str:
    return flat(row.get("text"))


def _merge_takeaways(data: QueryDict, formset: Formset, takeaways: list[str]) -> None:
    matcher = _Matcher(formset, _text)
    for text in takeaways:
        matcher.take(text, new={"text": text})
    matcher.write(data)


def _merge_impact_items(
    data: QueryDict, formset: Formset, items: list[storytext.ImpactItemText]
) -> None:
    matcher = _Matcher(formset, lambda row: (flat(row.get("label")), _text(row)))
    for item in items:
        matcher.take((item.label, item.text), new={"label": item.label, "text": item.text})
    matcher.write(data)


def _merge_claims(
    data: QueryDict, formset: Formset, story: storytext.StoryText, listed: list[int]
) -> None:
    """Claims in the text's order; a claim keeps its row wherever its text still is (moved to
    another section, it changes status); its citation numbers say which sources it cites."""
    matcher = _Matcher(formset, _text)
    for status, part in _CLAIM_SECTIONS:
        for claim in getattr(story, part):
            sources = [str(pk) for pk in dict.fromkeys(listed[n - 1] for n in claim.cites)]
            matcher.take(claim.text, {"text": claim.text}, status=status.value, sources=sources)
    matcher.write(data)


def _merge_sources(
    data: QueryDict, posted: _Posted, lines: list[storytext.SourceLine]
) -> list[int]:
    """The story's source list from the text's Sources: each line is a source the form names
    (by URL, or by title when the line has none), else the library's, else a new one. Returns
    the source id each line's number stands for."""
    known = [posted.sources[pk] for pk in posted.numbered]
    listed: list[int] = []
    for line in lines:
        source = next((source for source in known if _same_source(source, line)), None)
        source = source or importing.library_source(line) or importing.new_source(line)
        listed.append(source.pk)
    matcher = _Matcher(posted.source_list, lambda row: number(row.get("source")))
    for pk in dict.fromkeys(listed):
        matcher.take(pk, new={"source": str(pk)})
    matcher.write(data)
    return listed


def _same_source(source: Source, line: storytext.SourceLine) -> bool:
    if line.url:
        return source.url == line.url
    return source.title.casefold() == line.title.casefold()


def _merge_quotes(data: QueryDict, posted: _Posted, quotes: list[storytext.QuoteText]) -> None:
    """The text's first quotation is the pull quote; later ones become ordinary quotes, as an
    import makes them. The other posted quotes are untouched."""
    formset = posted.quotes
    kept = _merge_pull_quote(posted, quotes[0] if quotes else None)
    new_rows = []
    for n, quote in enumerate(quotes[1:] if kept else quotes):
        row = Row(-1, {"id": [""], "article": [formset.article()]})
        _set(row, speaker=_speaker(quote), role=quote.role, text=quote.text)
        if n == 0 and not kept:
            _set(row, is_pull="on")
        new_rows.append(row)
    last = max((row.position or 0 for row in formset.rows if not row.deleted), default=0)
    for offset, row in enumerate(new_rows, start=1):
        _set(row, position=str(last + offset))
    existing = [row for row in formset.rows if row.existing]
    others = [row for row in sorted(formset.rows, key=page_order) if not row.existing]
    formset.write(data, existing, others + new_rows)


def _merge_pull_quote(posted: _Posted, quote: storytext.QuoteText | None) -> bool:
    """The posted pull quote takes the text's if its words or its speaker are unchanged,
    keeping its row (its source, date and context); otherwise it is gone. Whether it took it."""
    pull, speaker = posted.pull, posted.speaker
    if pull is None:
        return False
    same_speaker = (
        quote is not None
        and speaker is not None
        and speaker.name.casefold() == quote.speaker.casefold()
    )
    if quote is None or not (same_speaker or _text(pull) == quote.text):
        if pull.existing:
            _set(pull, DELETE="on")
        else:
            posted.quotes.rows.remove(pull)
        return False
    if not same_speaker:
        _set(pull, speaker=_speaker(quote), role=quote.role)
    elif (pull.get("role").strip() or speaker.role) != quote.role:
        _set(pull, role=quote.role)
    _set(pull, text=_kept(pull.get("text"), quote.text))
    return True


def _speaker(quote: storytext.QuoteText) -> str:
    """The library Person the attribution names (added if there is none), as an import does."""
    return str(importing.person_for(quote.speaker, quote.role).pk)
