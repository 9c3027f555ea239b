"""Passkeys in a real browser: Chromium's virtual authenticator (through the DevTools protocol)
stands in for a phone or a security key. An editor sets one up at the forced enrolment, then
signs in with the password and the passkey; no page breaks the Content-Security-Policy (the
browser conftest fails the test on any violation)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from two_factor.plugins.webauthn.models import WebauthnDevice

from audit.models import Entry
from tests import factories
from tests.browser.admin_pages import log_in_with_password

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def by_host_name(live_server: Any) -> str:
    """The live server by host name: WebAuthn refuses an IP address as the relying party, and
    http is a secure context only for localhost."""
    return f"http://localhost:{urlsplit(live_server.url).port}"


@pytest.fixture
def browser_context_args(browser_context_args: dict, live_server: Any) -> dict:
    """This module's contexts open the site as localhost (the others keep their address)."""
    return {**browser_context_args, "base_url": by_host_name(live_server)}


class Authenticators:
    """Chromium's virtual authenticators for one page: a phone's passkey ("internal") or a
    USB key. One authenticator holds one key per site, as real ones do."""

    OPTIONS = {
        "protocol": "ctap2",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }

    def __init__(self, page: Page) -> None:
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("WebAuthn.enable")

    def add(self, transport: str = "internal") -> str:
        options = {**self.OPTIONS, "transport": transport}
        return self.cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})[
            "authenticatorId"
        ]

    def remove(self, authenticator_id: str) -> None:
        self.cdp.send("WebAuthn.removeVirtualAuthenticator", {"authenticatorId": authenticator_id})


def with_virtual_authenticator(new_context: Any) -> tuple[Page, Authenticators]:
    page = new_context().new_page()
    authenticators = Authenticators(page)
    authenticators.add()
    return page, authenticators


def enrol_with_a_passkey(page: Page, editor: Any) -> None:
    """The forced enrolment after the password, choosing a passkey."""
    log_in_with_password(page, editor)
    expect(page).to_have_url(re.compile(r"/two-factor/setup/"))
    page.get_by_role("button", name="Start").click()
    page.get_by_label("A passkey or security key").check()
    page.get_by_role("button", name="Next").click()
    # The page's script asks the authenticator, fills the hidden answer and sends the form.
    expect(page.get_by_role("heading", name="Two-factor sign-in is on")).to_be_visible()


def test_an_editor_sets_up_a_passkey_then_signs_in_with_password_and_passkey(new_context: Any):
    editor = factories.make_editor("ilse")
    page, _authenticators = with_virtual_authenticator(new_context)
    enrol_with_a_passkey(page, editor)

    key = WebauthnDevice.objects.get(user=editor)
    assert key.confirmed
    used_at_enrolment = key.last_used_at
    assert Entry.objects.filter(
        action="2fa.enrolled", detail__device="passkey or security key"
    ).exists()

    page.goto("/admin/")
    page.get_by_role("button", name="Log out").click()
    log_in_with_password(page, editor)
    # The code step asks for the passkey; its script answers by itself, and the admin opens.
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    key.refresh_from_db()
    assert key.last_used_at not in (None, used_at_enrolment), "the passkey was checked"


def test_an_editor_adds_a_second_key_then_removes_the_first_and_stays_signed_in(
    new_context: Any,
):
    editor = factories.make_editor("ines")
    page = new_context().new_page()
    authenticators = Authenticators(page)
    phone = authenticators.add()
    enrol_with_a_passkey(page, editor)
    first = WebauthnDevice.objects.get(user=editor)

    # The phone is lost; a USB key takes its place.
    authenticators.remove(phone)
    authenticators.add("usb")
    page.goto("/admin/account/two-factor/")
    page.get_by_role("link", name="Add a passkey or security key").click()
    page.get_by_role("button", name="Start").click()
    # The page's script makes the second key and goes back to the two-factor page.
    expect(page.locator(".passkey-list li")).to_have_count(2)

    page.get_by_role("link", name=re.compile(r"^Remove the key added")).first.click()
    page.get_by_role("button", name="Remove it").click()
    expect(page.get_by_text("It no longer signs you in.")).to_be_visible()
    expect(page.locator(".passkey-list li")).to_have_count(1)
    (kept,) = WebauthnDevice.objects.filter(user=editor)
    assert kept.pk != first.pk and kept.name == "default", "the new key now comes first"
    page.goto("/admin/")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_adding_the_same_key_twice_says_so_in_words_and_trying_again_with_another_works(
    new_context: Any,
):
    editor = factories.make_editor("ivo")
    page, authenticators = with_virtual_authenticator(new_context)
    enrol_with_a_passkey(page, editor)

    page.goto("/admin/account/two-factor/add-passkey/")
    page.get_by_role("button", name="Start").click()
    problem = page.get_by_role("alert")
    expect(problem).to_have_text(
        re.compile(r"This passkey or security key is already set up for your account\.")
    )
    expect(page.get_by_label("WebAuthn Token")).to_be_hidden()  # the browser's field, not ours
    authenticators.add("usb")
    page.get_by_role("button", name="Try again").click()
    expect(page.locator(".passkey-list li")).to_have_count(2)
