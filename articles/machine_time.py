"""Moments as machines read them: HTML `datetime` attributes, JSON-LD and Open Graph dates.

HTML allows at most three digits of a second's fraction, and readers see times to the minute;
Python's isoformat() writes six. One function, used by the templates (the `machine_time`
filter in articles/templatetags/newsroom.py), the story cards and the JSON-LD alike, writes
every moment in the newsroom's time zone to the whole second.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def machine_time(moment: datetime | date | None) -> str:
    """ISO 8601 to the whole second, in the current time zone ("" for no moment).

    A date stays a date ("2026-03-02").
    """
    if moment is None or moment == "":
        return ""
    if not isinstance(moment, datetime):
        return moment.isoformat()
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(microsecond=0).isoformat()
