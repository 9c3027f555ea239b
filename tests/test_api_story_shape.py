"""A story through the API: every part present, in order, with citations to the right sources."""

from datetime import date

import pytest
from django.test import Client

from articles import workflow
from articles.models import Claim, Correction, ImpactItem, KeyTakeaway, Quote, StorySource
from tests.api_client import get_json
from tests.factories import (
    make_article,
    make_person,
    make_profile,
    make_section,
    make_source,
    make_tag,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    """A story with every part, created out of order where order matters."""
    article = make_article(
        reporter,
        takeaways=0,
        verified_claims=0,
        headline="Ferry timetable cut for the winter",
        standfirst="The *operator* will run fewer crossings, [its notice](https://example.org/n)"
        " says.",
        dateline="Port Calder",
        context="First paragraph of analysis.\n\nSecond paragraph & more.",
        bottom_line="Passengers should check times before travelling.",
        section=make_section("Transport"),
    )
    article.tags.add(make_tag("Ferries"), make_tag("Winter"))
    make_profile(reporter, slug="rosa-penrose", display_name="Rosa Penrose")
    KeyTakeaway.objects.create(article=article, position=2, text="Second takeaway")
    KeyTakeaway.objects.create(article=article, position=1, text="First takeaway")
    notice = make_source("Operator notice", kind="statement", published_on=date(2026, 10, 1))
    minutes = make_source("Board minutes", publisher="Ferry board", url="")
    survey = make_source("Passenger survey", kind="dataset")
    for position, source in enumerate([notice, minutes, survey], start=1):
        StorySource.objects.create(article=article, source=source, position=position)
    verified = Claim.objects.create(
        article=article, position=1, text="Crossings fall to six a day.", status="verified"
    )
    verified.sources.add(survey, notice)
    unconfirmed = Claim.objects.create(
        article=article, position=2, text="A route may close.", status="unconfirmed"
    )
    unconfirmed.sources.add(minutes)
    Claim.objects.create(article=article, position=3, text="Fares rise.", status="disputed")
    ImpactItem.objects.create(article=article, position=2, label="Tourism", text="Fewer visitors.")
    ImpactItem.objects.create(article=article, position=1, label="Commuters", text="Longer waits.")
    captain = make_person("Iona Marr", role="Captain", slug="iona-marr")
    Quote.objects.create(
        article=article, speaker=captain, text="We have no choice.", is_pull=True, position=1
    )
    Quote.objects.create(
        article=article,
        speaker=make_person("Ben Ruddock", role="Passenger group chair", slug="ben-ruddock"),
        text="This hurts islanders.",
        source=minutes,
        said_on=date(2026, 10, 2),
        position=2,
    )
    captain.role = "Retired captain"
    captain.save()
    workflow.submit(article, reporter)
    workflow.publish(article, editor)
    Correction.objects.create(article=article, text="An earlier version gave the wrong day.")
    article.sources_in_order = [notice, minutes, survey]
    return article


def test_story_detail_has_every_part_in_order(story, client):
    data = get_json(client, f"/api/v1/stories/{story.slug}/")
    notice, minutes, survey = story.sources_in_order
    assert data["headline"] == "Ferry timetable cut for the winter"
    assert data["canonical_url"] == f"http://testserver/articles/{story.slug}/"
    assert data["dateline"] == "Port Calder"
    assert data["section"]["slug"] == "transport"
    assert [tag["slug"] for tag in data["tags"]] == ["ferries", "winter"]
    assert [byline["name"] for byline in data["bylines"]] == ["Rosa Penrose"]
    assert data["bylines"][0]["author"] == {
        "slug": "rosa-penrose",
        "name": "Rosa Penrose",
        "page_url": "http://testserver/authors/rosa-penrose/",
        "stories_url": "http://testserver/api/v1/stories/?author=rosa-penrose",
    }
    assert [t["text"]["text"] for t in data["takeaways"]] == ["First takeaway", "Second takeaway"]
    assert [(c["status"], c["source_ids"]) for c in data["claims"]] == [
        ("verified", [notice.pk, survey.pk]),
        ("unconfirmed", [minutes.pk]),
        ("disputed", []),
    ]
    assert [item["label"] for item in data["impact_items"]] == ["Commuters", "Tourism"]
    assert [(q["speaker"]["name"], q["role"], q["is_pull"]) for q in data["quotes"]] == [
        ("Iona Marr", "Captain", True),
        ("Ben Ruddock", "Passenger group chair", False),
    ]
    assert data["quotes"][1]["source_id"] == minutes.pk
    assert data["quotes"][1]["said_on"] == "2026-10-02"
    assert [(s["number"], s["id"]) for s in data["sources"]] == [
        (1, notice.pk),
        (2, minutes.pk),
        (3, survey.pk),
    ]
    assert data["sources"][0] == {
        "number": 1,
        "id": notice.pk,
        "title": "Operator notice",
        "publisher": notice.publisher,
        "url": notice.url,
        "kind": "statement",
        "published_on": "2026-10-01",
    }
    assert data["corrections"][0]["text"]["text"] == "An earlier version gave the wrong day."
    assert data["corrections"][0]["created_at"]
    assert data["bottom_line"]["text"] == "Passengers should check times before travelling."
    for name in ("first_published_at", "published_at", "updated_at"):
        assert data[name]


def test_every_cited_source_id_is_in_the_source_list(story, client):
    data = get_json(client, f"/api/v1/stories/{story.slug}/")
    listed = {source["id"] for source in data["sources"]}
    cited = {source_id for claim in data["claims"] for source_id in claim["source_ids"]}
    assert cited <= listed
    assert {q["source_id"] for q in data["quotes"] if q["source_id"]} <= listed


def test_rich_text_comes_as_sanitised_html_and_as_plain_text(story, client):
    data = get_json(client, f"/api/v1/stories/{story.slug}/")
    standfirst = data["standfirst"]
    assert "<em>operator</em>" in standfirst["html"]
    assert 'href="https://example.org/n"' in standfirst["html"]
    assert standfirst["text"] == "The operator will run fewer crossings, its notice says."
    assert data["context"]["html"].count("<p>") == 2
    assert data["context"]["text"] == ("First paragraph of analysis.\nSecond paragraph & more.")
    assert data["claims"][0]["text"] == {
        "html": "Crossings fall to six a day.",
        "text": "Crossings fall to six a day.",
    }


def test_a_speakers_links_lead_to_their_quotes(story, client):
    data = get_json(client, f"/api/v1/stories/{story.slug}/")
    speaker = data["quotes"][0]["speaker"]
    assert speaker["page_url"] == "http://testserver/people/iona-marr/"
    person = get_json(client, speaker["api_url"])
    assert person["name"] == "Iona Marr"
    assert person["role"] == "Retired captain"
    assert [(q["text"], q["role"]) for q in person["quotes"]] == [("We have no choice.", "Captain")]
    assert person["quotes"][0]["story"]["slug"] == story.slug


def test_stories_list_summarises_newest_first(reporter, editor, client, story):
    later = make_article(reporter, status="published", editor=editor, headline="Later story")
    page = get_json(client, "/api/v1/stories/")
    assert [item["slug"] for item in page["results"]] == [later.slug, story.slug]
    summary = page["results"][1]
    assert summary["api_url"] == f"http://testserver/api/v1/stories/{story.slug}/"
    assert summary["ninjs_url"] == f"http://testserver/api/v1/stories/{story.slug}/ninjs/"
    assert "claims" not in summary
    assert get_json(client, summary["api_url"])["slug"] == story.slug


def test_lists_link_back_to_the_stories(story, client):
    section = get_json(client, "/api/v1/sections/")["results"][0]
    assert section["story_count"] == 1
    filtered = get_json(client, section["stories_url"])
    assert [item["slug"] for item in filtered["results"]] == [story.slug]
    source = next(
        s for s in get_json(client, "/api/v1/sources/")["results"] if s["title"] == "Board minutes"
    )
    assert source["story_count"] == 1
    assert [item["slug"] for item in get_json(client, source["stories_url"])["results"]] == [
        story.slug
    ]
    correction = get_json(client, "/api/v1/corrections/")["results"][0]
    assert correction["story"]["slug"] == story.slug


def test_api_serves_the_same_data_to_signed_in_staff(story, editor):
    staff = Client()
    staff.force_login(editor)
    assert staff.get(f"/api/v1/stories/{story.slug}/").json() == (
        Client().get(f"/api/v1/stories/{story.slug}/").json()
    )
