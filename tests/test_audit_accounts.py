"""The audit trail keeps every sign-in, failure, lockout and sign-out, and every change to
people, groups and permissions, with who did it and from where."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.test import Client
from django.urls import reverse

from audit.models import Entry
from staff.permissions import EDITORS, REPORTERS
from tests.audit_support import ADDRESS, BROWSER, entries, from_browser, only
from tests.factories import PASSWORD, current_code, give_authenticator, make_user
from tests.signin_support import STEP

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


@pytest.fixture
def boss(db):
    return make_user("aurelia", is_staff=True, is_superuser=True)


@pytest.fixture
def boss_client(boss):
    client = Client(**from_browser())
    client.force_login(boss)
    return client


def sign_in(client: Client, username: str, password: str):
    """The password step of the two-step sign-in."""
    return client.post(
        LOGIN,
        {STEP: "auth", "auth-username": username, "auth-password": password},
        **from_browser(),
    )


def test_a_sign_in_is_recorded_with_the_person_their_address_and_browser(client, editor):
    device = give_authenticator(editor)
    assert sign_in(client, editor.username, PASSWORD).status_code == 200
    assert not entries("auth.login"), "the password alone does not sign an editor in"
    answer = client.post(
        LOGIN, {STEP: "token", "token-otp_token": current_code(device)}, **from_browser()
    )
    assert answer.status_code == 302
    entry = only("auth.login")
    assert (entry.actor, entry.actor_name) == (editor, editor.username)
    assert (entry.content_type.model, entry.object_id) == ("user", str(editor.pk))
    assert (entry.address, entry.browser, entry.origin) == (ADDRESS, BROWSER, "web")
    assert entry.area == "accounts"


def test_a_failed_sign_in_keeps_the_attempted_name_and_never_the_password(client, editor):
    sign_in(client, editor.username, "a-wrong-guess-9917")
    entry = only("auth.login_failed")
    assert entry.actor is None
    assert entry.target_label == editor.username
    assert entry.detail == {"username": editor.username}
    assert entry.address == ADDRESS
    exported = json.dumps(list(Entry.objects.values()), default=str)
    assert "a-wrong-guess-9917" not in exported


def test_a_refused_second_factor_code_is_a_recorded_failure_without_the_code(client, editor):
    give_authenticator(editor)
    sign_in(client, editor.username, PASSWORD)
    client.post(LOGIN, {STEP: "token", "token-otp_token": "000111"}, **from_browser())
    entry = only("auth.code_refused")
    assert (entry.target_label, entry.address) == (editor.username, ADDRESS)
    assert entry.detail == {"code_kind": "authenticator app", "reason": "invalid_token"}
    assert "000111" not in json.dumps(list(Entry.objects.values()), default=str)
    assert not entries("auth.login")


def test_a_lockout_is_recorded_once_the_failure_limit_is_reached(client, editor):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, editor.username, f"guess-{n}")
    assert len(entries("auth.login_failed")) == settings.AXES_FAILURE_LIMIT
    entry = only("auth.locked_out")
    assert (entry.target_label, entry.address) == (editor.username, ADDRESS)


def test_signing_out_is_recorded(editor):
    client = Client(**from_browser())
    client.force_login(editor)
    client.post(reverse("admin:logout"))
    entry = only("auth.logout")
    assert (entry.actor, entry.address) == (editor, ADDRESS)


def test_changing_ones_own_password_is_recorded_as_ones_own(editor):
    client = Client(**from_browser())
    client.force_login(editor)
    new = "another-long-passphrase-4471"
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    entry = only("auth.password_changed")
    assert entry.actor == editor
    assert entry.object_id == str(editor.pk)
    assert not entries("auth.password_set")
    assert not entries("user.changed"), "the password hash is not a recorded field"


def test_a_password_set_by_a_superuser_is_recorded_as_set_by_them(boss_client, boss, editor):
    new = "a-password-from-the-office-2231"
    url = reverse("admin:auth_user_password_change", args=[editor.pk])
    response = boss_client.post(
        url, {"password1": new, "password2": new, "usable_password": "true"}
    )
    assert response.status_code == 302
    entry = only("auth.password_set")
    assert (entry.actor, entry.target_label, entry.address) == (boss, editor.username, ADDRESS)
    assert new not in json.dumps(entry.detail)


def test_a_user_made_in_the_admin_is_recorded_with_who_made_them(boss_client, boss):
    response = boss_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newcomer",
            "password1": "a-fine-long-password-81",
            "password2": "a-fine-long-password-81",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    entry = Entry.objects.get(action="user.created", target_label="newcomer")
    assert (entry.actor, entry.target_label, entry.address) == (boss, "newcomer", ADDRESS)
    assert entry.detail == {"is_active": True, "is_staff": False, "is_superuser": False}


def test_a_user_change_names_each_field_changed_but_never_the_password(boss_client, boss):
    person = make_user("tamsin", is_staff=False)
    url = reverse("admin:auth_user_change", args=[person.pk])
    data = {
        "username": "tamsin",
        "first_name": "Tamsin",
        "last_name": "Ogundipe",
        "email": "tamsin@newsroom.example",
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(Group.objects.get(name=REPORTERS).pk)],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
    }
    response = boss_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    change = only("user.changed")
    assert change.actor == boss
    assert change.detail["changed"] == {"last_name": ["", "Ogundipe"], "is_staff": [False, True]}
    assert "password" not in json.dumps(change.detail)
    groups = only("user.groups_changed")
    assert (groups.actor, groups.detail) == (boss, {"added": [REPORTERS]})


def test_deleting_a_user_is_recorded_and_their_entries_keep_their_name(boss_client, boss):
    person = make_user("ephemeral", is_staff=True)
    client = Client(**from_browser())
    client.force_login(person)
    client.post(reverse("admin:logout"))
    response = boss_client.post(
        reverse("admin:auth_user_delete", args=[person.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="ephemeral").exists()
    deleted = only("user.deleted")
    assert (deleted.actor, deleted.target_label) == (boss, "ephemeral")
    logout = only("auth.logout")
    assert (logout.actor, logout.actor_name) == (None, "ephemeral")


def test_group_membership_and_permissions_of_a_user_are_recorded(boss):
    person = make_user("ines", EDITORS)
    person.groups.remove(Group.objects.get(name=EDITORS))
    publish = Permission.objects.get(codename="publish_article")
    person.user_permissions.add(publish)
    person.user_permissions.clear()
    changes = Entry.objects.filter(object_id=str(person.pk)).exclude(action="user.created")
    assert [(e.action, e.detail) for e in changes.order_by("pk")] == [
        ("user.groups_changed", {"added": [EDITORS]}),
        ("user.groups_changed", {"removed": [EDITORS]}),
        ("user.permissions_changed", {"added": ["articles.publish_article"]}),
        ("user.permissions_changed", {"removed": ["articles.publish_article"]}),
    ]


def test_members_added_and_removed_from_the_groups_side_are_recorded(boss):
    person = make_user("ines", REPORTERS)
    editors = Group.objects.get(name=EDITORS)
    editors.user_set.add(person)
    editors.user_set.remove(person)
    changes = Entry.objects.filter(action="group.members_changed").order_by("pk")
    assert [(e.target_label, e.detail) for e in changes] == [
        (EDITORS, {"added": ["ines"]}),
        (EDITORS, {"removed": ["ines"]}),
    ]


def test_groups_made_renamed_given_permissions_and_deleted_in_the_admin_are_recorded(
    boss_client, boss
):
    publish = Permission.objects.get(codename="publish_article")
    boss_client.post(reverse("admin:auth_group_add"), {"name": "Night desk"})
    group = Group.objects.get(name="Night desk")
    change = reverse("admin:auth_group_change", args=[group.pk])
    boss_client.post(change, {"name": "Late desk", "permissions": [str(publish.pk)]})
    boss_client.post(reverse("admin:auth_group_delete", args=[group.pk]), {"post": "yes"})
    recorded = [
        (e.action, e.target_label, e.detail, e.actor)
        for e in Entry.objects.filter(area="accounts").order_by("pk")
        if e.action.startswith("group.")
    ]
    assert recorded == [
        ("group.created", "Night desk", {}, boss),
        ("group.renamed", "Late desk", {"name": ["Night desk", "Late desk"]}, boss),
        ("group.permissions_changed", "Late desk", {"added": ["articles.publish_article"]}, boss),
        ("group.deleted", "Late desk", {}, boss),
    ]


def test_a_change_made_by_a_command_has_no_actor_and_says_so(editor):
    editor.is_active = False
    editor.save()
    entry = only("user.changed")
    assert (entry.actor, entry.origin, entry.address) == (None, "command", None)


def test_loading_saved_data_is_not_recorded_as_changes(editor):
    saved = serializers.serialize("json", [editor])
    editor.groups.clear()
    before = Entry.objects.count()
    for loaded in serializers.deserialize("json", saved):
        loaded.save()  # as loaddata, or a test database being restored, does
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert Entry.objects.count() == before


def test_saving_a_partly_loaded_user_loads_nothing_more(editor, django_assert_num_queries):
    partial = get_user_model().objects.only("pk", "last_login").get(pk=editor.pk)
    with django_assert_num_queries(1):  # the UPDATE alone: nothing recorded, nothing fetched
        partial.save(update_fields=["last_login"])
