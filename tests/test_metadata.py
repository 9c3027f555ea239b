"""Every page describes itself: title, description, canonical link, OpenGraph, JSON-LD, robots."""

import json

import pytest
from django.utils import timezone

from articles.views import ArchiveView, StoryListView
from tests.factories import make_article, make_full_story, make_profile, make_section
from tests.html import parse

pytestmark = pytest.mark.django_db


def meta(page, **attrs) -> str | None:
    tag = page.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def json_ld(page) -> dict:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.fixture
def story(reporter, editor):
    return make_full_story(reporter, editor, headline="Harbour wall to be rebuilt")


def test_story_page_has_title_description_and_canonical(client, story):
    page = parse(client.get(story.get_absolute_url()))
    assert page.title.text == "Harbour wall to be rebuilt — The Port Calder Ledger"
    assert meta(page, name="description") == "The council approved repairs to the harbour wall."
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver" + story.get_absolute_url()
    assert meta(page, name="robots") is None


def test_story_page_has_opengraph_and_twitter_tags(client, story):
    page = parse(client.get(story.get_absolute_url()))
    assert meta(page, property="og:type") == "article"
    assert meta(page, property="og:title") == story.headline
    assert meta(page, property="og:url") == "http://testserver" + story.get_absolute_url()
    assert meta(page, property="og:site_name") == "The Port Calder Ledger"
    assert meta(page, property="og:locale") == "en_GB"
    assert meta(page, property="article:section") == "City"
    published = timezone.localtime(story.first_published_at).replace(microsecond=0).isoformat()
    assert meta(page, property="article:published_time") == published
    assert meta(page, name="twitter:card") == "summary"
    assert meta(page, name="twitter:title") == story.headline


def test_story_json_ld_is_a_complete_news_article(client, story, reporter):
    make_profile(reporter, slug="rosa-penrose", display_name="Rosa Penrose")
    data = json_ld(parse(client.get(story.get_absolute_url())))
    url = "http://testserver" + story.get_absolute_url()
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == story.headline
    assert data["description"] == "The council approved repairs to the harbour wall."
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    published = timezone.localtime(story.first_published_at).replace(microsecond=0)
    assert data["datePublished"] == published.isoformat()
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Rosa Penrose",
            "url": "http://testserver/authors/rosa-penrose/",
        }
    ]
    assert data["publisher"]["name"] == "The Port Calder Ledger"
    assert data["publisher"]["@type"] == "NewsMediaOrganization"
    assert data["articleSection"] == "City"
    assert data["keywords"] == ["Housing"]


def test_json_ld_leaves_out_what_a_story_does_not_have(reporter, editor, client):
    article = make_article(reporter, status="published", editor=editor, section=None)
    data = json_ld(parse(client.get(article.get_absolute_url())))
    assert "articleSection" not in data and "keywords" not in data and "dateline" not in data


def test_front_page_describes_the_site(client):
    page = parse(client.get("/"))
    assert page.title.text == "The Port Calder Ledger"
    assert meta(page, property="og:type") == "website"
    assert page.find("link", rel="canonical")["href"] == "http://testserver/"
    assert meta(page, name="description").startswith("Local news for Port Calder")
    # The only script is the publisher's JSON-LD (tests/test_trust_publisher.py).
    assert [script["type"] for script in page.find_all("script")] == ["application/ld+json"]


def test_section_page_uses_its_description(client):
    section = make_section("City")
    section.description = "Council, housing and transport."
    section.save()
    page = parse(client.get("/sections/city/"))
    assert page.title.text == "City — The Port Calder Ledger"
    assert meta(page, name="description") == "Council, housing and transport."


@pytest.mark.parametrize(
    ("url", "robots", "canonical"),
    [
        ("/articles/", None, "/articles/"),
        ("/articles/?q=harbour", "noindex, follow", "/articles/"),
        ("/articles/?section=city", "noindex, follow", "/articles/"),
        ("/articles/?sort=oldest", "noindex, follow", "/articles/"),
        ("/articles/?page=2", "noindex, follow", "/articles/?page=2"),
        ("/sections/city/?page=2", "noindex, follow", "/sections/city/?page=2"),
        ("/sections/city/", None, "/sections/city/"),
        ("/sections/city/?utm_source=mail", None, "/sections/city/"),
    ],
)
def test_filtered_and_deep_listings_are_noindex(
    client, reporter, editor, monkeypatch, url, robots, canonical
):
    for view in (ArchiveView, StoryListView):
        monkeypatch.setattr(view, "paginate_by", 1)
    section = make_section("City")
    for _ in range(2):
        make_article(reporter, status="published", editor=editor, section=section)
    page = parse(client.get(url))
    assert meta(page, name="robots") == robots
    assert page.find("link", rel="canonical")["href"] == "http://testserver" + canonical


def test_error_pages_are_noindex(client):
    page = parse(client.get("/articles/no-such-story/"))
    assert meta(page, name="robots") == "noindex"


def test_story_json_ld_lists_corrections_with_their_times(client, story, editor):
    story.record_public_change(editor, "An earlier version gave the wrong *date* for the vote.")
    data = json_ld(parse(client.get(story.get_absolute_url())))
    assert len(data["correction"]) == story.corrections.count()
    correction = data["correction"][-1]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"] == "An earlier version gave the wrong date for the vote."
    assert correction["datePublished"].startswith(str(timezone.localdate()))
