"""The API's story list keeps each story's summary under its page token (articles.kept): a
change to anything a summary shows appears in the next answer, and a summary made for one
address is never given for another."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api import views
from articles import editing, workflow
from articles.models import Article
from tests.api_client import get_json
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    story = make_article(reporter, status="published", editor=editor, headline="Pier reopens")
    story.tags.add(make_tag("Harbour"))
    return story


def summary(client, **headers) -> dict:
    return get_json(client, "/api/v1/stories/", **headers)["results"][0]


def test_a_second_read_reuses_the_summaries(client, story, monkeypatch):
    first = summary(client)
    monkeypatch.setattr(
        views.StoryList, "get_serializer", lambda *a, **k: pytest.fail("serialized again")
    )
    assert summary(client) == first


def test_an_edit_a_rename_of_a_tag_or_writer_shows_in_the_next_answer(
    client, story, editor, reporter
):
    summary(client)
    article = Article.objects.get(pk=story.pk)
    article.headline = "Pier stays shut"
    editing.save(article, editor, expected_version=article.version, change=editing.UPDATE)
    assert summary(client)["headline"] == "Pier stays shut"
    tag = story.tags.get()
    tag.name = "Waterfront"
    tag.save()
    assert [t["name"] for t in summary(client)["tags"]] == ["Waterfront"]
    reporter.first_name, reporter.last_name = "Rosalind", "Pike"
    reporter.save()
    assert "Rosalind Pike" in str(summary(client)["bylines"])


def test_a_summary_made_for_one_address_is_not_given_for_another(client, story, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example"]
    assert summary(client)["api_url"].startswith("http://testserver/")
    other = summary(client, host="news.example")
    assert other["api_url"].startswith("http://news.example/")


def test_a_whole_story_is_kept_and_made_again_after_a_change(client, story, editor):
    url = f"/api/v1/stories/{story.slug}/"
    first = get_json(client, url)
    assert get_json(client, url) == first
    article = Article.objects.get(pk=story.pk)
    article.headline = "Pier stays shut"
    editing.save(article, editor, expected_version=article.version, change=editing.UPDATE)
    assert get_json(client, url)["headline"] == "Pier stays shut"
    source = article.source_entries.select_related("source").first().source
    source.title = "The harbour board's minutes"
    source.save()
    assert "The harbour board's minutes" in str(get_json(client, url)["sources"])


def test_a_kept_story_is_not_given_once_unpublished(client, story, editor):
    url = f"/api/v1/stories/{story.slug}/"
    get_json(client, url)
    workflow.unpublish(Article.objects.get(pk=story.pk), editor, "Legal asked us to.")
    assert client.get(url).status_code == 404


def test_a_list_of_kept_summaries_reads_no_tags_or_bylines(client, story):
    summary(client)
    with CaptureQueriesContext(connection) as captured:
        summary(client)
    statements = " ".join(q["sql"] for q in captured.captured_queries)
    assert "articles_byline" not in statements and "articles_tag" not in statements
