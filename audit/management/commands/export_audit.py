"""Write the audit trail as JSON lines to stdout, for an archive or another tool."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from audit import actions, exporting
from audit.models import Entry
from audit.trail import record


def moment(value: str, *, end_of_day: bool = False) -> datetime:
    """A date (the start of that day, or the start of the next for --until) or a date and
    time, in the newsroom's time zone unless an offset is given."""
    try:
        # A bare date first: parse_datetime would read "2026-03-02" as its midnight.
        day = parse_date(value)
        at = None if day else parse_datetime(value)
    except ValueError:
        day = at = None
    if day is None and at is None:
        raise CommandError(f"“{value}” is not a date (YYYY-MM-DD) or a date and time.")
    if day is not None:
        at = datetime.combine(day + timedelta(days=1) if end_of_day else day, time.min)
    return timezone.make_aware(at) if timezone.is_naive(at) else at


class Command(BaseCommand):
    help = (
        "Write audit entries as JSON lines (one entry per line, ISO times, oldest first) to "
        "stdout. --until DATE includes that whole day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", help="from this date or time (inclusive)")
        parser.add_argument("--until", help="up to this date (the whole day) or time (exclusive)")
        parser.add_argument("--area", choices=list(actions.AREAS), help="only this area")

    def handle(
        self, *args: Any, since: str | None, until: str | None, area: str | None, **options: Any
    ) -> None:
        entries = Entry.objects.all()
        if since:
            entries = entries.filter(at__gte=moment(since))
        if until:
            entries = entries.filter(at__lt=moment(until, end_of_day=True))
        if area:
            entries = entries.filter(area=area)
        record("audit.exported", since=since, until=until, area=area)
        for line in exporting.json_lines(entries):
            self.stdout.write(line, ending="")
