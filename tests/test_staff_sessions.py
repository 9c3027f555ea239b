"""Staff sessions: they end after NEWSROOM_STAFF_IDLE_MINUTES without a request; a password
change ends every other session of that account; the admin's password forms apply Django's
password validators. Readers' requests never start a session."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tests import factories, processes
from tests.html import parse

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")
LOGIN = reverse("admin:login")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def is_signed_in(client: Client) -> bool:
    return client.get(ADMIN).status_code == 200


def test_a_staff_session_ends_after_the_idle_limit(editor, settings, time_machine):
    settings.NEWSROOM_STAFF_IDLE_MINUTES = 60
    time_machine.move_to("2026-03-02 09:00:00+00:00", tick=False)
    client = signed_in(editor)
    assert is_signed_in(client)
    time_machine.shift(61 * 60)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "without activity" in parse(page).select_one(".messagelist").text


def test_activity_within_the_limit_keeps_the_session(editor, settings, time_machine):
    settings.NEWSROOM_STAFF_IDLE_MINUTES = 60
    time_machine.move_to("2026-03-02 09:00:00+00:00", tick=False)
    client = signed_in(editor)
    for _ in range(4):
        assert is_signed_in(client)
        time_machine.shift(50 * 60)
    assert is_signed_in(client), "three hours in, but never idle for an hour"


def test_the_idle_limit_is_a_setting(editor, settings, time_machine):
    settings.NEWSROOM_STAFF_IDLE_MINUTES = 15
    time_machine.move_to("2026-03-02 09:00:00+00:00", tick=False)
    client = signed_in(editor)
    assert is_signed_in(client)
    time_machine.shift(16 * 60)
    assert not is_signed_in(client)


def test_a_readers_visit_starts_no_session(client, settings):
    response = client.get("/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0


def test_changing_ones_own_password_ends_the_other_sessions(editor):
    here, elsewhere = signed_in(editor), signed_in(editor)
    assert is_signed_in(elsewhere)
    response = here.post(
        reverse("admin:password_change"),
        {
            "old_password": factories.PASSWORD,
            "new_password1": "a-new-harbour-lantern-42",
            "new_password2": "a-new-harbour-lantern-42",
        },
    )
    assert response.status_code == 302
    assert is_signed_in(here), "the session that changed it stays signed in"
    assert not is_signed_in(elsewhere)


def test_a_superuser_setting_someones_password_ends_all_their_sessions(superuser, editor):
    admin_client = signed_in(superuser)
    theirs = signed_in(editor)
    assert is_signed_in(theirs)
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        {
            "usable_password": "true",
            "password1": "another-harbour-lantern-7",
            "password2": "another-harbour-lantern-7",
        },
    )
    assert response.status_code == 302
    assert not is_signed_in(theirs)
    assert is_signed_in(admin_client)


@pytest.mark.parametrize(
    "weak, reason",
    [("short1", "too short"), ("password123", "too common"), ("83920174651", "entirely numeric")],
)
def test_the_admin_password_forms_refuse_weak_passwords(superuser, editor, weak, reason):
    own = signed_in(editor).post(
        reverse("admin:password_change"),
        {"old_password": factories.PASSWORD, "new_password1": weak, "new_password2": weak},
    )
    other = signed_in(superuser).post(
        reverse("admin:auth_user_password_change", args=[editor.pk]),
        {"usable_password": "true", "password1": weak, "password2": weak},
    )
    for response in (own, other):
        assert response.status_code == 200
        assert reason in parse(response).select_one(".errorlist").text
    editor.refresh_from_db()
    assert editor.check_password(factories.PASSWORD)


def test_a_password_like_the_username_is_refused(superuser):
    response = signed_in(superuser).post(
        reverse("admin:auth_user_add"),
        {
            "username": "harbourmaster",
            "usable_password": "true",
            "password1": "harbourmaster1",
            "password2": "harbourmaster1",
        },
    )
    assert response.status_code == 200
    assert "too similar" in parse(response).select_one(".errorlist").text
    assert not get_user_model().objects.filter(username="harbourmaster").exists()


@pytest.mark.parametrize(
    "variable, value, complaint",
    [
        ("NEWSROOM_2FA_REQUIRED", "everyone", 'must be "editors" or "staff"'),
        ("NEWSROOM_STAFF_IDLE_MINUTES", "0", "must be at least 1"),
    ],
)
def test_a_mistyped_sign_in_setting_stops_start_up(variable, value, complaint):
    result = processes.manage("check", **{**processes.PRODUCTION_ENV, variable: value})
    assert result.returncode != 0
    assert complaint in result.stderr


def test_production_settings_with_two_factor_sign_in_pass_the_deploy_check():
    result = processes.manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        NEWSROOM_2FA_REQUIRED="staff",
        NEWSROOM_STAFF_IDLE_MINUTES="30",
        **processes.PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
