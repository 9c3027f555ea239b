"""The admin refuses what the workflow refuses, whatever is posted (SECURITY.md A6–A12, A15)."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Claim, KeyTakeaway, WorkflowEvent
from tests.api_client import results
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def changelist_url():
    return reverse("admin:articles_article_changelist")


def test_reporter_sees_only_their_own_stories_in_the_changelist(
    reporter, other_reporter, reporter_client
):
    mine = make_article(reporter, headline="Ferry timetable changes")
    theirs = make_article(other_reporter, headline="Secret zqxjv draft")
    page = reporter_client.get(changelist_url())
    assert page.status_code == 200
    headlines = [a.text for a in parse(page).select("#result_list tbody th a")]
    assert headlines == [mine.headline]
    assert theirs.headline not in page.content.decode()


def test_extra_status_fields_in_a_reporters_post_are_ignored(reporter, editor, reporter_client):
    """A6: status, published_at, approval and version are not in the form, so never saved."""
    article = make_article(reporter)
    data = form_fields(reporter_client.get(change_url(article)), "article_form")
    data.update(
        headline="Ferry timetable changes (updated)",
        status="published",
        published_at="2026-01-01 00:00",
        first_published_at="2026-01-01 00:00",
        approved_by=str(editor.pk),
        version="999",
    )
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Ferry timetable changes (updated)"
    assert article.status == "draft"
    assert article.published_at is None
    assert article.version == 2
    assert not WorkflowEvent.objects.filter(article=article).exists()


def test_reporter_cannot_publish_through_the_bulk_action(reporter, reporter_client):
    """A7: the publish action does not exist for a reporter; nothing changes."""
    article = make_article(reporter, status="review")
    response = reporter_client.post(
        changelist_url(),
        {"action": "publish_selected", "_selected_action": [article.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).status == "review"
    assert not WorkflowEvent.objects.filter(action="publish").exists()


def test_reporter_cannot_delete_their_story_once_published(reporter, editor, reporter_client):
    """A7: delete_selected on a live story is refused."""
    article = make_article(reporter, status="published", editor=editor)
    response = reporter_client.post(
        changelist_url(),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_editor_cannot_delete_a_live_story_in_one_click(
    reporter, editor, second_editor, editor_client
):
    article = make_article(reporter, status="published", editor=second_editor)
    response = editor_client.post(
        changelist_url(),
        {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_editor_publishes_through_the_bulk_action(reporter, editor, editor_client):
    article = make_article(reporter, status="review")
    editor_client.post(
        changelist_url(), {"action": "publish_selected", "_selected_action": [article.pk]}
    )
    assert Article.objects.get(pk=article.pk).status == "published"
    assert WorkflowEvent.objects.filter(article=article, action="publish").count() == 1


def test_save_as_new_is_not_offered(reporter, reporter_client):
    """A9: "Save as new" would copy a story around the workflow; it is switched off."""
    article = make_article(reporter)
    data = form_fields(reporter_client.get(change_url(article)), "article_form")
    data["_saveasnew"] = "Save as new"
    reporter_client.post(change_url(article), data)
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "suffix",
    ["change/", "history/", "delete/", "preview/", "transition/submit/"],
)
def test_reporter_cannot_reach_another_reporters_draft(
    suffix, reporter, other_reporter, reporter_client
):
    """A10: every admin door onto someone else's story is a 404, like a missing one."""
    theirs = make_article(other_reporter, headline="Secret zqxjv draft")
    url = reverse("admin:articles_article_changelist") + f"{theirs.pk}/{suffix}"
    for method in (reporter_client.get, reporter_client.post):
        response = method(url)
        assert response.status_code == 404, (method, url)
        assert "zqxjv" not in response.content.decode()
    assert Article.objects.get(pk=theirs.pk).status == "draft"


def test_view_on_site_shortcut_does_not_reveal_another_reporters_draft(
    reporter, other_reporter, reporter_client
):
    theirs = make_article(other_reporter, headline="Secret zqxjv draft")
    content_type = ContentType.objects.get_for_model(Article)
    response = reporter_client.get(f"/admin/r/{content_type.pk}/{theirs.pk}/")
    assert response.status_code == 404
    assert theirs.slug not in response.get("Location", "")


def test_autocomplete_does_not_list_stories(reporter, other_reporter, reporter_client):
    make_article(other_reporter, headline="Secret zqxjv draft")
    response = reporter_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "x", "term": "zqxjv"},
    )
    assert response.status_code in (403, 404)
    assert b"zqxjv" not in response.content


def test_injected_inline_rows_of_another_story_are_rejected(
    reporter, other_reporter, reporter_client
):
    """A11: posting R2's takeaway or claim id inside R1's form changes nothing of R2's."""
    mine = make_article(reporter)
    theirs = make_article(other_reporter)
    their_takeaway = theirs.takeaways.get()
    their_claim = theirs.claims.get()
    data = form_fields(reporter_client.get(change_url(mine)), "article_form")
    data.update(
        {
            "takeaways-0-id": str(their_takeaway.pk),
            "takeaways-0-text": "Overwritten by R1",
            "claims-0-id": str(their_claim.pk),
            "claims-0-DELETE": "on",
        }
    )
    response = reporter_client.post(change_url(mine), data)
    assert response.status_code == 200  # the form comes back with an error
    assert "errornote" in response.content.decode()
    assert KeyTakeaway.objects.get(pk=their_takeaway.pk).text == their_takeaway.text
    assert Claim.objects.filter(pk=their_claim.pk).exists()


@pytest.mark.parametrize(
    "query",
    [
        {"created_by__password__startswith": "p"},
        {"bylines__author__email__contains": "@"},
        {"_to_field": "password"},
        {"o": "999"},
        {"q": "harbour " * 15000},
        {"state": "nonsense"},
        {"author": "abc"},
    ],
)
def test_hostile_changelist_queries_never_500(query, editor, editor_client, reporter):
    """A12: lookups on private fields are refused (400); nonsense is ignored; never a 500."""
    make_article(reporter)
    response = editor_client.get(changelist_url(), query)
    assert response.status_code in (200, 302, 400)
    assert b"pbkdf2" not in response.content and b"md5$" not in response.content


@pytest.mark.parametrize("user_fixture", ["reporter_client", "editor_client"])
@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/1/change/"]
)
def test_newsroom_staff_cannot_manage_users_or_groups(user_fixture, url, request):
    """A15: no role below superuser reaches user or group management."""
    client = request.getfixturevalue(user_fixture)
    response = client.get(url)
    assert response.status_code in (403, 404)


def test_changelist_costs_the_same_queries_for_2_and_40_stories(reporter, editor_client):
    for _ in range(2):
        make_article(reporter)
    editor_client.get(changelist_url())
    with CaptureQueriesContext(connection) as few:
        editor_client.get(changelist_url())
    for _ in range(38):
        make_article(reporter)
    with CaptureQueriesContext(connection) as many:
        editor_client.get(changelist_url())
    assert len(many) == len(few)


def delete_url(article: Article) -> str:
    return reverse("admin:articles_article_delete", args=[article.pk])


def test_no_one_deletes_a_story_readers_have_seen_even_after_unpublishing(
    reporter, editor, editor_client, client
):
    article = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(article, editor, "Withdrawn: the council reversed its decision.")
    assert not workflow.can(editor, workflow.DELETE, article)
    assert editor_client.post(delete_url(article), {"post": "yes"}).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    assert editor_client.post(changelist_url(), bulk).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()
    # So partners polling the withdrawals feed still learn it is gone.
    slugs = [item["slug"] for item in results(client, "/api/v1/withdrawals/?since=2000-01-01")]
    assert slugs == [article.slug]


def test_an_editor_deletes_a_scheduled_story_withdrawn_before_its_time(
    reporter, editor, editor_client
):
    article = make_article(
        reporter, status="published", editor=editor, at=timezone.now() + timedelta(days=1)
    )
    workflow.unpublish(article, editor, "Not running it after all.")
    assert workflow.can(editor, workflow.DELETE, article)
    assert not workflow.can(reporter, workflow.DELETE, article)
    assert editor_client.post(delete_url(article), {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_a_reporter_deletes_their_own_draft_that_never_went_out(reporter, reporter_client):
    article = make_article(reporter)
    assert reporter_client.post(delete_url(article), {"post": "yes"}).status_code == 302
    assert not Article.objects.exists()
