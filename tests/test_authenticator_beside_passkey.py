"""Someone who set up a passkey first adds an authenticator app beside it from their
"Two-factor sign-in" page: the passkey stays the first asked for, the code step offers the app
instead, and the passkey can then be removed (a lost phone) with the app taking its place."""

from __future__ import annotations

import base64

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

from accounts import passkeys
from audit.models import Entry
from tests import factories
from tests.html import parse
from tests.signin_support import LOGIN, code_step, password_step, signed_in_with_passkey

pytestmark = pytest.mark.django_db

PROFILE = reverse("two_factor:profile")
ADD_APP = reverse("two_factor:add_app")
STEP = "add_authenticator_view-current_step"


def passkey_of(user) -> WebauthnDevice:
    return factories.give_passkey(user, name=passkeys.DEFAULT)


def add_app(client: Client):
    """Through the page: start, read the secret as the app would, send its first code."""
    shown = client.post(ADD_APP, {STEP: "welcome"})
    assert parse(shown).select_one("#content-main input[type=submit]")["value"] == "Add"
    secret = parse(shown).select_one(".signin-secret").text.strip()
    key = base64.b32decode(secret)
    return client.post(ADD_APP, {STEP: "generator", "generator-token": f"{totp(key):06d}"})


def test_a_passkey_only_account_is_offered_an_app_and_one_with_an_app_is_not(editor):
    client = signed_in_with_passkey(passkey_of(editor))
    links = [a["href"] for a in parse(client.get(PROFILE)).select("#content-main a")]
    assert ADD_APP in links
    other = factories.make_editor("olga")
    with_app = Client()
    with_app.force_login(other)
    links = [a["href"] for a in parse(with_app.get(PROFILE)).select("#content-main a")]
    assert ADD_APP not in links


def test_adding_the_app_keeps_the_passkey_first_and_is_in_the_audit_trail(editor):
    key = passkey_of(editor)
    client = signed_in_with_passkey(key)
    start = client.get(ADD_APP)
    assert "instead of your passkey" in start.content.decode()
    done = add_app(client)
    assert done.status_code == 302 and done["Location"] == PROFILE
    app = TOTPDevice.objects.get(user=editor)
    assert (app.confirmed, app.name) == (True, passkeys.APP_BESIDE)
    key.refresh_from_db()
    assert key.name == passkeys.DEFAULT
    assert Entry.objects.filter(action="2fa.enrolled", detail__device="authenticator app").exists()
    assert "Your authenticator app is set up." in client.get(PROFILE).content.decode()


def test_the_code_step_asks_for_the_passkey_and_offers_the_app_instead(editor):
    signed_in = signed_in_with_passkey(passkey_of(editor))
    add_app(signed_in)
    client = Client()
    code_step_page = password_step(client, editor.username)
    assert "Second step: your passkey" in code_step_page.content.decode()
    offer = parse(code_step_page).select_one('button[name="challenge_device"]')
    assert offer.get_text(strip=True) == "Use a code from your authenticator app instead"
    switched = client.post(LOGIN, {"challenge_device": offer["value"]})
    assert "Second step: your code" in switched.content.decode()
    app = TOTPDevice.objects.get(user=editor)
    # The code the app shows next: the current one was spent adding it.
    answer = code_step(client, factories.current_code(app, steps_ahead=1))
    assert answer.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_with_the_app_beside_it_the_only_passkey_can_be_removed_and_the_app_comes_first(editor):
    key = passkey_of(editor)
    client = signed_in_with_passkey(key)
    add_app(client)
    client.post(reverse("two_factor:remove_passkey", args=[key.pk]))
    assert not WebauthnDevice.objects.filter(user=editor).exists()
    assert TOTPDevice.objects.get(user=editor).name == passkeys.DEFAULT
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_second_app_is_not_added(editor_client):
    answer = editor_client.get(ADD_APP, follow=True)
    assert answer.redirect_chain[-1][0] == PROFILE
    assert "You already have an authenticator app set up." in answer.content.decode()


def test_adding_an_app_without_any_second_factor_goes_to_the_setup_page():
    reporter = factories.make_reporter("tomas")  # a reporter need not have a second factor
    client = Client()
    client.force_login(reporter)
    TOTPDevice.objects.filter(user=reporter).delete()
    for answer in (client.get(ADD_APP), client.post(ADD_APP, {})):
        assert answer.status_code == 302
        assert answer["Location"] == reverse("two_factor:setup")
