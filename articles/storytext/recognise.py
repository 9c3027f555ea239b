"""What one line or paragraph of story text is: a section heading, a quotation, a quote's
attribution, a labelled impact item, a claim with its citations, a source.

Each answers for the text alone; the reader (articles.storytext.reader) decides, with the lines
around it, what a paragraph is and which problem to report.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .structure import HEADINGS, QUOTE_MARKS, TITLES, ImpactItemText, SourceLine, flat

_URL = re.compile(r"^<?(https?://\S+?)>?$", re.IGNORECASE)
WEB_ADDRESS = re.compile(r"^<?https?://", re.IGNORECASE)
_SOURCE_SEPARATOR = re.compile(r"\s+[—–]\s+")
SENTENCE_PUNCTUATION = set('.,;:!?"“”«»„')
MAX_LABEL_WORDS = 4
MAX_LABEL_LENGTH = 40
MAX_NAME_WORDS = 6


def heading(line: str) -> str | None:
    """The section this line opens, if it is a known heading."""
    return HEADINGS.get(flat(line).rstrip(":").strip().casefold())


def known_headings() -> list[str]:
    """The headings a problem lists when a line looks like an unknown one."""
    return [*TITLES.values()][1:] + ["Leave a Comment"]


def unquote(text: str) -> str | None:
    """The quoted words if the paragraph is wholly one quotation, else None."""
    for opening, closing in QUOTE_MARKS:
        if len(text) > len(opening) + len(closing) and (
            text.startswith(opening) and text.endswith(closing)
        ):
            inner = text[len(opening) : -len(closing)]
            if opening not in inner and closing not in inner and inner.strip():
                return inner.strip()
    return None


def attribution(line: str) -> tuple[str, str] | None:
    """("Name", "role") from a line "Name, role" (an optional leading dash), else None."""
    line = flat(line).lstrip("—–").strip()
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


def impact_item(text: str) -> ImpactItemText | None:
    """`Label: text` with a short label (a sentence that has a colon is not one)."""
    label, colon, rest = text.partition(":")
    label, rest = label.strip(), rest.strip()
    if not (colon and label and rest) or len(label) > MAX_LABEL_LENGTH:
        return None
    if len(label.split()) > MAX_LABEL_WORDS or not (label[0].isupper() or label[0].isdigit()):
        return None
    if any(ch in SENTENCE_PUNCTUATION for ch in label):
        return None
    return ImpactItemText(label, rest)


def split_citations(text: str) -> tuple[str, tuple[int, ...]]:
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


def source_line(text: str) -> SourceLine:
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


def valid_url(url: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True
