"""Commenters' data rights: editors find every comment sent with an email address, export them
as JSON, and delete or anonymise them, leaving nothing with that address (issue 21 item 4)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from audit.models import Entry
from comments import data_rights, moderation
from comments.models import Comment, Report
from tests.comments_support import make_comment
from tests.factories import make_article
from tests.html import parse
from tests.page_cache_support import cached, text

pytestmark = pytest.mark.django_db

PAGE = "/admin/comments/comment/commenter-data/"
ADDRESS = "Nia.Price@Mail.example"


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor, headline="Ferry fares rise")


@pytest.fixture
def other_story(reporter, editor):
    return make_article(reporter, status="published", editor=editor, headline="Pier reopens")


@pytest.fixture
def nias(story, other_story, editor):
    """Nia's comments in every state, on two stories, typed with the address in any case."""
    approved = make_comment(
        story,
        name="Nia",
        email="nia.price@mail.example",
        body="Fares doubled since spring. Write to me at NIA.PRICE@MAIL.EXAMPLE.",
        ip_address="198.51.100.7",
        user_agent="Firefox/140",
    )
    pending = make_comment(other_story, status="pending", name="Nia P", email=ADDRESS.upper())
    rejected = make_comment(story, status="rejected", name="Nia", email=ADDRESS)
    spam = make_comment(other_story, status="spam", spam_reason="links", email=ADDRESS)
    return [approved, pending, rejected, spam]


def holding(value: str) -> list[str]:
    """Every column of every comments table and of the audit trail (read through the database,
    whatever its type) that holds `value` anywhere, in any case."""
    found = []
    models = [*apps.get_app_config("comments").get_models(), Entry]
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608
                    f"WHERE LOWER(CAST({name} AS TEXT)) LIKE %s",
                    [f"%{value.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


def test_the_search_of_every_column_finds_what_is_there(nias):
    """The check the tests below rely on can fail: before an erasure it finds the address."""
    assert set(holding("nia.price@mail.example")) == {
        "comments_comment.email",
        "comments_comment.body",
    }
    assert holding("198.51.100.7") == ["comments_comment.ip_address"]


def find(client, email: str = ADDRESS):
    return client.post(PAGE, {"action": "find", "email": email})


def test_each_request_answered_is_in_the_audit_trail_without_the_address(
    editor_client, editor, nias
):
    editor_client.post(PAGE, {"action": "export", "email": ADDRESS})
    editor_client.post(PAGE, {"action": "anonymise", "email": ADDRESS, "confirmed": "yes"})
    recorded = [
        (e.action, e.actor, e.detail) for e in Entry.objects.filter(area="comments").order_by("pk")
    ]
    assert recorded == [
        ("comments.data_exported", editor, {"comments": 4}),
        (
            "comments.data_erased",
            editor,
            {"how": "anonymised", "comments": 4, "anonymised": 1, "replies": 0},
        ),
    ]
    assert holding("nia.price@mail.example") == []


# -- finding ---------------------------------------------------------------------------------


def test_the_queue_links_to_the_commenter_data_page(editor_client):
    page = parse(editor_client.get("/admin/comments/comment/"))
    assert page.select_one(f'.object-tools a[href="{PAGE}"]').text == "Commenter data"


def test_an_editor_finds_every_comment_sent_with_an_address_whatever_its_case(
    editor_client, nias, story
):
    make_comment(story, email="someone.else@mail.example")
    page = parse(find(editor_client, f"  {ADDRESS.lower()}  "))
    rows = page.select("#commenter-comments tbody tr")
    assert len(rows) == 4
    assert page.select_one("h2").text == "4 comments sent with this address"
    first = [cell.get_text(" ", strip=True) for cell in rows[-1].select("td")]
    assert first[1] == "Ferry fares rise"
    assert first[2] == "Approved"
    assert "Fares doubled since spring." in first[3]
    assert page.select_one("#commenter-email")["value"] == ADDRESS.lower()


def test_finding_costs_the_same_queries_for_1_and_30_comments(editor_client, story, other_story):
    make_comment(story, email=ADDRESS)
    with CaptureQueriesContext(connection) as one:
        find(editor_client)
    for n in range(29):
        make_comment(story if n % 2 else other_story, email=ADDRESS)
    with CaptureQueriesContext(connection) as thirty:
        page = parse(find(editor_client))
    assert len(page.select("#commenter-comments tbody tr")) == 30
    assert len(thirty) == len(one)


def test_an_empty_address_is_explained(editor_client):
    page = parse(editor_client.post(PAGE, {"action": "find", "email": "   "}))
    assert "Type the email address" in page.select_one(".errornote").text


def test_an_address_nobody_used_finds_nothing(editor_client, nias):
    page = parse(find(editor_client, "nobody@mail.example"))
    assert page.select_one("h2").text == "0 comments sent with this address"
    assert page.select_one(".commenter-data-actions") is None


@pytest.mark.parametrize(
    "email", ["%", "_", "a" * 100_000, "x@y\x00", "' OR 1=1 --", "<script>alert(1)</script>"]
)
def test_hostile_addresses_find_nothing_and_break_nothing(editor_client, nias, email):
    response = find(editor_client, email)
    assert response.status_code == 200
    assert parse(response).select("#commenter-comments tbody tr") == []


# -- export ----------------------------------------------------------------------------------


def test_export_downloads_every_field_of_every_comment_as_json(editor_client, nias, editor):
    moderation.approve(nias[1], editor)
    response = editor_client.post(PAGE, {"action": "export", "email": ADDRESS})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="commenter-data-')
    document = json.loads(response.content)
    assert document["format"] == "newsroom-commenter-data/1"
    by_id = {entry["id"]: entry for entry in document["comments"]}
    assert set(by_id) == {comment.pk for comment in nias}
    approved = by_id[nias[0].pk]
    assert approved["story"]["headline"] == "Ferry fares rise"
    assert approved["story"]["url"] == nias[0].article.get_absolute_url()
    assert approved["client_address"] == "198.51.100.7"
    assert approved["browser"] == "Firefox/140"
    assert approved["comment"].startswith("Fares doubled")
    assert by_id[nias[1].pk]["moderated_by"] == editor.get_username()
    assert by_id[nias[3].pk]["held_as_spam_because"] == "links"
    stored_fields = {field.name for field in Comment._meta.concrete_fields}
    assert len(approved) >= len(stored_fields)


def test_export_changes_nothing(editor_client, nias):
    editor_client.post(PAGE, {"action": "export", "email": ADDRESS})
    assert Comment.objects.filter(email__iexact=ADDRESS).count() == 4


# -- delete ----------------------------------------------------------------------------------


def test_delete_asks_for_confirmation_first(editor_client, nias):
    page = parse(editor_client.post(PAGE, {"action": "delete", "email": ADDRESS}))
    box = page.select_one(".commenter-data-confirm")
    assert "4 comments will be deleted for good." in box.text
    assert box.select_one('input[name="confirmed"]')["value"] == "yes"
    assert Comment.objects.count() == 4


def test_delete_removes_every_comment_and_leaves_nothing_with_the_address(
    editor_client, nias, story
):
    Report.objects.create(comment=nias[0], reason="spam", client="k")
    other = make_comment(story, body="Unrelated", email="someone.else@mail.example")
    response = editor_client.post(PAGE, {"action": "delete", "email": ADDRESS, "confirmed": "yes"})
    assert response.status_code == 302
    messages = [str(m) for m in editor_client.get(response["Location"]).context["messages"]]
    assert messages == ["Deleted 4 comments sent with this address."]
    assert holding("nia.price@mail.example") == []
    assert holding("198.51.100.7") == []
    assert list(Comment.objects.all()) == [other]


def test_delete_takes_the_replies_others_wrote_to_those_comments_and_says_so(
    editor_client, nias, story
):
    reply = make_comment(story, parent=nias[0], body="I paid the same.")
    page = parse(editor_client.post(PAGE, {"action": "delete", "email": ADDRESS}))
    assert "1 reply by another reader answers them and goes too." in page.text
    response = editor_client.post(PAGE, {"action": "delete", "email": ADDRESS, "confirmed": "yes"})
    messages = [str(m) for m in editor_client.get(response["Location"]).context["messages"]]
    assert messages == [
        "Deleted 4 comments sent with this address. 1 reply by another reader went with them."
    ]
    assert not Comment.objects.filter(pk=reply.pk).exists()


def test_delete_takes_the_comment_off_the_cached_story_page(
    client, editor, nias, story, page_cache, committed
):
    url = story.get_absolute_url()
    assert "Fares doubled" in text(cached(client, url))
    with committed():
        assert data_rights.erase(ADDRESS, editor) == data_rights.Erasure(comments=4)
    assert "Fares doubled" not in text(client.get(url))


# -- anonymise -------------------------------------------------------------------------------


def test_anonymise_asks_for_confirmation_first(editor_client, nias):
    page = parse(editor_client.post(PAGE, {"action": "anonymise", "email": ADDRESS}))
    box = page.select_one(".commenter-data-confirm")
    assert "Former reader" in box.text
    assert "3 comments that were never published will be deleted." in box.text
    assert Comment.objects.filter(email__iexact=ADDRESS).count() == 4


def test_anonymise_keeps_approved_text_and_leaves_nothing_with_the_address(editor_client, nias):
    response = editor_client.post(
        PAGE, {"action": "anonymise", "email": ADDRESS, "confirmed": "yes"}
    )
    messages = [str(m) for m in editor_client.get(response["Location"]).context["messages"]]
    assert messages == [
        "Anonymised 1 of 4 comments sent with this address. The others were never published "
        "and were deleted."
    ]
    kept = Comment.objects.get()
    assert kept.pk == nias[0].pk
    assert (kept.name, kept.email, kept.ip_address, kept.user_agent) == (
        "Former reader",
        "",
        None,
        "",
    )
    assert kept.body == "Fares doubled since spring. Write to me at [address removed]."
    assert kept.status == "approved"
    assert holding("nia.price@mail.example") == []
    assert holding("198.51.100.7") == []


def test_anonymise_keeps_the_replies_of_others_under_the_comment(editor_client, client, story):
    mine = make_comment(story, name="Nia", email=ADDRESS, body="Fares doubled.")
    reply = make_comment(story, parent=mine, name="Tom", body="Mine too.")
    response = editor_client.post(
        PAGE, {"action": "anonymise", "email": ADDRESS, "confirmed": "yes"}
    )
    messages = [str(m) for m in editor_client.get(response["Location"]).context["messages"]]
    assert messages == ["Anonymised 1 of 1 comment sent with this address."]
    page = parse(client.get(story.get_absolute_url()))
    thread = page.select_one(f"#comment-{mine.pk}")
    assert thread.select_one(".comment-author").text == "Former reader"
    assert thread.select_one(f"#comment-{reply.pk} .comment-author").text == "Tom"


def test_anonymise_shows_the_new_name_on_the_cached_story_page(
    client, editor, nias, story, page_cache, committed
):
    url = story.get_absolute_url()
    assert ">Nia</bdi>" in text(cached(client, url))
    with committed():
        data_rights.anonymise(ADDRESS, editor)
    page = text(client.get(url))
    assert ">Nia</bdi>" not in page
    assert ">Former reader</bdi>" in page


# -- who may ---------------------------------------------------------------------------------


def test_a_reporter_cannot_reach_the_page(reporter_client, nias):
    for action in ("find", "export", "delete", "anonymise"):
        data = {"action": action, "email": ADDRESS, "confirmed": "yes"}
        assert reporter_client.post(PAGE, data).status_code == 403
    assert reporter_client.get(PAGE).status_code == 403
    assert Comment.objects.filter(email__iexact=ADDRESS).count() == 4


def test_a_reader_who_is_not_signed_in_is_sent_to_the_login_page(client, nias):
    response = client.post(PAGE, {"action": "delete", "email": ADDRESS, "confirmed": "yes"})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert Comment.objects.count() == 4


@pytest.mark.parametrize(
    "action",
    [
        data_rights.comments_sent_with,
        data_rights.export,
        data_rights.erase,
        data_rights.anonymise,
    ],
)
def test_the_service_refuses_anyone_who_may_not_moderate(reporter, action, nias):
    with pytest.raises(PermissionDenied):
        action(ADDRESS, reporter)
    assert Comment.objects.filter(email__iexact=ADDRESS).count() == 4


def test_the_actions_need_the_csrf_token(editor, nias):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(PAGE, {"action": "delete", "email": ADDRESS, "confirmed": "yes"})
    assert response.status_code == 403
    assert Comment.objects.count() == 4


# -- the command -----------------------------------------------------------------------------


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("commenter_data", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_exports_as_json_under_an_editors_name(editor, nias):
    out, _ = run("export", ADDRESS, "--by", editor.get_username())
    assert len(json.loads(out)["comments"]) == 4


def test_the_command_anonymises_and_deletes(editor, nias):
    _, said = run("anonymise", ADDRESS, "--by", editor.get_username())
    assert said.startswith("Anonymised 1 of 4 comment(s)")
    assert holding("nia.price@mail.example") == []
    _, said = run("delete", "nobody@mail.example", "--by", editor.get_username())
    assert said.startswith("Deleted 0 comment(s)")


def test_the_command_refuses_a_user_who_may_not_moderate(reporter, nias):
    with pytest.raises(CommandError):
        run("delete", ADDRESS, "--by", reporter.get_username())
    with pytest.raises(CommandError):
        run("delete", ADDRESS, "--by", "nobody-by-that-name")
    assert Comment.objects.count() == 4
