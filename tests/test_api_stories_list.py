"""The stories list: every filter, the archive's search, and cursor pages that never repeat."""

from datetime import UTC, datetime

import pytest
import time_machine

from articles import editing, workflow
from articles.models import Quote, StorySource
from tests.api_client import get_json, results
from tests.factories import (
    make_article,
    make_editor,
    make_person,
    make_profile,
    make_reporter,
    make_section,
    make_source,
    make_tag,
)

pytestmark = pytest.mark.django_db


def slugs(client, query: str) -> list[str]:
    return [item["slug"] for item in get_json(client, f"/api/v1/stories/?{query}")["results"]]


@pytest.fixture
def desk(reporter, editor):
    """Three stories published on three days, each with something the others lack."""
    other = make_reporter("owen")
    make_profile(other, slug="owen-ellis")
    make_profile(reporter, slug="rosa-penrose")
    with time_machine.travel(datetime(2026, 3, 1, 9, tzinfo=UTC), tick=False):
        harbour = make_article(reporter, headline="Harbour dredging begins", section=make_section())
        harbour.tags.add(make_tag("Harbour"))
        Quote.objects.create(
            article=harbour, speaker=make_person("Ada Quayle", slug="ada-quayle"), text="At last."
        )
        workflow.submit(harbour, reporter)
        workflow.publish(harbour, editor)
    with time_machine.travel(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False):
        school = make_article(
            other, status="published", editor=editor, headline="School roof repaired"
        )
        shared = make_source("Budget book")
        StorySource.objects.create(article=school, source=shared)
    with time_machine.travel(datetime(2026, 3, 3, 9, tzinfo=UTC), tick=False):
        market = make_article(
            reporter,
            status="published",
            editor=make_editor("desk"),
            headline="Market hall reopens",
            section=make_section("Business"),
        )
    return {"harbour": harbour, "school": school, "market": market, "shared": shared}


def test_each_filter_narrows_the_list(desk, client):
    harbour, school, market = desk["harbour"].slug, desk["school"].slug, desk["market"].slug
    assert slugs(client, "") == [market, school, harbour]
    assert slugs(client, "section=business") == [market]
    assert slugs(client, "tag=harbour") == [harbour]
    assert slugs(client, "author=owen-ellis") == [school]
    assert slugs(client, "author=rosa-penrose") == [market, harbour]
    assert slugs(client, "author=rosa") == []  # a login name finds nothing
    assert slugs(client, "person=ada-quayle") == [harbour]
    assert slugs(client, f"source={desk['shared'].pk}") == [school]
    assert slugs(client, "published_after=2026-03-02T00:00:00Z") == [market, school]
    assert slugs(client, "published_before=2026-03-02T09:00:00Z") == [harbour]
    assert slugs(client, "published_after=2026-03-02&published_before=2026-03-03") == [school]
    assert slugs(client, "q=dredging") == [harbour]
    assert slugs(client, "q=roof+repaired&author=owen-ellis") == [school]


def test_updated_since_finds_edited_stories(desk, editor, client):
    """Edited for readers: a live story's change is declared an update (or a correction)."""
    harbour = desk["harbour"]
    with time_machine.travel(datetime(2026, 4, 1, tzinfo=UTC), tick=False):
        editing.save(harbour, editor, expected_version=harbour.version, change=editing.UPDATE)
    assert slugs(client, "updated_since=2026-03-15T00:00:00%2B00:00") == [desk["harbour"].slug]


def test_a_person_quoted_twice_in_a_story_lists_it_once(desk, client):
    harbour = desk["harbour"]
    Quote.objects.create(article=harbour, speaker=harbour.quotes.get().speaker, text="Again.")
    assert slugs(client, "person=ada-quayle") == [harbour.slug]


def test_filters_that_match_nothing_give_an_empty_list(desk, client):
    for query in ("section=nowhere", "tag=nothing", "author=nobody", "person=no-one", "source=999"):
        assert slugs(client, query) == []


def test_cursor_pages_walk_every_story_once(reporter, editor, client):
    made = {make_article(reporter, status="published", editor=editor).slug for _ in range(7)}
    first = get_json(client, "/api/v1/stories/?page_size=3")
    assert len(first["results"]) == 3
    assert first["previous"] is None
    walked = [item["slug"] for item in results(client, "/api/v1/stories/?page_size=3")]
    assert sorted(walked) == sorted(made)
    assert len(walked) == len(set(walked))
    second = get_json(client, first["next"])
    assert get_json(client, second["previous"])["results"] == first["results"]


def test_page_size_defaults_to_twenty(reporter, editor, client):
    for _ in range(21):
        make_article(reporter, status="published", editor=editor)
    page = get_json(client, "/api/v1/stories/")
    assert len(page["results"]) == 20
    assert page["next"]
