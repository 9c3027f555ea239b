"""One story, one way in: every door that changes a story's content goes through
articles.editing, and leaves the same result — the version moved by exactly one, exactly one
new revision at that version, every cited source in the story's list, a fresh search
document, and the copies readers are served refreshed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import editing, importing, revisions, versions, workflow
from articles.forms import ArticleForm
from articles.models import Article, Claim, StoryRevision
from articles.transitions import TRANSITIONS
from tests.factories import make_article, make_source
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db

STORY_TEXT = """\
Ferry timetable cut for the winter

The last crossing leaves at nine from November, the harbour board said.

Key takeaways

• The last ferry leaves at nine.

Verified facts

The board voted for the winter timetable on Monday. [1]

Sources

Winter timetable — Port Calder Harbour Board — https://example.org/winter-timetable
"""


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def cites_an_unlisted_source(article: Article) -> Claim:
    """A claim whose source the story's list does not hold yet."""
    claim = Claim.objects.create(article=article, text="The pier closes early.", status="verified")
    source = make_source("Pier notice")
    Claim.sources.through.objects.create(claim=claim, source=source)  # no signal: unlisted
    return claim


def assert_one_change(article: Article, version_before: int, action: str) -> StoryRevision:
    """The result every door must leave: one more version and exactly one revision of it."""
    article = Article.objects.get(pk=article.pk)
    assert article.version == version_before + 1
    new = StoryRevision.objects.filter(article=article, version__gt=version_before)
    assert list(new.values_list("version", "action")) == [(article.version, action)]
    cited = set(
        Claim.sources.through.objects.filter(claim__article=article).values_list(
            "source_id", flat=True
        )
    )
    listed = set(article.source_entries.values_list("source_id", flat=True))
    assert cited <= listed, "every cited source is in the story's list"
    assert article.headline in article.search_document
    return new.get()


def admin_change(client, article: Article, **changes) -> None:
    data = form_fields(client.get(change_url(article)), "article_form")
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, parse(response).select(".errorlist")


def test_an_admin_save_is_one_change(reporter, reporter_client):
    article = make_article(reporter, headline="Ferry timetable cut")
    cites_an_unlisted_source(article)
    before = Article.objects.get(pk=article.pk).version
    admin_change(reporter_client, article, headline="Ferry timetable cut for winter")
    revision = assert_one_change(article, before, "edit")
    assert revision.revision.user == reporter


def test_a_call_to_the_editing_service_is_one_change(reporter):
    article = make_article(reporter, headline="Ferry timetable cut")
    cites_an_unlisted_source(article)
    before = Article.objects.get(pk=article.pk).version
    article = Article.objects.get(pk=article.pk)
    article.headline = "Ferry timetable cut for winter"
    editing.save(article, reporter, expected_version=before)
    assert_one_change(article, before, "edit")


def test_an_import_is_one_change_from_nothing(reporter):
    summary = importing.import_text(STORY_TEXT, reporter)
    revision = assert_one_change(summary.article, 0, "import")
    assert revision.version == 1
    assert summary.article.source_entries.get().source.url.endswith("winter-timetable")


def test_a_restore_is_one_change(reporter, editor):
    article = make_article(reporter, headline="Ferry timetable cut")
    first = editing.save(Article.objects.get(pk=article.pk), reporter, expected_version=1)
    article = Article.objects.get(pk=article.pk)
    article.headline = "A headline to undo"
    editing.save(article, reporter, expected_version=article.version)
    before = Article.objects.get(pk=article.pk).version
    _new, left_out = editing.restore(article, first, editor, expected_version=before)
    assert left_out == []
    assert_one_change(article, before, "restore")
    assert Article.objects.get(pk=article.pk).headline == "Ferry timetable cut"


def test_a_correction_is_one_change_readers_are_told_about(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    before = Article.objects.get(pk=article.pk).version
    correction = editing.correct(Article.objects.get(pk=article.pk), editor, "The vote was 5–2.")
    assert_one_change(article, before, "correction")
    article.refresh_from_db()
    assert article.revised_at == correction.created_at == article.last_public_change


def test_each_door_refuses_a_change_made_from_an_older_version(reporter, editor):
    article = make_article(reporter, status="review")
    seen = article.version
    editing.save(Article.objects.get(pk=article.pk), editor, expected_version=seen)
    stale = Article.objects.get(pk=article.pk)
    with pytest.raises(versions.StaleVersion, match="saved this story"):
        editing.save(stale, editor, expected_version=seen)
    with pytest.raises(versions.StaleVersion, match="Review it again"):
        workflow.publish(stale, editor, expected_version=seen)
    oldest = revisions.revisions_of(article).last()
    with pytest.raises(versions.StaleVersion, match="Compare again"):
        editing.restore(stale, oldest, editor, expected_version=seen)


def test_a_live_story_changes_only_as_a_declared_correction_or_update(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    live = Article.objects.get(pk=article.pk)
    with pytest.raises(ValidationError, match="correction or a minor update"):
        editing.save(live, editor, expected_version=live.version)
    with pytest.raises(ValidationError, match="Write the correction"):
        editing.save(live, editor, expected_version=live.version, change=editing.CORRECTION)
    editing.save(live, editor, expected_version=live.version, change=editing.UPDATE)
    assert Article.objects.get(pk=article.pk).revised_at is not None


def test_the_service_refuses_who_may_not_edit_whatever_the_door(reporter, other_reporter):
    article = make_article(reporter)
    with pytest.raises(PermissionDenied):
        editing.save(Article.objects.get(pk=article.pk), other_reporter, expected_version=1)
    outsider = type(reporter).objects.create_user("visitor")
    with pytest.raises(PermissionDenied):
        editing.create(outsider, headline="Not a writer")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite takes no row locks")
def test_the_story_form_only_validates_it_takes_no_lock(reporter):
    article = make_article(reporter)
    data = {"headline": "New", "loaded_version": article.version}
    with CaptureQueriesContext(connection) as queries:
        form = ArticleForm(data, instance=Article.objects.get(pk=article.pk))
        form.is_valid()
    assert not [q for q in queries if "FOR UPDATE" in q["sql"]]


def test_a_move_is_named_by_the_one_table_in_history_email_and_admin(
    reporter, editor, editor_client, mailoutbox, django_capture_on_commit_callbacks
):
    article = make_article(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, reporter)
    submit = TRANSITIONS[workflow.SUBMIT]
    assert mailoutbox[0].subject == submit.email_subject % {"headline": article.headline}
    assert revisions.ACTIONS[revisions.revisions_of(article).first().action] == submit.history
    page = parse(editor_client.get(change_url(article)))
    publish = page.select_one("a.workflow-publish")
    assert publish.text.strip() == TRANSITIONS[workflow.PUBLISH].button
