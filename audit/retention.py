"""How long the trail is kept: AUDIT_RETENTION_DAYS (0 keeps every entry for ever)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Entry
from .trail import record

BATCH = 5000  # rows per DELETE, so a first purge of a large trail holds no lock for long


def cutoff(days: int | None = None, now: datetime | None = None) -> datetime | None:
    """Entries older than this are removed; None when the trail is kept for ever."""
    days = settings.AUDIT_RETENTION_DAYS if days is None else days
    if days <= 0:
        return None
    return (now or timezone.now()) - timedelta(days=days)


def purge(days: int | None = None) -> int:
    """Remove entries older than the retention period, and record that it was done."""
    before = cutoff(days)
    if before is None:
        return 0
    removed = 0
    while True:
        with transaction.atomic():
            batch = list(Entry.objects.filter(at__lt=before).values_list("pk", flat=True)[:BATCH])
            if not batch:
                break
            removed += Entry.objects.filter(pk__in=batch)._purge()
    record("audit.purged", removed=removed, before=before)
    return removed
