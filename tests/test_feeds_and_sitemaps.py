"""Feeds and sitemaps are valid XML and list published stories only."""

import math
from datetime import timedelta
from xml.etree import ElementTree

import pytest
import time_machine
from django.utils import timezone

from articles import workflow
from articles.sitemaps import StorySitemap
from tests.factories import make_article, make_section
from tests.html import parse, sitemap_locations

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def xml(client, url: str) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


@pytest.fixture
def newsroom(reporter, editor):
    city, sport = make_section("City"), make_section("Sport")
    live = make_article(reporter, status="published", editor=editor, section=city)
    other = make_article(reporter, status="published", editor=editor, section=sport)
    hidden = [
        make_article(reporter, headline="Draft zqxjv", section=city),
        make_article(reporter, status="review", headline="Review zqxjv", section=city),
        make_article(
            reporter,
            status="published",
            editor=editor,
            at=timezone.now() + timedelta(hours=1),
            headline="Scheduled zqxjv",
            section=city,
        ),
    ]
    withdrawn = make_article(
        reporter, status="published", editor=editor, headline="Withdrawn zqxjv", section=city
    )
    workflow.unpublish(withdrawn, editor, "Legal hold.")
    return {"live": live, "other": other, "hidden": [*hidden, withdrawn]}


def test_rss_feed_lists_published_stories_newest_first(client, newsroom, reporter):
    channel = xml(client, "/feeds/rss/").find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        newsroom["other"].headline,
        newsroom["live"].headline,
    ]
    first = items[0]
    assert first.findtext("link") == "http://testserver" + newsroom["other"].get_absolute_url()
    assert first.findtext("pubDate")
    assert "Sport" in [category.text for category in first.findall("category")]
    assert "council approved" in first.findtext("description")


def test_atom_feed_lists_the_same_stories(client, newsroom):
    feed = xml(client, "/feeds/atom/")
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == [newsroom["other"].headline, newsroom["live"].headline]
    assert feed.find(f"{ATOM}entry/{ATOM}updated") is not None


def test_section_feeds_list_only_that_section(client, newsroom):
    rss = xml(client, "/sections/city/feeds/rss/")
    assert [i.findtext("title") for i in rss.iter("item")] == [newsroom["live"].headline]
    atom = xml(client, "/sections/city/feeds/atom/")
    entries = atom.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [newsroom["live"].headline]
    assert client.get("/sections/nowhere/feeds/rss/").status_code == 404


def test_sitemap_lists_every_published_story_and_section(client, newsroom):
    locations = sitemap_locations(client)
    base = "http://testserver"
    for story in (newsroom["live"], newsroom["other"]):
        assert base + story.get_absolute_url() in locations
    assert base + "/sections/city/" in locations and base + "/sections/sport/" in locations
    assert base + "/" in locations
    for story in newsroom["hidden"]:
        assert base + story.get_absolute_url() not in locations


def test_the_sitemap_is_an_index_of_sitemaps_whose_story_pages_hold_ranges_of_ids(
    client, reporter, editor, monkeypatch
):
    monkeypatch.setattr(StorySitemap, "limit", 2)
    stories = [make_article(reporter, status="published", editor=editor) for _ in range(4)]
    draft = make_article(reporter, headline="Draft zqxjv")  # takes an id, shows nowhere
    pages = math.ceil(draft.pk / 2)
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    listed = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    base = "http://testserver/sitemap-"
    assert listed == [
        f"{base}pages.xml",
        f"{base}sections.xml",
        f"{base}stories.xml",
        *(f"{base}stories.xml?p={n}" for n in range(2, pages + 1)),
    ]
    found = {}
    for n in range(1, pages + 1):
        for loc in xml(client, f"/sitemap-stories.xml?p={n}").iter(f"{SITEMAP}loc"):
            found[loc.text] = n
    assert found == {
        f"http://testserver{story.get_absolute_url()}": math.ceil(story.pk / 2) for story in stories
    }
    assert client.get(f"/sitemap-stories.xml?p={pages + 1}").status_code == 404


def test_news_sitemap_lists_stories_of_the_last_two_days(client, reporter, editor):
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        make_article(reporter, status="published", editor=editor, headline="Old news")
    fresh = make_article(reporter, status="published", editor=editor, headline="Fresh & new")
    make_article(reporter, headline="Draft zqxjv")
    urlset = xml(client, "/sitemap-news.xml")
    urls = urlset.findall(f"{SITEMAP}url")
    assert [u.findtext(f"{SITEMAP}loc") for u in urls] == [
        "http://testserver" + fresh.get_absolute_url()
    ]
    news = urls[0].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}title") == "Fresh & new"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "The Port Calder Ledger"
    published = news.findtext(f"{NEWS}publication_date")
    assert (
        published == timezone.localtime(fresh.first_published_at).replace(microsecond=0).isoformat()
    )


def test_news_sitemap_forgets_a_story_after_two_days(client, reporter, editor):
    make_article(reporter, status="published", editor=editor)
    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        assert xml(client, "/sitemap-news.xml").findall(f"{SITEMAP}url") == []


def test_robots_txt_points_at_the_sitemaps(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
    assert "Disallow: /admin/" in lines


def test_feeds_are_advertised_on_every_page(client):
    head = parse(client.get("/")).head
    assert head.select_one('link[type="application/rss+xml"]')["href"] == "/feeds/rss/"
    assert head.select_one('link[type="application/atom+xml"]')["href"] == "/feeds/atom/"
