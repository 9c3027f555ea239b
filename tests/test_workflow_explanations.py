"""Every move a person cannot make says why: workflow.why_not, the story's toolbar, and the
admin page someone reaches by opening a move's address they may not use."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.admin.transitions import workflow_toolbar
from articles.models import Article
from tests.factories import make_article, make_editor, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db


def transition_url(article, action):
    return f"/admin/articles/article/{article.pk}/transition/{action}/"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def published(author):
    return make_article(author, status="published", editor=make_editor("publisher"))


# -- why_not: who --------------------------------------------------------------------------


def test_a_reporter_is_told_only_editors_publish(reporter):
    article = make_article(reporter, status="review")
    assert workflow.why_not(reporter, "publish", article) == "Only editors publish stories."


def test_a_reporter_is_told_only_editors_send_back(reporter):
    article = make_article(reporter, status="review")
    assert workflow.why_not(reporter, "send_back", article) == "Only editors send stories back."


def test_a_reporter_is_told_only_editors_unpublish(reporter):
    article = published(reporter)
    assert workflow.why_not(reporter, "unpublish", article) == "Only editors unpublish stories."


def test_a_reporter_hears_of_their_role_before_the_storys_state(reporter):
    """Telling a reporter a draft must be in review first would suggest they could then."""
    article = make_article(reporter)
    assert workflow.why_not(reporter, "publish", article) == "Only editors publish stories."


def test_an_editor_who_wrote_the_story_is_told_another_editor_must_publish_it(editor):
    article = make_article(editor, status="review")
    assert (
        workflow.why_not(editor, "publish", article)
        == "You wrote this story, so another editor must publish it."
    )


def test_an_editor_who_wrote_a_scheduled_story_may_not_reschedule_it(editor, second_editor):
    article = make_article(
        editor, status="published", editor=second_editor, at=timezone.now() + timedelta(hours=2)
    )
    assert (
        workflow.why_not(editor, "reschedule", article)
        == "You wrote this story, so another editor must publish it."
    )
    assert workflow.why_not(second_editor, "reschedule", article) is None


@override_settings(NEWSROOM_REQUIRE_SECOND_EDITOR=False)
def test_without_four_eyes_an_editor_may_publish_their_own_story(editor):
    article = make_article(editor, status="review")
    assert workflow.why_not(editor, "publish", article) is None


def test_another_editor_may_publish(reporter, editor):
    assert workflow.why_not(editor, "publish", make_article(reporter, status="review")) is None


def test_a_reporter_is_told_another_reporters_story_is_not_theirs(reporter, other_reporter):
    article = make_article(reporter)
    assert workflow.why_not(other_reporter, "submit", article) == "This is not your story."


def test_staff_who_do_not_write_are_told_so(reporter):
    clerk = make_user("clerk", is_staff=True)
    article = make_article(reporter)
    assert workflow.why_not(clerk, "submit", article) == (
        "Only reporters and editors work on stories."
    )


def test_someone_signed_out_is_told_to_sign_in_as_staff(reporter):
    article = make_article(reporter)
    assert (
        workflow.why_not(AnonymousUser(), "submit", article)
        == "You must be signed in as newsroom staff."
    )


# -- why_not: the story's state ------------------------------------------------------------


def test_an_editor_is_told_a_draft_must_be_in_review_to_be_published(reporter, editor):
    article = make_article(reporter)
    assert (
        workflow.why_not(editor, "publish", article)
        == "Only a story in review can be published; this story is “Draft”."
    )


def test_a_story_in_review_cannot_be_submitted_again(reporter):
    article = make_article(reporter, status="review")
    assert workflow.why_not(reporter, "submit", article) == (
        "Only a draft can be submitted for review; this story is “In review”."
    )


def test_a_live_story_cannot_be_rescheduled(reporter, editor):
    article = published(reporter)
    assert workflow.why_not(editor, "reschedule", article) == (
        "Only a scheduled story can be rescheduled; this story is “live”."
    )


def test_a_reporter_is_told_why_their_submitted_story_is_read_only(reporter):
    article = make_article(reporter, status="review")
    assert workflow.why_not(reporter, "change", article) == (
        "Once a story is submitted only editors change it; this story is “In review”."
    )


def test_nobody_is_allowed_to_delete_a_story_readers_have_seen(reporter, editor):
    article = published(reporter)
    assert workflow.why_not(editor, "delete", article) == (
        "A story readers have seen is never deleted; unpublish it instead."
    )


STATUSES = ["draft", "review", "published"]
ACTIONS = ["submit", "send_back", "publish", "unpublish", "reschedule", "change", "delete", "view"]


@pytest.mark.parametrize("status", STATUSES)
def test_why_not_is_silent_exactly_when_can_allows(status, reporter, other_reporter, editor):
    article = (
        published(reporter) if status == "published" else make_article(reporter, status=status)
    )
    people = [AnonymousUser(), reporter, other_reporter, editor, make_editor("author_editor")]
    for person in people:
        for action in ACTIONS:
            reason = workflow.why_not(person, action, article)
            assert (reason is None) == workflow.can(person, action, article), (person, action)
            assert reason is None or reason.strip()


# -- the toolbar ---------------------------------------------------------------------------


def toolbar(user, article):
    request = RequestFactory().get("/")
    request.user = user
    return {b["action"]: (b["allowed"], b["reason"]) for b in workflow_toolbar(request, article)}


def test_a_reporters_draft_offers_submit(reporter):
    assert toolbar(reporter, make_article(reporter)) == {"submit": (True, None)}


def test_a_reporter_sees_the_review_moves_with_why_they_are_not_theirs(reporter):
    article = make_article(reporter, status="review")
    assert toolbar(reporter, article) == {
        "send_back": (False, "Only editors send stories back."),
        "publish": (False, "Only editors publish stories."),
    }


def test_an_editor_sees_publish_refused_on_their_own_story(editor):
    article = make_article(editor, status="review")
    assert toolbar(editor, article) == {
        "send_back": (True, None),
        "publish": (False, "You wrote this story, so another editor must publish it."),
    }


def test_a_live_story_offers_only_unpublish(reporter, editor):
    assert toolbar(editor, published(reporter)) == {"unpublish": (True, None)}


def test_a_scheduled_story_offers_reschedule_and_unpublish(reporter, editor):
    article = make_article(reporter, status="review")
    workflow.publish(article, make_editor("scheduler"), at=timezone.now() + timedelta(hours=3))
    assert toolbar(editor, article) == {"reschedule": (True, None), "unpublish": (True, None)}


def test_each_toolbar_entry_links_to_its_page_at_the_version_seen(reporter):
    article = make_article(reporter)
    request = RequestFactory().get("/")
    request.user = reporter
    (entry,) = workflow_toolbar(request, article)
    assert entry["label"] == "Submit for review"
    assert entry["url"] == f"{transition_url(article, 'submit')}?version={article.version}"


def test_the_change_page_buttons_are_the_toolbars_allowed_moves(reporter, editor_client):
    article = make_article(reporter, status="review")
    page = parse(editor_client.get(change_url(article)))
    assert {a["data-action"] for a in page.select("a[data-action]")} == {"send_back", "publish"}


# -- the explanation page ------------------------------------------------------------------


def test_a_reporter_opening_publish_is_told_why_inside_the_admin(reporter, reporter_client):
    article = make_article(reporter, status="review")
    response = reporter_client.get(transition_url(article, "publish"))
    assert response.status_code == 403
    assert response.templates[0].name == "admin/articles/article/transition_refused.html"
    page = parse(response)
    assert page.select_one(".transition-refused").text.strip() == "Only editors publish stories."
    assert page.select_one("h1").text == "Publish: not possible"
    assert page.select_one(f".breadcrumbs a[href='{change_url(article)}']") is not None
    assert page.select_one(f"#content-main a[href='{change_url(article)}']") is not None
    assert "sign in and try again" not in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == "review"


def test_an_editor_opening_publish_on_their_own_story_is_told_of_four_eyes(editor, client):
    client.force_login(editor)
    article = make_article(editor, status="review")
    response = client.get(transition_url(article, "publish"))
    assert response.status_code == 403
    assert parse(response).select_one(".transition-refused").text.strip() == (
        "You wrote this story, so another editor must publish it."
    )


def test_an_editor_opening_unpublish_on_a_draft_is_told_the_state(reporter, editor_client):
    article = make_article(reporter)
    response = editor_client.get(transition_url(article, "unpublish"))
    assert response.status_code == 403
    assert parse(response).select_one(".transition-refused").text.strip() == (
        "Only a published story can be unpublished; this story is “Draft”."
    )


def test_a_story_someone_may_not_view_stays_not_found(reporter, other_reporter, reporter_client):
    theirs = make_article(other_reporter, status="review", headline="Secret zqxjv story")
    response = reporter_client.get(transition_url(theirs, "publish"))
    assert response.status_code == 404
    assert "zqxjv" not in response.content.decode()


def test_a_refused_post_goes_back_to_the_story_with_the_reason(reporter, reporter_client):
    article = make_article(reporter, status="review")
    response = reporter_client.post(
        transition_url(article, "publish"), {"when": "now"}, follow=True
    )
    assert response.redirect_chain == [(change_url(article), 302)]
    messages = [li.text for li in parse(response).select(".messagelist li")]
    assert messages == ["Only editors publish stories."]
    assert Article.objects.get(pk=article.pk).status == "review"


def test_a_refused_post_of_an_incomplete_form_gets_the_explanation(reporter, reporter_client):
    article = make_article(reporter, status="review")
    response = reporter_client.post(transition_url(article, "publish"), {})
    assert response.status_code == 403
    assert "Only editors publish stories." in parse(response).select_one(".transition-refused").text
    assert Article.objects.get(pk=article.pk).status == "review"
