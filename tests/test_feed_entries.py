"""A feed's entries are kept under their stories' page tokens (articles.feeds): a change to
anything an entry shows is in the next read of every feed, and a withdrawn story leaves it."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from articles import editing, workflow
from articles.models import Article
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

FEEDS = ["/feeds/rss/", "/feeds/atom/"]


@pytest.fixture
def story(reporter, editor):
    story = make_article(reporter, status="published", editor=editor, headline="Pier reopens")
    story.tags.add(make_tag("Harbour"))
    return story


def feed_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # Atom names categories in attributes
    return " ".join([*root.itertext(), *(e.get("term", "") for e in root.iter())])


def test_an_edit_and_renames_show_in_the_next_read_of_every_feed(client, story, editor, reporter):
    for url in FEEDS + [story.section.get_absolute_url() + "feeds/rss/"]:
        feed_text(client, url)
    article = Article.objects.get(pk=story.pk)
    article.headline = "Pier stays shut"
    editing.save(article, editor, expected_version=article.version, change=editing.UPDATE)
    tag = story.tags.get()
    tag.name = "Waterfront"
    tag.save()
    reporter.first_name, reporter.last_name = "Rosalind", "Pike"
    reporter.save()
    for url in FEEDS + [story.section.get_absolute_url() + "feeds/rss/"]:
        text = feed_text(client, url)
        assert "Pier stays shut" in text and "Pier reopens" not in text, url
        assert "Waterfront" in text and "Rosalind Pike" in text, url


def test_a_withdrawn_story_leaves_every_feed(client, story, editor):
    for url in FEEDS:
        assert "Pier reopens" in feed_text(client, url)
    workflow.unpublish(Article.objects.get(pk=story.pk), editor, "Legal asked us to.")
    for url in FEEDS:
        assert "Pier reopens" not in feed_text(client, url)
