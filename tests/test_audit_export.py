"""The audit trail as JSON lines: from the admin over the current filter, and from
`manage.py export_audit` with --since, --until and --area."""

from __future__ import annotations

import io
import json
from datetime import datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import audit
from audit.models import Entry
from tests.factories import make_user

pytestmark = pytest.mark.django_db

EXPORT = reverse("admin:audit_entry_export")


def at(day: int, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime(2026, 3, day, hour, 0))


@pytest.fixture
def history(editor):
    """Entries on 1, 2 and 3 March, in two areas."""
    made = []
    for day in (1, 2, 3):
        with time_machine.travel(at(day), tick=False):
            made.append(audit.record("workflow.publish", actor=editor, target=f"Story {day}"))
            made.append(audit.record("backup.made", path=f"/backups/{day}.sqlite3"))
    return made


def lines_of(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode()
    assert body.endswith("\n")
    return [json.loads(line) for line in body.splitlines()]


def exported(*args: str) -> list[dict]:
    out = io.StringIO()
    call_command("export_audit", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_admin_export_streams_the_filtered_list_as_json_lines(editor, history):
    client = Client()
    client.force_login(make_user("aurelia", is_staff=True, is_superuser=True))
    response = client.get(EXPORT, {"area": "newsroom"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("application/jsonl")
    assert "attachment" in response["Content-Disposition"]
    lines = lines_of(response)
    assert [line["target"]["label"] for line in lines] == ["Story 1", "Story 2", "Story 3"]
    first = lines[0]
    assert datetime.fromisoformat(first["at"]) == at(1)
    assert (first["action"], first["area"], first["actor"]) == (
        "workflow.publish",
        "newsroom",
        editor.username,
    )
    assert first["action_label"] == "Published"


def test_the_admin_export_honours_search_and_dates_too(history):
    client = Client()
    client.force_login(make_user("aurelia", is_staff=True, is_superuser=True))
    response = client.get(EXPORT, {"q": "Story 2"})
    assert [line["target"]["label"] for line in lines_of(response)] == ["Story 2"]
    response = client.get(EXPORT, {"at__day": "3", "at__month": "3", "at__year": "2026"})
    assert [line["at"][:10] for line in lines_of(response)] == ["2026-03-03", "2026-03-03"]


def test_an_editor_exports_only_their_areas_and_the_export_is_recorded(editor, history):
    client = Client()
    client.force_login(editor)
    areas = {line["area"] for line in lines_of(client.get(EXPORT))}
    assert areas == {"newsroom"}
    recorded = Entry.objects.get(action="audit.exported")
    assert recorded.actor == editor


def test_reporters_cannot_export(reporter, history):
    client = Client()
    client.force_login(reporter)
    assert client.get(EXPORT).status_code == 403


def test_the_command_writes_every_entry_oldest_first_as_json_lines(history):
    lines = exported()
    ids = [line["id"] for line in lines]
    assert [pk for pk in ids if pk in {e.pk for e in history}] == [e.pk for e in history]
    times = [datetime.fromisoformat(line["at"]) for line in lines]
    assert times == sorted(times)
    assert all(datetime.fromisoformat(line["at"]).tzinfo is not None for line in lines)


def test_the_command_keeps_to_since_until_and_area(history):
    lines = exported("--since", "2026-03-02", "--until", "2026-03-02", "--area", "operations")
    assert [line["detail"]["path"] for line in lines] == ["/backups/2.sqlite3"]
    lines = exported("--since", "2026-03-02T13:00:00+00:00", "--until", "2026-03-31")
    assert {line["target"]["label"] for line in lines} == {"Story 3", ""}


def test_the_command_explains_a_date_it_cannot_read():
    with pytest.raises(CommandError, match="not a date"):
        exported("--since", "last tuesday")
    with pytest.raises(CommandError, match="not a date"):
        exported("--until", "2026-02-30")


def test_a_command_export_is_recorded_as_a_command(history):
    exported("--area", "newsroom")
    recorded = Entry.objects.get(action="audit.exported")
    assert (recorded.actor, recorded.origin, recorded.detail["area"]) == (
        None,
        "command",
        "newsroom",
    )


@pytest.mark.parametrize(
    "query",
    [
        {"at__year": "twenty"},
        {"at__month": "13", "at__year": "2026"},
        {"o": "999"},
        {"area": "nowhere"},
        {"actor__password__startswith": "p"},
        {"q": "x" * 20000},
    ],
)
def test_hostile_filters_on_the_list_and_the_export_never_give_a_server_error(history, query):
    client = Client(raise_request_exception=False)
    client.force_login(make_user("aurelia", is_staff=True, is_superuser=True))
    for url in (EXPORT, reverse("admin:audit_entry_changelist")):
        response = client.get(url, query)
        assert response.status_code < 500, (url, query, response.status_code)
        if response.streaming:
            assert all(
                json.loads(line) for line in b"".join(response.streaming_content).splitlines()
            )
