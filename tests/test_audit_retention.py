"""Retention: `manage.py purge_audit` removes entries older than AUDIT_RETENTION_DAYS, and
only those, and records that it did."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

import audit
from audit import retention
from audit.models import Entry

pytestmark = pytest.mark.django_db


def recorded_days_ago(days: float, label: str) -> Entry:
    with time_machine.travel(timezone.now() - timedelta(days=days), tick=False):
        return audit.record("workflow.publish", target=label)


def purge(*args: str) -> str:
    out = io.StringIO()
    call_command("purge_audit", *args, stdout=out)
    return out.getvalue()


def test_entries_older_than_the_retention_are_removed_and_newer_ones_kept(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = [recorded_days_ago(31, "old"), recorded_days_ago(400, "ancient")]
    kept = [recorded_days_ago(29, "recent"), recorded_days_ago(0, "today")]
    assert "Removed 2 audit entries older than 30 days." in purge()
    remaining = set(Entry.objects.values_list("pk", flat=True))
    assert {e.pk for e in kept} <= remaining
    assert not {e.pk for e in old} & remaining


def test_the_purge_records_how_many_it_removed(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    recorded_days_ago(45, "old")
    purge()
    entry = Entry.objects.get(action="audit.purged")
    assert (entry.area, entry.origin, entry.detail["removed"]) == ("operations", "command", 1)


def test_a_retention_of_zero_keeps_every_entry(settings):
    settings.AUDIT_RETENTION_DAYS = 0
    recorded_days_ago(4000, "very old")
    assert "nothing removed" in purge()
    assert Entry.objects.filter(target_label="very old").exists()
    assert not Entry.objects.filter(action="audit.purged").exists()


def test_days_on_the_command_line_override_the_setting(settings):
    settings.AUDIT_RETENTION_DAYS = 400
    recorded_days_ago(20, "three weeks")
    purge("--days", "14")
    assert not Entry.objects.filter(target_label="three weeks").exists()
    with pytest.raises(CommandError):
        purge("--days", "-1")


def test_a_large_purge_goes_in_batches(settings, monkeypatch):
    monkeypatch.setattr(retention, "BATCH", 2)
    for n in range(5):
        recorded_days_ago(500, f"old {n}")
    recorded_days_ago(1, "new")
    assert retention.purge(days=400) == 5
    assert list(
        Entry.objects.exclude(action="audit.purged").values_list("target_label", flat=True)
    ) == ["new"]
