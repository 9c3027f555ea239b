"""The story-text writer: a StoryText as the text the reader reads back.

`write` is the reader's inverse: parse(write(story)) == story for any story the format can hold.
"""

from __future__ import annotations

from .structure import (
    BOTTOM_LINE,
    BULLET,
    CONTEXT,
    DISPUTED,
    METHODS,
    QUOTE_MARKS,
    SOURCES,
    TAKEAWAYS,
    TITLES,
    UNCONFIRMED,
    VERIFIED,
    ClaimText,
    SourceLine,
    StoryText,
)


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
    section(METHODS, story.methods)
    section(
        SOURCES, ["\n".join(_source(source) for source in story.sources)] if story.sources else []
    )
    return "\n\n".join(block for block in blocks if block) + "\n"


def _claim(claim: ClaimText) -> str:
    cites = "".join(f"[{number}]" for number in claim.cites)
    return f"{claim.text} {cites}" if cites else claim.text


def _quoted(text: str) -> str:
    for opening, closing in QUOTE_MARKS:
        if opening not in text and closing not in text:
            return f"{opening}{text}{closing}"
    return f"“{text}”"


def _source(source: SourceLine) -> str:
    title = "" if source.title == source.url and not source.publisher else source.title
    return " — ".join(part for part in (title, source.publisher, source.url) if part)
