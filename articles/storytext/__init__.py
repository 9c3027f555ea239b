"""A story as plain text: read wire copy into a structure, and write a story back out.

The format (README, "Importing and exporting stories"): the first non-empty line is the
headline; paragraphs until the first section heading are the standfirst; then sections under
the headings in HEADINGS. One job per module:

- `structure`: the sections, their headings and a story's parts (StoryText, ClaimText, …);
- `reader`: `parse`, text into a StoryText with every problem and its line number; no database;
- `recognise`: what one line or paragraph is (a heading, a quotation, an attribution, …);
- `writer`: `write`, its inverse: parse(write(story)) == story for any story the format holds;
- `database`: the bridge to the models: the column lengths the reader checks, and a stored
  story as a structure (`structure_of`) and as text (`export`).

`storytext.parse` here is the reader with the database's column lengths, so an import refuses
before saving what a column could not hold; `reader.parse(data)` alone checks no lengths.
"""

from .database import column_limits, export, paragraphs, parse, structure_of
from .reader import MAX_PROBLEMS, decode
from .recognise import MAX_LABEL_LENGTH, MAX_LABEL_WORDS, MAX_NAME_WORDS
from .structure import (
    BOTTOM_LINE,
    BULLET,
    CONTEXT,
    DISPUTED,
    FURNITURE,
    HEADINGS,
    METHODS,
    SOURCES,
    STANDFIRST,
    TAKEAWAYS,
    TITLES,
    UNCONFIRMED,
    VERIFIED,
    ClaimText,
    ImpactItemText,
    Limit,
    Limits,
    Parsed,
    Problem,
    QuoteText,
    SourceLine,
    StoryText,
)
from .writer import write

__all__ = [
    "BOTTOM_LINE",
    "METHODS",
    "BULLET",
    "CONTEXT",
    "DISPUTED",
    "FURNITURE",
    "HEADINGS",
    "MAX_LABEL_LENGTH",
    "MAX_LABEL_WORDS",
    "MAX_NAME_WORDS",
    "MAX_PROBLEMS",
    "SOURCES",
    "STANDFIRST",
    "TAKEAWAYS",
    "TITLES",
    "UNCONFIRMED",
    "VERIFIED",
    "ClaimText",
    "ImpactItemText",
    "Limit",
    "Limits",
    "Parsed",
    "Problem",
    "QuoteText",
    "SourceLine",
    "StoryText",
    "column_limits",
    "decode",
    "export",
    "paragraphs",
    "parse",
    "structure_of",
    "write",
]
