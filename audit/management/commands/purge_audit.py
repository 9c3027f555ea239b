"""Remove audit entries older than AUDIT_RETENTION_DAYS (for cron or a systemd timer)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit import retention


class Command(BaseCommand):
    help = (
        "Delete audit entries older than AUDIT_RETENTION_DAYS (or --days), and record that it "
        "was done. 0 days keeps every entry."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, help="keep this many days instead of the setting")

    def handle(self, *args: Any, days: int | None, **options: Any) -> None:
        if days is not None and days < 0:
            raise CommandError("--days must be 0 (keep everything) or more.")
        days = settings.AUDIT_RETENTION_DAYS if days is None else days
        if days == 0:
            self.stdout.write("Audit retention is 0 days: every entry is kept; nothing removed.")
            return
        removed = retention.purge(days)
        self.stdout.write(f"Removed {removed} audit entries older than {days} days.")
