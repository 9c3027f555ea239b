"""Moderation: editors decide comments in the admin queue; reporters never see it (issue 4
item 2; SECURITY.md B1 in the admin, B14, E6)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from comments import moderation
from comments.models import Comment
from tests.comments_support import PAYLOADS, make_comment
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


def act(client, action, *comments):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in comments]},
        follow=True,
    )


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_editors_moderate_and_reporters_do_not():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    reporters = Group.objects.get(name="Reporters").permissions.values_list("codename", flat=True)
    assert {"moderate_comment", "view_comment", "delete_comment"} <= editors
    assert "change_comment" not in editors
    assert not [codename for codename in reporters if codename.endswith("_comment")]


def test_the_queue_shows_waiting_comments_first(editor_client, story):
    approved = make_comment(story, body="Already approved.")
    held = make_comment(story, status="spam", spam_reason="links", body="Held by the machine.")
    older = make_comment(story, status="pending", body="Waiting longest.")
    newer = make_comment(story, status="pending", body="Waiting a little.")
    page = parse(editor_client.get(CHANGELIST))
    rows = [cell.text for cell in page.select("#result_list tbody .queue-comment-text")]
    assert rows == [held.body, older.body, newer.body, approved.body]
    headers = [th.text.strip() for th in page.select("#result_list thead th")][1:]
    assert headers == ["Comment", "Status"]


def test_the_queue_filters_by_status_and_story_and_searches(editor_client, story, reporter, editor):
    other = make_article(reporter, status="published", editor=editor, headline="Ferry timetable")
    make_comment(story, status="pending", body="About the harbour.")
    make_comment(other, status="approved", body="About the ferry.")

    def excerpts(query):
        page = parse(editor_client.get(f"{CHANGELIST}?{query}"))
        return [cell.text for cell in page.select("#result_list .queue-comment-text")]

    assert excerpts("status__exact=pending") == ["About the harbour."]
    assert excerpts(f"article__id__exact={other.pk}") == ["About the ferry."]
    assert excerpts("q=ferry") == ["About the ferry."]


def test_an_editor_approves_rejects_and_marks_spam_in_bulk(editor_client, editor, story):
    first, second, third = (make_comment(story, status="pending") for _ in range(3))
    response = act(editor_client, "approve_selected", first, second)
    assert "2 comments approved." in messages_of(response)
    act(editor_client, "mark_spam_selected", third)
    for comment, status in ((first, "approved"), (second, "approved"), (third, "spam")):
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == editor
        assert comment.moderated_at is not None


def test_a_comment_held_by_the_machine_can_be_approved_after_review(editor, story):
    held = make_comment(story, status="spam", spam_reason="links")
    assert moderation.approve(held, editor).status == "approved"


def test_a_decided_comment_is_not_decided_again_without_returning_it_to_the_queue(
    editor_client, editor, second_editor, story
):
    comment = moderation.approve(make_comment(story, status="pending"), editor)
    response = act(editor_client, "reject_selected", comment)
    assert any("already moderated" in message for message in messages_of(response))
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", editor)

    act(editor_client, "reopen_selected", comment)
    comment.refresh_from_db()
    assert comment.status == "pending"
    moderation.reject(comment, second_editor)
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("rejected", second_editor)


def test_of_two_simultaneous_decisions_the_second_is_told_it_was_already_moderated(
    editor, second_editor, story
):
    comment = make_comment(story, status="pending")
    seen_by_first = Comment.objects.get(pk=comment.pk)
    seen_by_second = Comment.objects.get(pk=comment.pk)
    moderation.approve(seen_by_first, editor)
    with pytest.raises(moderation.AlreadyModerated, match="already moderated .approved by marek"):
        moderation.reject(seen_by_second, second_editor)
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", editor)


def test_editors_cannot_add_or_edit_a_readers_words(editor_client, story):
    comment = make_comment(story, status="pending", body="As the reader wrote it.")
    change_url = f"{CHANGELIST}{comment.pk}/change/"
    page = parse(editor_client.get(change_url))
    assert not page.select("textarea, input[name=body]")
    editor_client.post(change_url, {"body": "Rewritten by someone else."})
    comment.refresh_from_db()
    assert comment.body == "As the reader wrote it."
    assert editor_client.get(f"{CHANGELIST}add/").status_code == 403


def test_the_admin_index_tells_editors_how_many_comments_wait(editor_client, story):
    make_comment(story, status="pending")
    make_comment(story, status="spam", spam_reason="links")
    make_comment(story, status="approved")
    link = parse(editor_client.get("/admin/")).select_one(".comment-queue a")
    assert link.text == "2 comments await moderation"
    assert link["href"] == CHANGELIST


# -- reporters (B14) -------------------------------------------------------------------------


def test_a_reporter_cannot_see_or_use_the_moderation_queue(reporter_client, reporter, story):
    comment = make_comment(story, status="pending", email="private@mail.example")
    assert reporter_client.get(CHANGELIST).status_code == 403
    assert reporter_client.get(f"{CHANGELIST}{comment.pk}/change/").status_code == 403
    assert act(reporter_client, "approve_selected", comment).status_code == 403
    index = reporter_client.get("/admin/")
    assert "private@mail.example" not in index.content.decode()
    assert not parse(index).select(".comment-queue, a[href^='/admin/comments/']")
    with pytest.raises(PermissionDenied):
        moderation.approve(comment, reporter)
    comment.refresh_from_db()
    assert comment.status == "pending"


# -- stored XSS against editors (B1) ---------------------------------------------------------


def assert_inert(response):
    page = parse(response)
    assert not page.select("img[src=x]")
    for script in page.select("script"):
        assert script.has_attr("src") or "alert(1)" not in script.text
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]


def test_payloads_are_inert_in_the_moderation_list_and_the_comment_view(editor_client, story):
    comments = [
        make_comment(story, status="pending", name=payload[:80], body=payload, user_agent=payload)
        for payload in PAYLOADS
    ]
    changelist = editor_client.get(CHANGELIST)
    assert_inert(changelist)
    texts = [cell.text for cell in parse(changelist).select("#result_list .queue-comment-text")]
    assert sorted(texts) == sorted(PAYLOADS)
    names = [cell.text for cell in parse(changelist).select("#result_list .queue-comment-author")]
    assert sorted(names) == sorted(payload[:80] for payload in PAYLOADS)
    for comment in comments:
        response = editor_client.get(f"{CHANGELIST}{comment.pk}/change/")
        assert response.status_code == 200
        assert_inert(response)
        body = parse(response).select_one(".field-body .readonly").text
        assert body == comment.body
