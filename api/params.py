"""Query parameters the API accepts: an allow-list per view, and the syntax of each value.

Anything a client sends that the view does not understand is a 400 with a JSON body, never
a 500 and never silently ignored: a typo such as `?sectoin=city` would otherwise return
every story and look like a working filter. For the same reason a parameter is given once
and with a value (`?section=` and `?section=a&section=b` are refused, as OpenAPI's defaults
for a query parameter say), and a value's syntax is written here once, as the pattern the
OpenAPI schema publishes and the check the API runs, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

MAX_NAME_LENGTH = 100
UNKNOWN = _("Unknown parameter.")
NUL = _("Null characters are not allowed.")
EMPTY = _("Give this parameter a value, or leave it out.")
REPEATED = _("Give this parameter once.")

# Any text without a null character (PostgreSQL cannot hold one; check_parameters refuses it).
TEXT = r"[^\u0000]+"
SLUG = r"[-a-zA-Z0-9_]+"
WHOLE_NUMBER = r"[0-9]+"
# RFC 3339 (with its offset), or a date alone. Years 0002–9998 only, so that no offset can
# carry the instant outside the years 1–9999 a database holds once it is converted to UTC.
_YEAR = r"(?:000[2-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9])"
DATE = _YEAR + r"-[0-9]{2}-[0-9]{2}"
DATE_TIME = DATE + r"T[0-9]{2}:[0-9]{2}:[0-5][0-9](?:\.[0-9]{1,6})?(?:Z|[+-][0-9]{2}:[0-9]{2})"


def anchored(pattern: str) -> str:
    """The pattern as the schema publishes it: the whole value must match."""
    return f"^{pattern}$"


def check_parameters(request: Request, allowed: Iterable[str]) -> None:
    """Refuse parameters the view does not take, given twice or empty, or holding a null."""
    allowed = set(allowed)
    errors: dict[str, list[str]] = {}
    for name, values in request.query_params.lists():
        shown = name[:MAX_NAME_LENGTH]
        if name not in allowed:
            errors[shown] = [str(UNKNOWN)]
        elif len(values) > 1:
            errors[shown] = [str(REPEATED)]
        elif not values[0]:
            errors[shown] = [str(EMPTY)]
        elif "\x00" in values[0]:
            errors[shown] = [str(NUL)]
    if errors:
        raise ValidationError(errors)


def whole_number(value: str) -> int | None:
    """ASCII digits as a number, else None: int() alone would also take " 5", "+5", "5_0", "٥"."""
    return int(value) if re.fullmatch(WHOLE_NUMBER, value) else None


def parse_instant(value: str) -> datetime | None:
    """An RFC 3339 time, or a date alone (its midnight, newsroom time), in UTC; else None."""
    if not (re.fullmatch(DATE_TIME, value) or re.fullmatch(DATE, value)):
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:  # a day or a time that does not exist, such as 2026-02-30
        return None
    if timezone.is_naive(instant):
        instant = timezone.make_aware(instant)
    return as_utc(instant)


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC; a time that falls outside years 1–9999 there is refused.

    Databases store UTC, so `9999-12-31T23:59:59-14:00` would overflow on the way in.
    """
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError) as error:
        raise DjangoValidationError(
            _("Enter a date and time between the years 1 and 9999."), code="invalid"
        ) from error


def instant_schema() -> dict[str, Any]:
    """An RFC 3339 time or a date: the formats give the calendar, the patterns the rest."""
    return {
        "anyOf": [
            {"type": "string", "format": "date-time", "pattern": anchored(DATE_TIME)},
            {"type": "string", "format": "date", "pattern": anchored(DATE)},
        ]
    }
