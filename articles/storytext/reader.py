"""The story-text reader: a story's text into a StoryText, with every problem and its line.

`parse` never touches the database: it returns what it read and every problem with its line
number, so an import can refuse the whole text before saving anything. The lengths it checks
come in as Limits (the bridge, articles.storytext.database, passes the database's columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import recognise
from .structure import (
    BOTTOM_LINE,
    CONTEXT,
    FURNITURE,
    HEADLINE,
    METHODS,
    ROLE,
    SOURCE_PUBLISHER,
    SOURCE_TITLE,
    SOURCE_URL,
    SOURCES,
    SPEAKER,
    STANDFIRST,
    TAKEAWAY,
    TAKEAWAYS,
    TITLES,
    ClaimText,
    Limits,
    Parsed,
    Problem,
    QuoteText,
    StoryText,
    flat,
)

_BULLET = re.compile(r"^\s*(?:•\s*|[-*]\s+)(?P<text>.*)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_PROBLEMS = 100  # a garbled file should not produce a page of thousands


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


def parse(data: bytes | str, limits: Limits | None = None) -> Parsed:
    """Read a story's text into a StoryText, with every problem and its line number; a part
    longer than its limit in `limits` is a problem (no limits: lengths are not checked)."""
    text, problems = decode(data)
    if text is None:
        return Parsed(StoryText(), problems, "")
    reader = _Reader(limits or {})
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
        return flat(" ".join(self.lines))


class _Reader:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
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
            heading = recognise.heading(stripped)
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
                    self.story.headline = flat(stripped)
                    self._check_length(number, self.story.headline, HEADLINE)
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

    def _check_length(self, line: int, value: str, part: str) -> None:
        """Refuse here what the place that keeps the part (a database column) could not hold."""
        limit = self.limits.get(part)
        if limit is not None and len(value) > limit.length:
            self.problem(
                line,
                _("This %(what)s is %(length)d characters long; the most is %(limit)d.")
                % {
                    "what": limit.name,
                    "length": len(value),
                    "limit": limit.length,
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
            quoted = recognise.unquote(block.text)
            following = blocks[position] if position < len(blocks) else None
            if quoted is not None:
                attribution = (
                    recognise.attribution(following.lines[0])
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
                quoted = recognise.unquote(flat(" ".join(block.lines[:-1])))
                attribution = recognise.attribution(block.lines[-1])
                if quoted is not None and attribution is not None:
                    self._add_quote(block.line + len(block.lines) - 1, quoted, attribution)
                    continue
            kept.append(block)
        return kept

    def _add_quote(self, line: int, text: str, attribution: tuple[str, str]) -> None:
        speaker, role = attribution
        self._check_length(line, speaker, SPEAKER)
        self._check_length(line, role, ROLE)
        self.story.quotes.append(QuoteText(text, speaker, role))

    def _until_unknown_heading(self, blocks: list[_Block]) -> list[_Block]:
        """The blocks before a line that looks like a heading we do not know (reported)."""
        for position, block in enumerate(blocks):
            after_quotation = (
                position > 0 and recognise.unquote(blocks[position - 1].text) is not None
            )
            if _is_lone_short_line(block) and not after_quotation:
                self.problem(
                    block.line,
                    _(
                        "“%(text)s” looks like a section heading, but the known headings "
                        "are: %(known)s."
                    )
                    % {"text": block.text, "known": ", ".join(recognise.known_headings())},
                )
                return blocks[:position]
        return blocks

    def _lost_attribution(self, block: _Block) -> bool:
        """A lone "Name, role" line with no quotation before it (reported)."""
        if block.kind != "paragraph" or len(block.lines) != 1:
            return False
        if recognise.attribution(block.text) is None:
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

    def _read_methods(self, blocks: list[_Block]) -> None:
        self.story.methods = self._paragraphs(blocks, METHODS)

    def _read_takeaways(self, blocks: list[_Block]) -> None:
        for block in blocks:
            if block.kind != "bullet":
                self._refuse(block, TAKEAWAYS, _("one bullet (•, - or *) per takeaway"))
            elif block.text:
                self._check_length(block.line, block.text, TAKEAWAY)
                self.story.takeaways.append(block.text)

    def _claims(self, blocks: list[_Block]) -> list[ClaimText]:
        claims = []
        for block in blocks:
            text, cites = recognise.split_citations(block.text)
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
            item = recognise.impact_item(block.text)
            if item is None:
                self._refuse(
                    block,
                    CONTEXT,
                    _(
                        "paragraphs and labelled impact bullets “Label: text” (a label of at "
                        "most %(words)d words before the colon)"
                    )
                    % {"words": recognise.MAX_LABEL_WORDS},
                )
            else:
                self.story.impact_items.append(item)

    def _read_sources(self, blocks: list[_Block]) -> None:
        seen: dict[str, int] = {}
        for block in blocks:
            source = recognise.source_line(block.text)
            bad_url = next(
                (
                    part
                    for part in (source.url, source.publisher, source.title)
                    if recognise.WEB_ADDRESS.match(part) and not recognise.valid_url(part)
                ),
                None,
            )
            if bad_url is not None:
                self.problem(block.line, _("“%s” is not a valid web address.") % bad_url)
                continue
            checked = [(SOURCE_PUBLISHER, source.publisher), (SOURCE_URL, source.url)]
            if source.title != source.url:  # a bare address's title is cut to fit
                checked.append((SOURCE_TITLE, source.title))
            for part, value in checked:
                self._check_length(block.line, value, part)
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


def _is_lone_short_line(block: _Block) -> bool:
    """Short, capitalised and without punctuation: a sub-heading (or a name), not a sentence."""
    text = block.text
    words = text.split()
    return (
        block.kind == "paragraph"
        and len(block.lines) == 1
        and len(words) <= recognise.MAX_NAME_WORDS
        and len(text) <= 60
        and text[0].isupper()
        and text[-1].isalnum()
        and not any(ch in recognise.SENTENCE_PUNCTUATION for ch in text)
    )
