"""The sign-in pages as someone still owing the second factor sees them."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.html import parse
from tests.signin_support import password_step


def test_someone_sent_to_set_up_a_device_can_log_out_instead(editor):
    client = Client()
    password_step(client, editor.username)
    page = parse(client.get(reverse("two_factor:setup")))
    form = page.select_one("#user-tools form")
    assert form["action"] == reverse("two_factor:sign_out") and form["method"] == "post"
    assert page.select_one("#user-tools").text.split() == ["Log", "out"], "nothing else opens"
    out = client.post(form["action"])
    assert out.status_code == 302 and out["Location"] == reverse("admin:login")
    assert "_auth_user_id" not in client.session, "signed out"
    after = client.get(reverse("admin:index"))
    assert after.status_code == 302 and after["Location"].startswith(reverse("admin:login"))


def test_the_password_step_shows_no_user_tools(client, db):
    assert parse(client.get(reverse("admin:login"))).select_one("#user-tools") is None


def test_signing_out_takes_a_post_with_the_csrf_token(editor):
    client = Client()
    password_step(client, editor.username)
    client.handler.enforce_csrf_checks = True
    assert client.get(reverse("two_factor:sign_out")).status_code == 405
    assert client.post(reverse("two_factor:sign_out")).status_code == 403
    assert "_auth_user_id" in client.session
