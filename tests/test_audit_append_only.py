"""Nobody changes or deletes the audit trail: not through the admin (superusers included),
not through the model, not through a queryset."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse

import audit
from audit.models import AppendOnly, Entry
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(make_user("aurelia", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def entry(editor):
    return audit.record("workflow.publish", actor=editor, target="Harbour wall", note="Go.")


def test_a_superuser_reads_an_entry_but_the_page_offers_no_save_or_delete(superuser_client, entry):
    response = superuser_client.get(reverse("admin:audit_entry_change", args=[entry.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="_save"' not in page
    assert "deletelink" not in page
    assert "Harbour wall" in page


def test_a_superuser_posting_a_change_is_refused_and_nothing_changes(superuser_client, entry):
    url = reverse("admin:audit_entry_change", args=[entry.pk])
    response = superuser_client.post(url, {"target_label": "Something else", "_save": "Save"})
    assert response.status_code == 403
    assert Entry.objects.get(pk=entry.pk).target_label == "Harbour wall"


def test_a_superuser_posting_a_delete_is_refused_and_the_entry_stays(superuser_client, entry):
    url = reverse("admin:audit_entry_delete", args=[entry.pk])
    assert superuser_client.post(url, {"post": "yes"}).status_code == 403
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_a_superuser_cannot_add_an_entry_or_bulk_delete_from_the_list(superuser_client, entry):
    assert superuser_client.get(reverse("admin:audit_entry_add")).status_code == 403
    response = superuser_client.post(
        reverse("admin:audit_entry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_the_model_refuses_to_save_an_existing_entry(entry):
    entry.target_label = "Rewritten"
    with pytest.raises(AppendOnly):
        entry.save()
    assert Entry.objects.get(pk=entry.pk).target_label == "Harbour wall"


def test_a_new_entry_given_an_existing_id_cannot_overwrite_it(entry):
    forged = Entry(pk=entry.pk, action="workflow.publish", area="newsroom", origin="web")
    with pytest.raises(IntegrityError), transaction.atomic():
        forged.save()
    assert Entry.objects.get(pk=entry.pk).target_label == "Harbour wall"


def test_the_model_and_the_queryset_refuse_to_delete_or_update(entry):
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        Entry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AppendOnly):
        Entry.objects.filter(pk=entry.pk).update(target_label="Rewritten")
    with pytest.raises(AppendOnly):
        Entry.objects.update(actor=None, target_label="")
    assert Entry.objects.get(pk=entry.pk).target_label == "Harbour wall"


def test_the_only_permission_on_entries_is_to_read_them(editor):
    codenames = Permission.objects.filter(content_type__app_label="audit")
    assert set(codenames.values_list("codename", flat=True)) == {"view_entry"}
    assert editor.has_perm("audit.view_entry")


def test_an_unknown_action_code_is_refused_when_recorded():
    with pytest.raises(KeyError, match="workflow.pubilsh"):
        audit.record("workflow.pubilsh", target="A typo")
    assert not Entry.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL trigger")
def test_on_postgresql_the_database_refuses_an_update_even_in_raw_sql(entry):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_entry SET target_label = 'Rewritten' WHERE id = %s", [entry.pk]
        )
    assert Entry.objects.get(pk=entry.pk).target_label == "Harbour wall"
    Entry.objects.filter(pk=entry.pk).update(actor=None)  # a deleted user's link: allowed
    assert Entry.objects.get(pk=entry.pk).actor_name == entry.actor_name
