"""A person sees each of their passkeys and security keys on their "Two-factor sign-in" page
and removes one (a lost key, a phone sold) after a confirmation; never the last second factor,
never someone else's, and a session signed in with the removed key stays signed in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

from accounts import passkeys
from audit.models import Entry
from tests import factories
from tests.html import parse
from tests.signin_support import signed_in_with_passkey

pytestmark = pytest.mark.django_db

PROFILE = reverse("two_factor:profile")


def add_key(user, name: str = passkeys.OTHER) -> WebauthnDevice:
    return factories.give_passkey(user, name=name)


def remove_url(key) -> str:
    return reverse("two_factor:remove_passkey", args=[key.pk])


def keys_of(user) -> list[int]:
    return list(WebauthnDevice.objects.filter(user=user).values_list("pk", flat=True))


def test_the_two_factor_page_lists_each_key_with_when_it_was_added_and_last_used(
    editor_client, editor
):
    older = add_key(editor)
    WebauthnDevice.objects.filter(pk=older.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2026, 10, 3, 9, 0)),
        last_used_at=timezone.make_aware(timezone.datetime(2026, 11, 20, 8, 15)),
    )
    newer = add_key(editor)
    items = parse(editor_client.get(PROFILE)).select(".passkey-list li")
    assert [" ".join(item.span.text.split()) for item in items][0] == (
        "Added 3 Oct 2026 · last used 20 Nov 2026, 08:15"
    )
    assert "never used" in items[1].span.text
    assert [item.a["href"] for item in items] == [remove_url(older), remove_url(newer)]


def test_removing_a_key_asks_first_then_removes_only_it(editor_client, editor):
    lost, kept = add_key(editor), add_key(editor)
    confirm = editor_client.get(remove_url(lost))
    assert confirm.status_code == 200
    assert "Remove it" in confirm.content.decode()
    assert sorted(keys_of(editor)) == sorted([lost.pk, kept.pk]), "a GET removes nothing"
    done = editor_client.post(remove_url(lost), follow=True)
    assert done.redirect_chain[-1][0] == PROFILE
    assert "It no longer signs you in." in done.content.decode()
    assert keys_of(editor) == [kept.pk]
    assert TOTPDevice.objects.filter(user=editor).exists(), "the app is untouched"


def test_the_removal_is_in_the_audit_trail(editor_client, editor):
    lost = add_key(editor)
    editor_client.post(remove_url(lost))
    removed = Entry.objects.filter(action="2fa.removed").get()
    assert removed.detail["device"] == "passkey or security key"
    assert removed.actor_id == editor.pk


def test_the_last_second_factor_cannot_be_removed(editor):
    only = add_key(editor, name=passkeys.DEFAULT)
    client = signed_in_with_passkey(only)
    confirm = parse(client.get(remove_url(only)))
    assert "This is your only second factor." in confirm.select_one(".errornote").text
    assert confirm.select_one("#content-main form") is None
    refused = client.post(remove_url(only), follow=True)
    assert "This is your only second factor." in refused.content.decode()
    assert keys_of(editor) == [only.pk]


def test_removing_the_default_key_hands_the_role_to_the_oldest_left(editor):
    first = add_key(editor, name=passkeys.DEFAULT)
    second, third = add_key(editor), add_key(editor)
    WebauthnDevice.objects.filter(pk=third.pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    client = signed_in_with_passkey(second)
    client.post(remove_url(first))
    names = dict(WebauthnDevice.objects.filter(user=editor).values_list("pk", "name"))
    assert names == {third.pk: passkeys.DEFAULT, second.pk: passkeys.OTHER}


def test_a_session_signed_in_with_the_removed_key_stays_signed_in(editor):
    used, spare = add_key(editor, name=passkeys.DEFAULT), add_key(editor)
    client = signed_in_with_passkey(used)
    client.post(remove_url(used))
    assert client.session[DEVICE_ID_SESSION_KEY] == spare.persistent_id
    assert client.get(reverse("admin:index")).status_code == 200


def test_nobody_sees_or_removes_another_persons_key(editor_client, second_editor):
    theirs = add_key(second_editor)
    add_key(second_editor)
    assert editor_client.get(remove_url(theirs)).status_code == 404
    assert editor_client.post(remove_url(theirs)).status_code == 404
    assert theirs.pk in keys_of(second_editor)


@pytest.mark.parametrize("key_id", ["x", "0", "99999999999999999999999", "-1"])
def test_unknown_ids_are_a_404(editor_client, key_id):
    response = editor_client.get(f"/admin/account/two-factor/passkeys/{key_id}/remove/")
    assert response.status_code == 404


def test_a_visitor_is_sent_to_sign_in(client, editor):
    key = add_key(editor)
    for response in (client.get(remove_url(key)), client.post(remove_url(key))):
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
    assert key.pk in keys_of(editor)


def test_the_removal_needs_the_csrf_token(editor):
    key = add_key(editor)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(remove_url(key)).status_code == 403
    assert key.pk in keys_of(editor)


def test_a_reporter_without_a_second_factor_required_has_the_same_rules():
    reporter = factories.make_reporter("tomas")
    key = add_key(reporter, name=passkeys.DEFAULT)
    client = signed_in_with_passkey(key)
    client.post(remove_url(key))
    assert keys_of(reporter) == [key.pk], "the last factor goes only by turning it off"
