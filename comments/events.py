"""One log line per comment event, safe to read in a terminal and to parse.

Every value a reader controls is escaped (line breaks, terminal escapes, non-ASCII become
backslash sequences), so a name cannot forge a second log line. The email and the text of a
comment are never logged; the length of the text is.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger("comments")

_MAX_VALUE = 120


def escape(value: Any) -> str:
    text = str(value)[:_MAX_VALUE]
    return text.encode("unicode_escape").decode("ascii").replace('"', '\\"')


def record(event: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log `event` with key="value" pairs, e.g. record("stored", comment=12, status="pending")."""
    pairs = " ".join(f'{key}="{escape(value)}"' for key, value in fields.items())
    logger.log(level, "comment %s %s", escape(event), pairs)
