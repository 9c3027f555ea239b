"""Changing a live story is a correction (a public note) or a minor update; corrections stay."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction, StoryRevision
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def live(reporter, second_editor):
    return make_article(reporter, status="published", editor=second_editor, headline="Dam levels")


def edit_live(client, article, **changes):
    data = form_fields(client.get(change_url(article)), "article_form")
    data.update(changes)
    return client.post(change_url(article), data)


def test_editing_a_live_story_requires_saying_what_kind_of_change(live, editor_client):
    response = edit_live(editor_client, live, headline="Dam levels fall")
    assert response.status_code == 200
    assert "correction or a minor update" in response.content.decode()
    assert parse(response).find("textarea", attrs={"name": "headline"}).text.strip() == (
        "Dam levels fall"
    )
    assert Article.objects.get(pk=live.pk).headline == "Dam levels"


def test_the_choice_is_not_asked_for_a_draft(reporter, reporter_client):
    article = make_article(reporter)
    page = parse(reporter_client.get(change_url(article)))
    assert page.find("input", attrs={"name": "change"}) is None


def test_a_correction_needs_its_public_text(live, editor_client):
    response = edit_live(editor_client, live, headline="Dam levels fall", change="correction")
    assert response.status_code == 200
    assert "Write the correction readers will see." in response.content.decode()
    assert not Correction.objects.exists()


def test_a_correction_is_recorded_with_time_and_editor_and_shown_on_the_story(
    live, editor, editor_client, client
):
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=2), tick=False):
        response = edit_live(
            editor_client,
            live,
            headline="Dam levels fall",
            change="correction",
            correction="An earlier version gave the wrong reservoir.",
        )
        now = timezone.now()
    assert response.status_code == 302
    correction = Correction.objects.get(article=live)
    assert (correction.created_by, correction.created_at) == (editor, now)
    live.refresh_from_db()
    assert live.revised_at == now
    assert StoryRevision.objects.filter(article=live).first().action == "correction"
    page = parse(client.get(live.get_absolute_url()))
    item = page.select_one(f"#correction-{correction.pk}")
    assert "An earlier version gave the wrong reservoir." in item.text
    assert item.time["datetime"] == timezone.localtime(now).replace(microsecond=0).isoformat()


def test_a_minor_update_moves_the_updated_time_only(live, editor_client, client, time_machine):
    time_machine.move_to(timezone.now() + timedelta(hours=2))
    response = edit_live(editor_client, live, bottom_line="More rain is due.", change="update")
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.revised_at is not None
    assert not Correction.objects.exists()
    page = parse(client.get(live.get_absolute_url()))
    assert page.select_one(".story-meta .updated time")["datetime"] == (
        timezone.localtime(live.revised_at).replace(microsecond=0).isoformat()
    )


def test_corrections_page_lists_published_corrections_newest_first(reporter, editor, client):
    older = make_article(reporter, status="published", editor=editor, headline="Older story")
    newer = make_article(reporter, status="published", editor=editor, headline="Newer story")
    hidden = make_article(reporter, status="published", editor=editor, headline="Pulled zqxjv")
    older.record_public_change(editor, "First correction.")
    newer.record_public_change(editor, "Second correction.")
    hidden.record_public_change(editor, "Correction on a story later pulled.")
    from articles import workflow

    workflow.unpublish(hidden, editor, "Legal review.")
    page = parse(client.get(reverse("articles:corrections")))
    headlines = [h.text for h in page.select(".corrections-list h2")]
    assert headlines == ["Newer story", "Older story"]
    assert b"zqxjv" not in client.get(reverse("articles:corrections")).content


@pytest.mark.parametrize("page", ["-1", "0", "abc", "999999999", "1e9"])
def test_corrections_page_never_fails_on_odd_page_numbers(page, client):
    assert client.get(reverse("articles:corrections"), {"page": page}).status_code == 200


def test_corrections_feed_is_rss_of_public_corrections(live, editor, client):
    correction = live.record_public_change(editor, "The dam holds *eight* million litres.")
    response = client.get(reverse("articles:corrections_feed"))
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Correction: Dam levels"]
    assert (
        items[0].findtext("link").endswith(f"{live.get_absolute_url()}#correction-{correction.pk}")
    )
    assert "<em>eight</em>" in items[0].findtext("description")


def test_corrections_cannot_be_changed_or_removed_in_the_story_form(live, editor, editor_client):
    live.record_public_change(editor, "A permanent note.")
    data = form_fields(editor_client.get(change_url(live)), "article_form")
    assert "corrections-0-DELETE" not in data and "corrections-0-text" not in data
    data.update({"corrections-0-DELETE": "on", "change": "update"})
    editor_client.post(change_url(live), data)
    assert Correction.objects.filter(article=live).count() == 1


def test_a_story_with_corrections_cannot_be_deleted(live, editor, second_editor, editor_client):
    from django.db.models import ProtectedError

    from articles import workflow

    live.record_public_change(editor, "A permanent note.")
    workflow.unpublish(live, second_editor, "Pulled for a rewrite.")
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "delete_selected", "_selected_action": [live.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert "readers have seen it" in response.content.decode()
    assert Article.objects.filter(pk=live.pk).exists()
    response = editor_client.post(
        reverse("admin:articles_article_delete", args=[live.pk]), {"post": "yes"}
    )
    assert Article.objects.filter(pk=live.pk).exists()
    # Beneath the workflow, the database refuses too (PROTECT), whoever asks.
    with pytest.raises(ProtectedError):
        Article.objects.filter(pk=live.pk).delete()
    assert Correction.objects.filter(article=live).count() == 1
