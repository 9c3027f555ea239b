"""Passkeys and security keys (WebAuthn) as a second factor: offered at setup beside the
authenticator app, addable beside it later, asked for at the code step by served scripts (the
strict Content-Security-Policy holds), refused cleanly when forged, and kept in the audit trail.
The real ceremony with an authenticator is in tests/browser/test_passkeys.py."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

from accounts.reset import reset_second_factor
from audit.models import Entry
from tests import factories, processes
from tests.html import parse
from tests.signin_support import LOGIN, STEP, password_step

pytestmark = pytest.mark.django_db

SETUP = reverse("two_factor:setup")
ADD_PASSKEY = reverse("two_factor:add_passkey")
WIZARD = "enrolment_view-current_step"

SHOW_RELYING_PARTY = """
import json
from django.conf import settings
print(json.dumps({
    "name": settings.TWO_FACTOR_WEBAUTHN_RP_NAME,
    "id": settings.TWO_FACTOR_WEBAUTHN_RP_ID,
}))
"""


def relying_party(**variables: str) -> dict:
    result = processes.python(SHOW_RELYING_PARTY, **{**processes.PRODUCTION_ENV, **variables})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def script_sources(response) -> list[str]:
    return [tag.get("src", "") for tag in parse(response).select("script")]


def test_the_relying_party_is_the_site_by_its_name_and_host():
    party = relying_party(
        NEWSROOM_SITE_NAME="Harbour Gazette", NEWSROOM_SITE_URL="https://news.example.org/"
    )
    assert party == {"name": "Harbour Gazette", "id": "news.example.org"}


def test_the_relying_party_id_can_be_set_for_a_parent_domain():
    party = relying_party(
        NEWSROOM_SITE_URL="https://www.example.org", TWO_FACTOR_WEBAUTHN_RP_ID="example.org"
    )
    assert party["id"] == "example.org"


def test_an_ip_address_is_never_the_relying_party_id():
    assert relying_party(NEWSROOM_SITE_URL="http://127.0.0.1:8000")["id"] is None, (
        "an address by IP leaves the id to the host name the browser used"
    )
    refused = processes.python(
        SHOW_RELYING_PARTY, **{**processes.PRODUCTION_ENV, "TWO_FACTOR_WEBAUTHN_RP_ID": "10.0.0.5"}
    )
    assert refused.returncode != 0
    assert "must be a host name" in refused.stderr


def test_setup_offers_a_passkey_beside_the_authenticator_app(editor):
    client = Client()
    password_step(client, editor.username)
    choice = parse(client.post(SETUP, {WIZARD: "welcome"}))
    labels = [label.get_text(" ", strip=True) for label in choice.select("#content-main label")]
    assert "A code from an authenticator app" in labels
    assert "A passkey or security key" in labels


def test_choosing_a_passkey_serves_its_scripts_from_the_site(editor):
    client = Client()
    password_step(client, editor.username)
    client.post(SETUP, {WIZARD: "welcome"})
    page = client.post(SETUP, {WIZARD: "method", "method-method": "webauthn"})
    assert page.status_code == 200
    create = reverse("two_factor:webauthn:create_credential")
    assert script_sources(page)[-2:] == ["/static/two_factor/js/webauthn_utils.js", create]
    assert not [tag for tag in parse(page).select("script") if not tag.get("src")], "no inline"
    script = client.get(create)
    assert script.status_code == 200
    assert script["Content-Type"].startswith("text/javascript")
    assert b"navigator.credentials.create" in script.content


def test_the_code_step_asks_for_the_passkey_of_an_account_that_has_one(editor):
    factories.give_passkey(editor)
    client = Client()
    step = password_step(client, editor.username)
    assert step.status_code == 200
    assert "Second step: your passkey" in step.content.decode()
    assert reverse("two_factor:webauthn:get_credential") in script_sources(step)
    assert client.get(reverse("two_factor:webauthn:get_credential")).status_code == 200


def test_a_forged_passkey_answer_is_refused_with_a_message_and_kept_in_the_trail(editor):
    factories.give_passkey(editor)
    client = Client()
    password_step(client, editor.username)
    forged = client.post(LOGIN, {STEP: "token", "token-otp_token": '{"id": "handle-1"}'})
    assert forged.status_code == 200
    assert "was not accepted" in forged.content.decode()
    assert "_auth_user_id" not in client.session
    assert Entry.objects.filter(action="auth.code_refused", detail__code_kind="passkey").exists()


def test_an_answer_sent_twice_is_refused_not_an_error(editor, time_machine):
    factories.give_passkey(editor)
    client = Client()
    password_step(client, editor.username)
    for second in range(2):  # the first use spends the page's challenge
        time_machine.move_to(f"2026-03-02 09:0{second * 5}:00+00:00", tick=False)  # past the wait
        answer = client.post(LOGIN, {STEP: "token", "token-otp_token": "{}"})
        assert answer.status_code == 200
        assert "was not accepted" in answer.content.decode()
        assert "_auth_user_id" not in client.session


def test_an_account_with_an_app_adds_a_passkey_from_its_two_factor_page(editor_client, editor):
    profile = parse(editor_client.get(reverse("two_factor:profile")))
    assert ADD_PASSKEY in [a["href"] for a in profile.select("#content-main a")]
    start = editor_client.get(ADD_PASSKEY)
    assert start.status_code == 200
    page = editor_client.post(ADD_PASSKEY, {"add_passkey_view-current_step": "welcome"})
    assert reverse("two_factor:webauthn:create_credential") in script_sources(page), (
        "no choice to make: straight to the passkey"
    )


def test_adding_a_passkey_without_a_first_factor_goes_to_the_setup_page():
    reporter = factories.make_reporter("tomas")  # a reporter need not have a second factor
    client = Client()
    client.force_login(reporter)
    TOTPDevice.objects.filter(user=reporter).delete()  # the test sign-in gave it an app
    for answer in (client.get(ADD_PASSKEY), client.post(ADD_PASSKEY, {})):
        assert answer.status_code == 302
        assert answer["Location"] == SETUP


def test_a_passkey_set_up_or_removed_is_in_the_audit_trail(editor):
    key = factories.give_passkey(editor)
    key.delete()
    devices = list(
        Entry.objects.filter(action__startswith="2fa.")
        .order_by("pk")
        .values_list("action", "detail__device")
    )
    assert devices == [
        ("2fa.enrolled", "passkey or security key"),
        ("2fa.removed", "passkey or security key"),
    ]


def test_a_lost_phone_reset_removes_passkeys_too(editor):
    superuser = factories.make_user("chief", is_staff=True, is_superuser=True)
    factories.give_passkey(editor)
    reset_second_factor(superuser, editor)
    assert not WebauthnDevice.objects.filter(user=editor).exists()


def test_with_an_app_and_a_passkey_the_code_step_offers_the_passkey_instead(editor):
    factories.give_authenticator(editor)
    key = factories.give_passkey(editor)
    key.name = "passkey"  # added beside the app, as "Add a passkey or security key" names it
    key.save()
    client = Client()
    code_step = password_step(client, editor.username)
    assert "Second step: your code" in code_step.content.decode(), "the app stays the first"
    offer = parse(code_step).select_one('button[name="challenge_device"]')
    assert offer.get_text(strip=True) == "Use your passkey or security key instead"
    switched = client.post(LOGIN, {"challenge_device": offer["value"]})
    assert "Second step: your passkey" in switched.content.decode()
    assert reverse("two_factor:webauthn:get_credential") in script_sources(switched)


def test_after_a_refused_passkey_answer_the_next_must_wait(editor, time_machine):
    time_machine.move_to("2026-03-02 09:00:00+00:00", tick=False)
    factories.give_passkey(editor)
    client = Client()
    password_step(client, editor.username)
    client.post(LOGIN, {STEP: "token", "token-otp_token": "{}"})
    again = client.post(LOGIN, {STEP: "token", "token-otp_token": "{}"})
    assert "Too many wrong codes in a row (1)" in again.content.decode()
    time_machine.move_to("2026-03-02 09:00:05+00:00", tick=False)
    later = client.post(LOGIN, {STEP: "token", "token-otp_token": "{}"})
    assert "was not accepted" in later.content.decode(), "after the wait, it is checked again"
