"""Signing in through the admin's two-step login, as a browser does it, with the test client."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories

LOGIN = reverse("admin:login")
STEP = "admin_login_view-current_step"


def password_step(
    client: Client, username: str, password: str = factories.PASSWORD, address: str = "203.0.113.7"
):
    return client.post(
        LOGIN,
        {STEP: "auth", "auth-username": username, "auth-password": password},
        REMOTE_ADDR=address,
    )


def code_step(client: Client, code: str, address: str = "203.0.113.7"):
    return client.post(LOGIN, {STEP: "token", "token-otp_token": code}, REMOTE_ADDR=address)


def recovery_step(client: Client, code: str, address: str = "203.0.113.7"):
    return client.post(LOGIN, {STEP: "backup", "backup-otp_token": code}, REMOTE_ADDR=address)


def sign_in(client: Client, user: Any) -> None:
    """Both steps with the right password and the code the user's app shows now."""
    device = factories.give_authenticator(user)
    answer = password_step(client, user.get_username())
    assert answer.status_code == 200, "the password step leads to the code step"
    answer = code_step(client, factories.current_code(device))
    assert answer.status_code == 302, answer.content[:2000]


def signed_in_with_passkey(key: Any) -> Client:
    """A client whose session passed the second factor with `key`, the person's only factor
    besides any other keys (force_login's authenticator app is taken away again)."""
    client = Client()
    client.force_login(key.user)
    TOTPDevice.objects.filter(user=key.user).delete()
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = key.persistent_id
    session.save()
    return client
