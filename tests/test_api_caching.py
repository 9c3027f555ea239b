"""API responses carry validators; a client that already has the current version gets a 304."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from articles import editing, workflow
from sources.models import Source
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


def test_responses_carry_an_etag_and_must_be_revalidated(story, client):
    response = client.get("/api/v1/stories/")
    assert response["ETag"].startswith('"')
    assert response["Cache-Control"] == "public, no-cache"


def test_a_matching_etag_gets_304_with_no_body(story, client):
    url = f"/api/v1/stories/{story.slug}/"
    etag = client.get(url)["ETag"]
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert not_modified["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_story_last_modified_answers_if_modified_since(story, editor, client):
    """Last-Modified is the story's last public change, as its page and feeds say: a
    correction moves it; a save readers are not told about does not."""
    url = f"/api/v1/stories/{story.slug}/ninjs/"
    response = client.get(url)
    assert response["Last-Modified"] == http_date(int(story.last_public_change.timestamp()))
    since = response["Last-Modified"]
    assert client.get(url, headers={"If-Modified-Since": since}).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        editing.correct(story, editor, "The vote was on Tuesday.")
        changed = client.get(url, headers={"If-Modified-Since": since})
    assert changed.status_code == 200
    assert changed["Last-Modified"] != since


def test_the_etag_follows_changes_to_shared_records(story, client):
    url = f"/api/v1/stories/{story.slug}/"
    etag = client.get(url)["ETag"]
    for source in Source.objects.filter(claims__article=story):  # as the admin renames one
        source.title = "A renamed document"
        source.save()
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_a_list_changes_its_etag_when_a_story_leaves_it(story, editor, client):
    first = make_article(story.created_by, status="published", editor=editor)
    etag = client.get("/api/v1/stories/")["ETag"]
    workflow.unpublish(first, editor, "Pulled.")
    assert client.get("/api/v1/stories/", headers={"If-None-Match": etag}).status_code == 200
    assert "Last-Modified" not in client.get("/api/v1/stories/")


def test_errors_carry_no_validators(client):
    response = client.get("/api/v1/stories/missing/")
    assert response.status_code == 404
    assert "ETag" not in response
