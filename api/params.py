"""Query parameters the API accepts: an allow-list per view, and times a database can hold.

Anything a client sends that the view does not understand is a 400 with a JSON body, never
a 500 and never silently ignored: a typo such as `?sectoin=city` would otherwise return
every story and look like a working filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request

MAX_NAME_LENGTH = 100
UNKNOWN = _("Unknown parameter.")
NUL = _("Null characters are not allowed.")


def check_parameters(request: Request, allowed: Iterable[str]) -> None:
    """Refuse parameters the view does not take, and values no database column could hold."""
    allowed = set(allowed)
    errors: dict[str, list[str]] = {}
    for name, values in request.query_params.lists():
        shown = name[:MAX_NAME_LENGTH]
        if name not in allowed:
            errors[shown] = [str(UNKNOWN)]
        elif any("\x00" in value for value in values):
            errors[shown] = [str(NUL)]
    if errors:
        raise ValidationError(errors)


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
