"""The admin login against password guessing and session theft (SECURITY.md A16)."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD
from tests.html import parse
from tests.signin_support import STEP, password_step, sign_in

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def attempt(client: Client, username: str, password: str, address: str = "203.0.113.7"):
    """The password step of the two-step login (tests/test_two_factor.py has the code step)."""
    return password_step(client, username, password, address)


def test_twenty_wrong_passwords_from_one_address_are_throttled_and_logged(client, editor, caplog):
    caplog.set_level(logging.WARNING, logger="axes")
    statuses = [attempt(client, editor.username, f"guess-{n}").status_code for n in range(20)]
    limit = settings.AXES_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit:]) == {429}
    locked = attempt(client, editor.username, PASSWORD)
    assert locked.status_code == 429, "the right password does not get through a lockout"
    assert "_auth_user_id" not in client.session
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert "Too many failed logins" in parse(locked).select_one(".errornote").text
    assert any("Locking out" in record.getMessage() for record in caplog.records)


def test_the_lockout_is_for_that_username_from_that_address_only(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, editor.username, f"guess-{n}")
    assert attempt(client, editor.username, PASSWORD).status_code == 429
    elsewhere = Client()
    assert attempt(elsewhere, editor.username, PASSWORD, address="198.51.100.9").status_code == 302


def test_behind_a_proxy_the_lockout_follows_the_client_not_the_proxy(editor, settings):
    settings.TRUSTED_PROXIES = ["192.0.2.1"]
    proxy = "192.0.2.1"

    def via_proxy(forwarded_for: str, password: str):
        return Client().post(
            LOGIN,
            {STEP: "auth", "auth-username": editor.username, "auth-password": password},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    for n in range(settings.AXES_FAILURE_LIMIT):
        via_proxy("203.0.113.7", f"guess-{n}")
    assert via_proxy("203.0.113.7", PASSWORD).status_code == 429
    # A forged address typed in front of the real one changes nothing.
    assert via_proxy("198.51.100.9, 203.0.113.7", PASSWORD).status_code == 429
    assert via_proxy("198.51.100.9", PASSWORD).status_code == 302


def test_unknown_user_and_wrong_password_get_the_same_answer(editor):
    unknown = attempt(Client(), "nobody-here", "guess")
    wrong = attempt(Client(), editor.username, "guess")
    assert unknown.status_code == wrong.status_code == 200
    errors = [
        parse(response).select_one(".errornote").text.strip() for response in (unknown, wrong)
    ]
    assert errors[0] == errors[1]

    def normalised(response, username: str) -> str:
        page = parse(response)
        for token in page.select("input[name=csrfmiddlewaretoken]"):
            token["value"] = ""
        return str(page).replace(username, "USERNAME")

    assert normalised(unknown, "nobody-here") == normalised(wrong, editor.username)


def test_login_rotates_the_session_id(client, editor):
    session = client.session
    session["seen_before_login"] = True
    session.save()
    before = client.cookies["sessionid"].value
    assert attempt(client, editor.username, PASSWORD).status_code == 302
    after = client.cookies["sessionid"].value
    assert after != before
    stale = Client()
    stale.cookies["sessionid"] = before
    assert stale.get(reverse("admin:index")).status_code == 302


def test_logout_makes_the_old_cookie_worthless(client, editor):
    sign_in(client, editor)
    cookie = client.cookies["sessionid"].value
    assert client.get(reverse("admin:index")).status_code == 200
    client.post(reverse("admin:logout"))
    replay = Client()
    replay.cookies["sessionid"] = cookie
    response = replay.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_deactivated_user_is_anonymous_on_the_next_request(reporter_client, reporter):
    assert reporter_client.get(reverse("admin:index")).status_code == 200
    reporter.is_active = False
    reporter.save()
    response = reporter_client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_admin_post_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_section_add"), {"name": "Sport", "slug": "sport"}
    )
    assert response.status_code == 403
    from articles.models import Section

    assert not Section.objects.filter(slug="sport").exists()


def test_login_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    assert attempt(client, editor.username, PASSWORD).status_code == 403
