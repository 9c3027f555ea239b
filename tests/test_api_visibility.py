"""The API shows only what the site shows: hidden stories and everything only they use vanish.

Hidden = draft, in review, scheduled before its time, unpublished (A1, A3 for the API).
"""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import workflow
from articles.models import Byline, Correction, Quote, StorySource
from tests.api_client import LISTS, every_response, get_json, results
from tests.factories import (
    make_article,
    make_person,
    make_profile,
    make_reporter,
    make_section,
    make_source,
    make_tag,
)

pytestmark = pytest.mark.django_db

HIDDEN_WORD = "zqxjv"


def give_private_things(article, label: str) -> None:
    """A section, tag, person, source, author and correction that only this story uses."""
    article.section = make_section(f"{HIDDEN_WORD}{label}")
    article.save()
    article.tags.add(make_tag(f"{HIDDEN_WORD}{label}"))
    speaker = make_person(f"{HIDDEN_WORD} {label} speaker", slug=f"{HIDDEN_WORD}-{label}")
    Quote.objects.create(article=article, speaker=speaker, text=f"{HIDDEN_WORD} said")
    StorySource.objects.create(article=article, source=make_source(f"{HIDDEN_WORD} {label} doc"))
    writer = make_reporter(f"{HIDDEN_WORD}{label}")
    make_profile(writer, slug=f"{HIDDEN_WORD}-{label}-writes", display_name=f"{HIDDEN_WORD} W")
    Byline.objects.create(article=article, author=writer, credit="Hidden")
    Correction.objects.create(article=article, text=f"{HIDDEN_WORD} correction")


@pytest.fixture
def hidden(reporter, editor):
    draft = make_article(reporter, headline=f"Draft {HIDDEN_WORD}")
    review = make_article(reporter, headline=f"Review {HIDDEN_WORD}")
    scheduled = make_article(reporter, headline=f"Scheduled {HIDDEN_WORD}")
    withdrawn = make_article(reporter, headline=f"Withdrawn {HIDDEN_WORD}")
    stories = {"draft": draft, "review": review, "scheduled": scheduled, "withdrawn": withdrawn}
    for label, article in stories.items():
        give_private_things(article, label)
    workflow.submit(review, reporter)
    workflow.submit(scheduled, reporter)
    workflow.publish(scheduled, editor, at=timezone.now() + timedelta(hours=1))
    workflow.submit(withdrawn, reporter)
    workflow.publish(withdrawn, editor)
    workflow.unpublish(withdrawn, editor, "Legal asked us to hold it.")
    return stories


@pytest.fixture
def live(reporter, editor):
    return make_article(reporter, status="published", editor=editor, headline="Live story")


def test_hidden_stories_answer_like_an_unknown_slug(hidden, live, client):
    for suffix in ("", "ninjs/"):
        unknown = client.get(f"/api/v1/stories/no-such-story/{suffix}")
        assert unknown.status_code == 404
        assert unknown.json() == {"detail": "No Article matches the given query."}
        for article in hidden.values():
            response = client.get(f"/api/v1/stories/{article.slug}/{suffix}")
            assert response.status_code == 404
            assert response.content == unknown.content
            assert sorted(response.headers.items()) == sorted(unknown.headers.items())


def test_nothing_of_a_hidden_story_appears_anywhere(hidden, live, client):
    bodies = every_response(client)
    assert f"/api/v1/stories/{live.slug}/" in " ".join(bodies)
    for url, body in bodies.items():
        if url == "/api/v1/withdrawals/?since=2000-01-01T00:00:00Z":
            continue
        assert HIDDEN_WORD not in body.decode(), url


def test_filters_on_hidden_things_find_nothing(hidden, live, client):
    for label in hidden:
        for query in (
            f"section={HIDDEN_WORD}{label}",
            f"tag={HIDDEN_WORD}{label}",
            f"person={HIDDEN_WORD}-{label}",
            f"author={HIDDEN_WORD}-{label}-writes",
            f"q={HIDDEN_WORD}",
        ):
            assert get_json(client, f"/api/v1/stories/?{query}")["results"] == [], query


def test_people_quoted_only_in_hidden_stories_have_no_api_page(hidden, live, client):
    for label in hidden:
        get_json(client, f"/api/v1/people/{HIDDEN_WORD}-{label}/", status=404)


def test_counts_and_related_lists_leave_hidden_stories_out(hidden, live, client, reporter):
    """A section, tag, person, source and author shared by a draft and a live story."""
    draft = hidden["draft"]
    shared_source = make_source("Shared document")
    speaker = make_person("Shared speaker", slug="shared-speaker")
    tag = make_tag("Shared")
    for article in (draft, live):
        article.section = live.section
        article.save()
        article.tags.add(tag)
        StorySource.objects.create(article=article, source=shared_source)
        Quote.objects.create(article=article, speaker=speaker, text=f"On {article.headline}")
    by_slug = {section["slug"]: section for section in results(client, "/api/v1/sections/")}
    assert by_slug[live.section.slug]["story_count"] == 1
    assert [
        t["story_count"] for t in results(client, "/api/v1/tags/") if t["slug"] == "shared"
    ] == [1]
    source = next(s for s in results(client, "/api/v1/sources/") if s["id"] == shared_source.pk)
    assert source["story_count"] == 1
    person = get_json(client, "/api/v1/people/shared-speaker/")
    assert (person["quote_count"], person["story_count"]) == (1, 1)
    assert [quote["story"]["slug"] for quote in person["quotes"]] == [live.slug]
    make_profile(reporter, slug="rosa-penrose")
    author = next(a for a in results(client, "/api/v1/authors/") if a["slug"] == "rosa-penrose")
    assert author["story_count"] == 1


def test_a_scheduled_story_appears_at_its_time(hidden, client):
    scheduled = hidden["scheduled"]
    get_json(client, f"/api/v1/stories/{scheduled.slug}/", status=404)
    with time_machine.travel(scheduled.published_at + timedelta(minutes=1)):
        get_json(client, f"/api/v1/stories/{scheduled.slug}/")
        assert [s["slug"] for s in results(client, "/api/v1/stories/")] == [scheduled.slug]


def withdrawals(client, since: datetime) -> list[str]:
    query = since.isoformat().replace("+", "%2B")
    return [item["slug"] for item in results(client, f"/api/v1/withdrawals/?since={query}")]


def test_withdrawals_list_stories_taken_down_since_a_time(hidden, client):
    withdrawn = hidden["withdrawn"]
    event = withdrawn.events.get(action=workflow.UNPUBLISH)
    page = get_json(client, "/api/v1/withdrawals/?since=2000-01-01T00:00:00Z")
    [item] = page["results"]
    assert item["slug"] == withdrawn.slug
    assert item["canonical_url"] == f"http://testserver/articles/{withdrawn.slug}/"
    assert datetime.fromisoformat(item["withdrawn_at"]) == event.at
    assert withdrawals(client, event.at) == [withdrawn.slug]
    assert withdrawals(client, event.at + timedelta(seconds=1)) == []


def test_withdrawals_leave_out_stories_never_public_or_public_again(
    hidden, reporter, editor, client
):
    since = datetime(2000, 1, 1, tzinfo=UTC)
    scheduled = hidden["scheduled"]
    workflow.unpublish(scheduled, editor, "Not yet.")
    assert withdrawals(client, since) == [hidden["withdrawn"].slug]
    workflow.submit(hidden["withdrawn"], reporter)
    workflow.publish(hidden["withdrawn"], editor)
    assert withdrawals(client, since) == []


def test_withdrawals_name_a_story_once_however_often_it_went(hidden, reporter, editor, client):
    withdrawn = hidden["withdrawn"]
    workflow.submit(withdrawn, reporter)
    workflow.publish(withdrawn, editor)
    workflow.unpublish(withdrawn, editor, "Again.")
    assert withdrawals(client, datetime(2000, 1, 1, tzinfo=UTC)) == [withdrawn.slug]


def test_withdrawals_need_a_since_time(client):
    body = get_json(client, "/api/v1/withdrawals/", status=400)
    assert "since" in body["errors"]


def test_every_list_answers_json_without_stories(client):
    for url in LISTS:
        assert json.loads(client.get(url).content)["results"] == []
