"""Second factors in the audit trail: set up, removed, reset for someone else, new codes."""

from __future__ import annotations

import base64

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from audit.models import Entry
from tests import factories
from tests.html import parse
from tests.signin_support import password_step

SETUP = reverse("two_factor:setup")
STEP = "enrolment_view-current_step"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("ada", "ada@example.com", factories.PASSWORD)


def trail(user) -> list[tuple[str, str, dict]]:
    """(action, actor's name, detail) of every second-factor entry about `user`, oldest first."""
    rows = Entry.objects.filter(action__startswith="2fa.", object_id=str(user.pk)).order_by("pk")
    return [(row.action, row.actor_name, row.detail) for row in rows]


def test_setting_up_an_authenticator_app_is_recorded_with_who_and_from_where(editor):
    client = Client(REMOTE_ADDR="203.0.113.7")
    password_step(client, editor.username)
    client.get(SETUP)
    client.post(SETUP, {STEP: "welcome"})
    page = parse(client.post(SETUP, {STEP: "method", "method-method": "generator"}))
    key = base64.b32decode(page.select_one(".signin-secret").text.strip())
    done = client.post(SETUP, {STEP: "generator", "generator-token": f"{totp(key):06d}"})
    assert done.status_code == 302
    assert trail(editor) == [("2fa.enrolled", "marek", {"device": "authenticator app"})]
    entry = Entry.objects.get(action="2fa.enrolled")
    assert (entry.origin, entry.address) == (Entry.Origin.WEB, "203.0.113.7")


def test_new_recovery_codes_are_recorded(editor_client, editor):
    editor_client.post(reverse("two_factor:backup_tokens"))
    assert trail(editor)[-1] == ("2fa.backup_codes_made", "marek", {"codes": 10})


def test_turning_it_off_records_each_device_removed(reporter_client, reporter):
    reporter_client.post(reverse("two_factor:backup_tokens"))
    answer = reporter_client.post(reverse("two_factor:disable"), {"understand": "on"})
    assert answer.status_code == 302
    removed = [row for row in trail(reporter) if row[0] == "2fa.removed"]
    assert sorted(removed, key=str) == [
        ("2fa.removed", "rosa", {"device": "authenticator app"}),
        ("2fa.removed", "rosa", {"device": "recovery codes"}),
    ]


def test_a_superusers_reset_of_a_lost_phone_is_recorded_as_theirs(superuser, editor):
    factories.give_authenticator(editor)
    boss = Client()
    boss.force_login(superuser)
    boss.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [editor.pk]},
    )
    after_reset = trail(editor)[-2:]
    assert after_reset == [
        ("2fa.removed", superuser.username, {"device": "authenticator app"}),
        ("2fa.reset", superuser.username, {"devices": 1}),
    ]
