"""What makes a comment look like spam, and which characters a comment may not contain.

A suspicious comment is not refused: it is stored as spam with the reason, for an editor to
review, and the reader is told (as always) that it awaits moderation.

Matching is done on a "skeleton" of the text: NFKC-normalised, format characters (zero-width
joiners and the like, Unicode category Cf) removed, case-folded, with common look-alike letters
and leetspeak digits mapped to Latin letters. Words match on word boundaries, so a blocked
word inside a longer one ("assessment") does not count.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

HONEYPOT = "honeypot"
LINKS = "links"
BLOCKLIST = "blocklist"
IMPERSONATION = "impersonation"

# Cyrillic and Greek letters that look like Latin ones, and leetspeak digits.
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i",
        "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
    }
)  # fmt: skip

# A link is anything with a scheme (http, hxxp, ftp…), anything starting "www.", or a bare
# domain name (ASCII, internationalised or punycode). Checked word by word with anchored
# patterns, so the work stays linear in the length of the text whatever it contains.
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]{1,15}://", re.IGNORECASE)
_LABEL = re.compile(r"[^\W_][\w\-]*")
_TOP_LEVEL = re.compile(r"[^\W\d_]{2,24}|xn--[a-z0-9\-]+", re.IGNORECASE)
_EDGE_PUNCTUATION = "\"'()[]{}<>«»“”‘’.,;:!?"

# C0 controls and DEL; C1 controls. Tab, line feed and carriage return are allowed in bodies.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_CONTROL = re.compile(r"[\t\n\r]")
# Bidirectional embeddings, overrides and isolates: invisible, and able to reverse a name.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def skeleton(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return text.casefold().translate(_LOOKALIKES)


@cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    alternatives = [
        r"\s+".join(re.escape(part) for part in skeleton(word).split())
        for word in words
        if word.strip()
    ]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _mentions(text: str, words: list[str]) -> bool:
    pattern = _word_pattern(tuple(words))
    return bool(pattern and pattern.search(skeleton(text)))


def _is_link(word: str) -> bool:
    word = word.strip(_EDGE_PUNCTUATION)
    if _SCHEME.match(word) or word.casefold().startswith("www."):
        return True
    host = re.split(r"[/?#:@]", word, maxsplit=1)[0]
    labels = host.split(".")
    return (
        len(labels) >= 2
        and all(_LABEL.fullmatch(label) for label in labels)
        and bool(_TOP_LEVEL.fullmatch(labels[-1]))
    )


def count_links(text: str) -> int:
    return sum(1 for word in text.split() if _is_link(word))


def reasons_in_words(spam_reason: str) -> list[str]:
    """What Comment.spam_reason (the codes spam_reasons() gave, comma-separated) says, in words
    a moderator reads; a code this version does not know is shown as it was stored."""
    words = {
        HONEYPOT: _("filled in the field only robots see"),
        LINKS: _("too many links"),
        BLOCKLIST: _("a blocked word"),
        IMPERSONATION: _("a name kept for the newsroom"),
    }
    codes = [code.strip() for code in spam_reason.split(",") if code.strip()]
    return [str(words.get(code, code)) for code in codes]


def strip_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def spam_reasons(name: str, body: str, honeypot: str = "") -> list[str]:
    """Why this comment should wait in the spam queue (an empty list when it need not)."""
    reasons = []
    if honeypot and settings.COMMENTS_HONEYPOT:
        reasons.append(HONEYPOT)
    if count_links(body) + count_links(name) > settings.COMMENTS_MAX_LINKS:
        reasons.append(LINKS)
    if _mentions(f"{name}\n{body}", settings.COMMENTS_BLOCKLIST):
        reasons.append(BLOCKLIST)
    if _mentions(name, settings.COMMENTS_RESERVED_NAMES):
        reasons.append(IMPERSONATION)
    return reasons


@deconstructible
class NoControlCharacters:
    """Refuse invisible control characters (terminal escapes, bells…) with a clear message.

    NUL is refused earlier by Django's ProhibitNullCharactersValidator. `multiline` allows
    line breaks and tabs, for the comment itself.
    """

    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: str) -> None:
        if _CONTROL.search(value) or (not self.multiline and _LINE_CONTROL.search(value)):
            raise ValidationError(
                _("This contains invisible control characters. Please remove them."),
                code="control_characters",
            )
        if "\ufffd" in value:
            raise ValidationError(
                _("Some characters could not be read (the text was not valid UTF-8)."),
                code="undecodable",
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoControlCharacters) and other.multiline == self.multiline
