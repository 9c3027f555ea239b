"""Who reads the audit trail: superusers every area; editors the newsroom's and the comments';
reporters nothing. Enforced below the admin (Entry.objects.readable_by), and the list costs
the same few queries however long it is."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import audit
from audit.models import Entry
from tests.factories import make_user
from tests.html import parse

pytestmark = pytest.mark.django_db

LIST = reverse("admin:audit_entry_changelist")


@pytest.fixture
def boss(db):
    return make_user("aurelia", is_staff=True, is_superuser=True)


@pytest.fixture
def one_of_each_area(editor):
    return {
        "accounts": audit.record("auth.login", actor=editor, target=editor),
        "newsroom": audit.record("workflow.publish", actor=editor, target="Ferry fares rise"),
        "comments": audit.record("comments.approved", actor=editor, target="comment #7"),
        "operations": audit.record("backup.made", path="/backups/nightly.sqlite3"),
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed_ids(response) -> set[int]:
    """The entries on a changelist page, from the links to each one."""
    links = parse(response).select("#result_list tbody tr th a")
    return {int(re.search(r"/entry/(\d+)/change/", link["href"]).group(1)) for link in links}


def test_a_superuser_reads_every_area(boss, one_of_each_area):
    assert set(Entry.objects.readable_by(boss).values_list("area", flat=True)) == {
        "accounts",
        "newsroom",
        "comments",
        "operations",
    }
    response = client_for(boss).get(LIST)
    assert response.status_code == 200
    assert {e.pk for e in one_of_each_area.values()} <= listed_ids(response)


def test_an_editor_reads_only_the_newsroom_and_the_comments(editor, one_of_each_area):
    readable = Entry.objects.readable_by(editor)
    assert set(readable.values_list("area", flat=True)) == {"newsroom", "comments"}
    client = client_for(editor)
    response = client.get(LIST)
    assert response.status_code == 200
    assert listed_ids(response) == {
        one_of_each_area["newsroom"].pk,
        one_of_each_area["comments"].pk,
    }
    hidden = one_of_each_area["accounts"]
    change = client.get(reverse("admin:audit_entry_change", args=[hidden.pk]))
    assert change.status_code == 302, "an entry outside their areas does not exist for them"
    assert "Signed in" not in client.get(change["Location"]).content.decode()


def test_an_editor_asking_for_another_area_by_filter_gets_nothing(editor, one_of_each_area):
    response = client_for(editor).get(LIST, {"area": "accounts"})
    assert response.status_code == 200
    assert listed_ids(response) == set()


def test_reporters_and_other_staff_cannot_read_the_trail(reporter, one_of_each_area):
    assert not Entry.objects.readable_by(reporter).exists()
    assert client_for(reporter).get(LIST).status_code == 403
    clerk = make_user("clerk", is_staff=True)
    assert not Entry.objects.readable_by(clerk).exists()
    assert client_for(clerk).get(LIST).status_code == 403


def test_an_inactive_superuser_reads_nothing(one_of_each_area):
    retired = make_user("retired", is_staff=True, is_superuser=True, is_active=False)
    assert not Entry.objects.readable_by(retired).exists()


def test_the_list_filters_by_area_action_and_actor_and_searches(boss, editor, one_of_each_area):
    other = make_user("nadia", is_staff=True)
    by_other = audit.record("workflow.submit", actor=other, target="Tram depot")
    client = client_for(boss)
    assert listed_ids(client.get(LIST, {"area": "operations"})) == {
        one_of_each_area["operations"].pk
    }
    assert listed_ids(client.get(LIST, {"action": "workflow.submit"})) == {by_other.pk}
    assert listed_ids(client.get(LIST, {"actor": "nadia"})) == {
        e.pk for e in Entry.objects.filter(actor_name="nadia")
    }
    assert listed_ids(client.get(LIST, {"q": "Ferry fares"})) == {one_of_each_area["newsroom"].pk}


def test_the_list_costs_the_same_queries_for_few_or_many_entries(
    boss, editor, django_assert_num_queries
):
    client = client_for(boss)
    for n in range(3):
        audit.record("workflow.publish", actor=editor, target=f"Story {n}")
    client.get(LIST)  # warm the content type and session caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST).status_code == 200
    for n in range(40):
        who = make_user(f"writer{n}", is_staff=True)
        audit.record("workflow.submit", actor=who, target=who)
    with django_assert_num_queries(len(few)):
        response = client.get(LIST)
    assert len(listed_ids(response)) > 40
