"""Drafts are invisible to the public: a 404 indistinguishable from a missing story (A1)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles import workflow
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db


def hidden_stories(reporter, editor):
    draft = make_article(reporter, headline="Draft zqxjv")
    review = make_article(reporter, headline="Review zqxjv", status="review")
    scheduled = make_article(
        reporter,
        headline="Scheduled zqxjv",
        status="published",
        editor=editor,
        at=timezone.now() + timedelta(hours=1),
    )
    withdrawn = make_article(
        reporter, headline="Withdrawn zqxjv", status="published", editor=editor
    )
    workflow.unpublish(withdrawn, editor, "Held for legal review.")
    return [draft, review, scheduled, withdrawn]


def test_unpublished_stories_answer_exactly_like_an_unknown_slug(reporter, editor, client):
    hidden = hidden_stories(reporter, editor)
    unknown = client.get("/articles/no-such-story/")
    assert unknown.status_code == 404
    for article in hidden:
        response = client.get(article.get_absolute_url())
        assert response.status_code == 404
        assert response.content == unknown.content
        assert sorted(response.headers) == sorted(unknown.headers)


def test_front_page_lists_only_published_stories(reporter, editor, client):
    hidden_stories(reporter, editor)
    live = make_article(reporter, headline="Live story", status="published", editor=editor)
    page = parse(client.get("/"))
    headlines = [a.text for a in page.select(".story-card h2 a")]
    assert headlines == [live.headline]
    assert "zqxjv" not in str(page)


def test_author_previews_their_draft_on_its_public_address(reporter):
    article = make_article(reporter, headline="My draft")
    client = Client()
    client.force_login(reporter)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert parse(response).select_one(".preview-banner")


def test_another_reporter_cannot_preview_a_draft(reporter, other_reporter):
    article = make_article(reporter)
    client = Client()
    client.force_login(other_reporter)
    assert client.get(article.get_absolute_url()).status_code == 404
