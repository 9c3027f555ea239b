"""A story as plain text: read wire copy into a structure, and write a story back out.

The format (README, "Importing and exporting stories"): the first non-empty line is the
headline; paragraphs until the first section heading are the standfirst; then sections under
the headings in HEADINGS. `parse` never touches the database: it returns a StoryText and every
problem with its line number, so an import can refuse the whole text before saving anything.
`write` is its inverse: parse(write(story)) == story for any story the format can hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sources.models import Person, Source

from .models import Article, KeyTakeaway, Quote
from .story import Story

STANDFIRST = "standfirst"
TAKEAWAYS = "takeaways"
VERIFIED = "verified"
CONTEXT = "context"
UNCONFIRMED = "unconfirmed"
DISPUTED = "disputed"
BOTTOM_LINE = "bottom_line"
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
    SOURCES: "Sources",
}

BULLET = "•"
_BULLET = re.compile(r"^\s*(?:•\s*|[-*]\s+)(?P<text>.*)$")
# Opening and closing marks of a paragraph that is wholly a quotation.
_QUOTE_MARKS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"))
_URL = re.compile(r"^<?(https?://\S+?)>?$", re.IGNORECASE)
_WEB_ADDRESS = re.compile(r"^<?https?://", re.IGNORECASE)
_SOURCE_SEPARATOR = re.compile(r"\s+[—–]\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SENTENCE_PUNCTUATION = set('.,;:!?"“”«»„')
MAX_LABEL_WORDS = 4
MAX_LABEL_LENGTH = 40
MAX_NAME_WORDS = 6
MAX_PROBLEMS = 100  # a garbled file should not produce a page of thousands


# -- the structure --------------------------------------------------------------------------


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
    sources: list[SourceLine] = field(default_factory=list)


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


# -- reading ---------------------------------------------------------------------------------


def decode(data: bytes | str) -> tuple[str | None, list[Problem]]:
    """UTF-8 with or without a byte-order mark, Windows or Unix line endings, as text."""
    if isinstance(data, str):
        text = data
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(1, _("The text is UTF-16, not UTF-8. Save it as UTF-8 and retry."))]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            byte = data[error.start : error.start + 1].hex()
            message = _(
                "The text is not UTF-8: byte 0x%(byte)s cannot be read. "
                "Save the file as UTF-8 (Unicode) and import it again."
            ) % {"byte": byte}
            return None, [Problem(line, message)]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def parse(data: bytes | str) -> Parsed:
    """Read a story's text into a StoryText, with every problem and its line number."""
    text, problems = decode(data)
    if text is None:
        return Parsed(StoryText(), problems, "")
    reader = _Reader()
    reader.read(text.split("\n"))
    problems = sorted(reader.problems, key=lambda problem: problem.line)
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS]
        problems.append(
            Problem(
                problems[-1].line,
                ngettext(
                    "…and %d more problem after this one.",
                    "…and %d more problems after this one.",
                    rest,
                )
                % rest,
            )
        )
    return Parsed(reader.story, problems, text)


@dataclass
class _Block:
    """A paragraph (lines up to a blank line) or a bullet (with its wrapped lines)."""

    kind: str  # "paragraph" or "bullet"
    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return _flat(" ".join(self.lines))


class _Reader:
    def __init__(self) -> None:
        self.story = StoryText()
        self.problems: list[Problem] = []
        self.blocks: dict[str, list[_Block]] = {STANDFIRST: []}
        self.heading_lines: dict[str, int] = {}
        self.citations: list[tuple[int, tuple[int, ...]]] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(line, message))

    # First pass: lines into sections of blocks.
    def read(self, lines: list[str]) -> None:
        past_headline = False
        section = STANDFIRST
        current: _Block | None = None
        for number, raw in enumerate(lines, start=1):
            if _CONTROL.search(raw):
                self.problem(number, _("This line holds a control character; remove it."))
            stripped = raw.strip()
            if not stripped:
                current = None
                continue
            heading = _heading(stripped)
            if heading is not None:
                current = None
                if not past_headline:
                    self._missing_headline(number)
                    past_headline = True
                if heading == FURNITURE:
                    break
                if heading in self.heading_lines:
                    self.problem(
                        number,
                        _("“%(heading)s” appears twice (first on line %(first)d).")
                        % {"heading": TITLES[heading], "first": self.heading_lines[heading]},
                    )
                self.heading_lines.setdefault(heading, number)
                section = heading
                self.blocks.setdefault(section, [])
                continue
            if not past_headline:
                past_headline = True
                if _BULLET.match(raw):
                    self._missing_headline(number)
                else:
                    self.story.headline = _flat(stripped)
                    self._check_length(number, self.story.headline, Article, "headline")
                continue
            bullet = _BULLET.match(raw)
            if bullet:
                current = _Block("bullet", number, [bullet["text"].strip()])
                self.blocks[section].append(current)
            elif current is None or section == SOURCES:
                current = _Block("paragraph", number, [stripped])
                self.blocks[section].append(current)
            else:
                current.lines.append(stripped)
        if not past_headline:
            self.problem(1, _("The text is empty: its first line should be the headline."))
        for section, blocks in self.blocks.items():
            if section != SOURCES:
                blocks = self._take_quotes(self._until_unknown_heading(blocks))
                blocks = [block for block in blocks if not self._lost_attribution(block)]
            getattr(self, f"_read_{section}")(blocks)
        self._check_citations()

    def _missing_headline(self, line: int) -> None:
        self.problem(line, _("The story has no headline: its first line should be the headline."))

    def _check_length(self, line: int, value: str, model: type, field_name: str) -> None:
        """Refuse here what the database column could not hold."""
        model_field = model._meta.get_field(field_name)
        if len(value) > model_field.max_length:
            self.problem(
                line,
                _("This %(what)s is %(length)d characters long; the most is %(limit)d.")
                % {
                    "what": model_field.verbose_name,
                    "length": len(value),
                    "limit": model_field.max_length,
                },
            )

    # Quotations with their attribution, wherever paragraphs are allowed.
    def _take_quotes(self, blocks: list[_Block]) -> list[_Block]:
        kept: list[_Block] = []
        position = 0
        while position < len(blocks):
            block = blocks[position]
            position += 1
            if block.kind != "paragraph":
                kept.append(block)
                continue
            quoted = _unquote(block.text)
            following = blocks[position] if position < len(blocks) else None
            if quoted is not None:
                attribution = (
                    _attribution(following.lines[0])
                    if following and following.kind == "paragraph" and len(following.lines) == 1
                    else None
                )
                if attribution is None and following and _is_lone_short_line(following):
                    self.problem(
                        following.line,
                        _("“%s” needs the speaker's role after a comma: “Name, role”.")
                        % following.text,
                    )
                    position += 1
                elif attribution is None:
                    self.problem(
                        block.line,
                        _(
                            "This quotation needs an attribution line after it: "
                            "“Name, role” (e.g. “Ada Quayle, harbour master”)."
                        ),
                    )
                else:
                    self._add_quote(following.line, quoted, attribution)
                    position += 1
                continue
            if len(block.lines) > 1:
                quoted = _unquote(_flat(" ".join(block.lines[:-1])))
                attribution = _attribution(block.lines[-1])
                if quoted is not None and attribution is not None:
                    self._add_quote(block.line + len(block.lines) - 1, quoted, attribution)
                    continue
            kept.append(block)
        return kept

    def _add_quote(self, line: int, text: str, attribution: tuple[str, str]) -> None:
        speaker, role = attribution
        self._check_length(line, speaker, Person, "name")
        self._check_length(line, role, Quote, "role")
        self.story.quotes.append(QuoteText(text, speaker, role))

    def _until_unknown_heading(self, blocks: list[_Block]) -> list[_Block]:
        """The blocks before a line that looks like a heading we do not know (reported)."""
        for position, block in enumerate(blocks):
            after_quotation = position > 0 and _unquote(blocks[position - 1].text) is not None
            if _is_lone_short_line(block) and not after_quotation:
                self.problem(
                    block.line,
                    _(
                        "“%(text)s” looks like a section heading, but the known headings "
                        "are: %(known)s."
                    )
                    % {"text": block.text, "known": ", ".join(_known_headings())},
                )
                return blocks[:position]
        return blocks

    def _lost_attribution(self, block: _Block) -> bool:
        """A lone "Name, role" line with no quotation before it (reported)."""
        if block.kind != "paragraph" or len(block.lines) != 1:
            return False
        if _attribution(block.text) is None:
            return False
        self.problem(
            block.line,
            _(
                "“%s” looks like a quote's attribution, but the paragraph before it is not "
                'wholly a quotation in “…”, "…" or «…».'
            )
            % block.text,
        )
        return True

    # Second pass: each section's blocks into the story.
    def _refuse(self, block: _Block, section: str, expected: str) -> None:
        self.problem(
            block.line,
            _("This does not fit under “%(section)s”, which takes %(expected)s.")
            % {"section": TITLES[section], "expected": expected},
        )

    def _paragraphs(self, blocks: list[_Block], section: str) -> list[str]:
        paragraphs = []
        for block in blocks:
            if block.kind == "bullet":
                self._refuse(block, section, _("paragraphs, not bullets"))
            else:
                paragraphs.append(block.text)
        return paragraphs

    def _read_standfirst(self, blocks: list[_Block]) -> None:
        self.story.standfirst = self._paragraphs(blocks, STANDFIRST)

    def _read_bottom_line(self, blocks: list[_Block]) -> None:
        self.story.bottom_line = self._paragraphs(blocks, BOTTOM_LINE)

    def _read_takeaways(self, blocks: list[_Block]) -> None:
        for block in blocks:
            if block.kind != "bullet":
                self._refuse(block, TAKEAWAYS, _("one bullet (•, - or *) per takeaway"))
            elif block.text:
                self._check_length(block.line, block.text, KeyTakeaway, "text")
                self.story.takeaways.append(block.text)

    def _claims(self, blocks: list[_Block]) -> list[ClaimText]:
        claims = []
        for block in blocks:
            text, cites = _split_citations(block.text)
            if not text:
                if block.text:
                    self.problem(block.line, _("This claim has citations but no text."))
                continue
            self.citations.append((block.line, cites))
            claims.append(ClaimText(text, cites))
        return claims

    def _read_verified(self, blocks: list[_Block]) -> None:
        self.story.verified = self._claims(blocks)

    def _read_unconfirmed(self, blocks: list[_Block]) -> None:
        self.story.unconfirmed = self._claims(blocks)

    def _read_disputed(self, blocks: list[_Block]) -> None:
        self.story.disputed = self._claims(blocks)

    def _read_context(self, blocks: list[_Block]) -> None:
        for block in blocks:
            if block.kind == "paragraph":
                self.story.analysis.append(block.text)
                continue
            item = _impact_item(block.text)
            if item is None:
                self._refuse(
                    block,
                    CONTEXT,
                    _(
                        "paragraphs and labelled impact bullets “Label: text” (a label of at "
                        "most %(words)d words before the colon)"
                    )
                    % {"words": MAX_LABEL_WORDS},
                )
            else:
                self.story.impact_items.append(item)

    def _read_sources(self, blocks: list[_Block]) -> None:
        seen: dict[str, int] = {}
        for block in blocks:
            source = _source_line(block.text)
            bad_url = next(
                (
                    part
                    for part in (source.url, source.publisher, source.title)
                    if _WEB_ADDRESS.match(part) and not _valid_url(part)
                ),
                None,
            )
            if bad_url is not None:
                self.problem(block.line, _("“%s” is not a valid web address.") % bad_url)
                continue
            checked = [("publisher", source.publisher), ("url", source.url)]
            if source.title != source.url:  # a bare address's title is cut to fit
                checked.append(("title", source.title))
            for field_name, value in checked:
                self._check_length(block.line, value, Source, field_name)
            key = source.url or source.title.casefold()
            if key in seen:
                self.problem(
                    block.line,
                    _("This source is already listed on line %d.") % seen[key],
                )
                continue
            seen[key] = block.line
            self.story.sources.append(source)

    def _check_citations(self) -> None:
        count = len(self.story.sources)
        for line, cites in self.citations:
            for number in cites:
                if not 1 <= number <= count:
                    self.problem(
                        line,
                        ngettext(
                            "This claim cites source [%(number)d], but “Sources” lists "
                            "%(count)d source.",
                            "This claim cites source [%(number)d], but “Sources” lists "
                            "%(count)d sources.",
                            count,
                        )
                        % {"number": number, "count": count},
                    )


def _flat(text: str) -> str:
    """One line, single spaces: how every paragraph and item is compared and stored."""
    return " ".join(text.split())


def _heading(line: str) -> str | None:
    return HEADINGS.get(_flat(line).rstrip(":").strip().casefold())


def _known_headings() -> list[str]:
    return [*TITLES.values()][1:] + ["Leave a Comment"]


def _is_lone_short_line(block: _Block) -> bool:
    """Short, capitalised and without punctuation: a sub-heading (or a name), not a sentence."""
    text = block.text
    words = text.split()
    return (
        block.kind == "paragraph"
        and len(block.lines) == 1
        and len(words) <= MAX_NAME_WORDS
        and len(text) <= 60
        and text[0].isupper()
        and text[-1].isalnum()
        and not any(ch in _SENTENCE_PUNCTUATION for ch in text)
    )


def _unquote(text: str) -> str | None:
    """The quoted words if the paragraph is wholly one quotation, else None."""
    for opening, closing in _QUOTE_MARKS:
        if len(text) > len(opening) + len(closing) and (
            text.startswith(opening) and text.endswith(closing)
        ):
            inner = text[len(opening) : -len(closing)]
            if opening not in inner and closing not in inner and inner.strip():
                return inner.strip()
    return None


def _attribution(line: str) -> tuple[str, str] | None:
    """("Name", "role") from a line "Name, role" (an optional leading dash), else None."""
    line = _flat(line).lstrip("—–").strip()
    name, comma, role = line.partition(",")
    name, role = name.strip(), role.strip()
    if not (comma and name and role) or line.endswith(tuple('.!?:;…”"»')):
        return None
    words = name.split()
    if len(words) > MAX_NAME_WORDS or not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    if not role[0].isalnum():
        return None
    if any(ch.isdigit() or ch in '!?:;"“”«»„()[]' for ch in name):
        return None
    return name, role


def _impact_item(text: str) -> ImpactItemText | None:
    """`Label: text` with a short label (a sentence that has a colon is not one)."""
    label, colon, rest = text.partition(":")
    label, rest = label.strip(), rest.strip()
    if not (colon and label and rest) or len(label) > MAX_LABEL_LENGTH:
        return None
    if len(label.split()) > MAX_LABEL_WORDS or not (label[0].isupper() or label[0].isdigit()):
        return None
    if any(ch in _SENTENCE_PUNCTUATION for ch in label):
        return None
    return ImpactItemText(label, rest)


def _split_citations(text: str) -> tuple[str, tuple[int, ...]]:
    """ "The vote was 5–2. [1][3]" → ("The vote was 5–2.", (1, 3)); linear in the length."""
    numbers = set()
    end = len(text)
    while end and text[end - 1] == "]":
        start = text.rfind("[", max(0, end - 5), end)
        digits = text[start + 1 : end - 1]
        if start < 0 or not (digits.isascii() and digits.isdigit()):
            break
        numbers.add(int(digits))
        end = start
        while end and text[end - 1] == " ":
            end -= 1
    return text[:end], tuple(sorted(numbers))


def _source_line(text: str) -> SourceLine:
    """`Title — Publisher — URL`, `Title — URL`, `Title — Publisher`, a URL or a title."""
    parts = [part.strip() for part in _SOURCE_SEPARATOR.split(text)]
    url = ""
    last = _URL.match(parts[-1])
    if last is None and " " in parts[-1]:
        # "Title https://…" without a dash
        head, _space, tail = parts[-1].rpartition(" ")
        last = _URL.match(tail)
        if last is not None:
            parts[-1] = head.strip()
            parts.append(tail)
    if last is not None:
        url = last[1]
        parts.pop()
    if not parts:
        return SourceLine(title=url, url=url)
    if len(parts) == 1:
        return SourceLine(title=parts[0], url=url)
    return SourceLine(title=" — ".join(parts[:-1]), publisher=parts[-1], url=url)


def _valid_url(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


# -- writing ---------------------------------------------------------------------------------


def write(story: StoryText) -> str:
    """The text of a story in the import format (UTF-8, Unix line endings)."""
    blocks = [story.headline, *story.standfirst]

    def section(name: str, content: list[str]) -> None:
        if content:
            blocks.extend([TITLES[name], *content])

    def bullets(items: list[str]) -> list[str]:
        return ["\n".join(f"{BULLET} {item}" for item in items)] if items else []

    section(TAKEAWAYS, bullets(story.takeaways))
    section(VERIFIED, [_claim(claim) for claim in story.verified])
    context = [*story.analysis]
    context += bullets([f"{item.label}: {item.text}" for item in story.impact_items])
    for quote in story.quotes:
        context += [_quoted(quote.text), f"{quote.speaker}, {quote.role}"]
    section(CONTEXT, context)
    section(UNCONFIRMED, bullets([_claim(claim) for claim in story.unconfirmed]))
    section(DISPUTED, bullets([_claim(claim) for claim in story.disputed]))
    section(BOTTOM_LINE, story.bottom_line)
    section(
        SOURCES, ["\n".join(_source(source) for source in story.sources)] if story.sources else []
    )
    return "\n\n".join(block for block in blocks if block) + "\n"


def _claim(claim: ClaimText) -> str:
    cites = "".join(f"[{number}]" for number in claim.cites)
    return f"{claim.text} {cites}" if cites else claim.text


def _quoted(text: str) -> str:
    for opening, closing in _QUOTE_MARKS:
        if opening not in text and closing not in text:
            return f"{opening}{text}{closing}"
    return f"“{text}”"


def _source(source: SourceLine) -> str:
    title = "" if source.title == source.url and not source.publisher else source.title
    return " — ".join(part for part in (title, source.publisher, source.url) if part)


# -- a story in the database as text -----------------------------------------------------------


def _paragraph_list(text: str) -> list[str]:
    return [_flat(part) for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def structure_of(article: Any) -> StoryText:
    """What the text format holds of a story fetched with_story_parts(): only its pull quote."""
    story = Story.of(article)

    def claims(cited: list) -> list[ClaimText]:
        return [
            ClaimText(_flat(item.claim.text), tuple(sorted({n for n, _s in item.citations})))
            for item in cited
        ]

    pull = story.pull_quote
    return StoryText(
        headline=_flat(article.headline),
        standfirst=_paragraph_list(article.standfirst),
        takeaways=[_flat(item.text) for item in story.takeaways],
        verified=claims(story.verified),
        analysis=_paragraph_list(article.context),
        impact_items=[ImpactItemText(item.label, _flat(item.text)) for item in story.impact_items],
        quotes=[QuoteText(_flat(pull.text), pull.speaker.name, pull.role or pull.speaker.role)]
        if pull
        else [],
        unconfirmed=claims(story.unconfirmed),
        disputed=claims(story.disputed),
        bottom_line=_paragraph_list(article.bottom_line),
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
