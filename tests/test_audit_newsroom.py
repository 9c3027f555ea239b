"""The audit trail keeps the newsroom's moves: workflow transitions, stories imported and
exported, preview links made and revoked, comment decisions."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, PreviewLink
from audit.models import Entry
from comments import moderation
from tests.audit_support import ADDRESS, BROWSER, entries, from_browser, only
from tests.comments_support import make_comment
from tests.factories import make_article
from tests.story_samples import FULL

pytestmark = pytest.mark.django_db


def browser_client(user) -> Client:
    client = Client(**from_browser())
    client.force_login(user)
    return client


def test_each_workflow_move_is_recorded_with_its_actor_and_story(reporter, editor):
    article = make_article(reporter)
    workflow.submit(article, reporter, note="Ready when you are.")
    workflow.send_back(article, editor, "Name the source of the vote count.")
    workflow.submit(article, reporter)
    workflow.publish(article, editor, at=timezone.now() + timedelta(hours=2))
    workflow.reschedule(article, editor)
    workflow.unpublish(article, editor, "Legal asked us to hold it.")
    moves = Entry.objects.filter(area="newsroom").order_by("pk")
    assert [(e.action, e.actor_name) for e in moves] == [
        ("workflow.submit", reporter.username),
        ("workflow.send_back", editor.username),
        ("workflow.submit", reporter.username),
        ("workflow.schedule", editor.username),
        ("workflow.reschedule", editor.username),
        ("workflow.unpublish", editor.username),
    ]
    assert {(e.content_type.model, e.object_id, e.target_label) for e in moves} == {
        ("article", str(article.pk), article.headline)
    }
    assert moves[1].detail["note"] == "Name the source of the vote count."
    assert moves[3].detail["scheduled_for"] is not None


def test_a_move_from_the_admin_records_the_editors_address_and_browser(reporter, editor):
    article = make_article(reporter, status="review")
    url = reverse("admin:articles_article_transition", args=[article.pk, "publish"])
    assert browser_client(editor).post(url, {"when": "now"}).status_code == 302
    entry = only("workflow.publish")
    assert (entry.actor, entry.address, entry.browser, entry.origin) == (
        editor,
        ADDRESS,
        BROWSER,
        "web",
    )


def test_a_refused_move_leaves_no_entry(reporter):
    article = make_article(reporter, status="review")
    with pytest.raises(PermissionDenied):
        workflow.publish(article, reporter)
    assert not entries("workflow.publish")


def test_a_story_imported_and_exported_in_the_admin_is_recorded(reporter):
    client = browser_client(reporter)
    client.post(reverse("admin:articles_article_import"), {"text": FULL})
    article = Article.objects.get()
    imported = only("story.imported")
    assert (imported.actor, imported.object_id, imported.address) == (
        reporter,
        str(article.pk),
        ADDRESS,
    )
    assert (
        client.get(reverse("admin:articles_article_export", args=[article.pk])).status_code == 200
    )
    exported = only("story.exported")
    assert (exported.actor, exported.target_label) == (reporter, article.headline)


def test_stories_imported_and_exported_by_command_are_recorded_as_commands(tmp_path, reporter):
    story = tmp_path / "tram.txt"
    story.write_text(FULL, encoding="utf-8")
    call_command("import_story", str(story), user=reporter.username)
    article = Article.objects.get()
    call_command("export_story", article.slug, output=str(tmp_path / "out.txt"))
    imported, exported = only("story.imported"), only("story.exported")
    assert (imported.actor, imported.origin, imported.detail["owner"]) == (
        None,
        "command",
        reporter.username,
    )
    assert (exported.object_id, exported.origin) == (str(article.pk), "command")


def test_preview_links_made_and_revoked_are_recorded_one_entry_per_link(reporter, editor):
    client = browser_client(editor)
    stories = [make_article(reporter), make_article(reporter)]
    for story in stories:
        client.post(
            reverse("admin:articles_previewlink_add"),
            {"article": str(story.pk), "lifetime": "1d"},
        )
    links = list(PreviewLink.objects.order_by("pk"))
    assert [(e.object_id, e.actor) for e in entries("preview_link.made")] == [
        (str(link.pk), editor) for link in links
    ]
    client.post(
        reverse("admin:articles_previewlink_changelist"),
        {"action": "revoke_selected", "_selected_action": [link.pk for link in links]},
    )
    revoked = entries("preview_link.revoked")
    assert sorted(e.object_id for e in revoked) == sorted(str(link.pk) for link in links)
    assert {e.address for e in revoked} == {ADDRESS}
    client.post(
        reverse("admin:articles_previewlink_changelist"),
        {"action": "revoke_selected", "_selected_action": [link.pk for link in links]},
    )
    assert len(entries("preview_link.revoked")) == 2, "revoking again records nothing new"


def test_each_comment_decision_is_recorded_without_the_commenters_name(reporter, editor):
    story = make_article(reporter, status="published")
    comment = make_comment(story, status="pending", name="Wilhelmina Crabtree")
    moderation.approve(comment, editor)
    moderation.reopen(comment, editor)
    moderation.reject(comment, editor)
    moderation.reopen(comment, editor)
    moderation.mark_spam(comment, editor)
    decided = Entry.objects.filter(area="comments").order_by("pk")
    assert [e.action for e in decided] == [
        "comments.approved",
        "comments.reopened",
        "comments.rejected",
        "comments.reopened",
        "comments.spam",
    ]
    assert {(e.actor, e.object_id) for e in decided} == {(editor, str(comment.pk))}
    assert all("Crabtree" not in e.target_label for e in decided)


def test_a_bulk_decision_writes_one_entry_per_comment(reporter, editor):
    story = make_article(reporter, status="published")
    waiting = [make_comment(story, status="pending") for _ in range(3)]
    browser_client(editor).post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve_selected", "_selected_action": [c.pk for c in waiting]},
    )
    approved = entries("comments.approved")
    assert sorted(e.object_id for e in approved) == sorted(str(c.pk) for c in waiting)
    assert {e.address for e in approved} == {ADDRESS}
