"""With the page cache on, nothing leaks (SECURITY.md A4, A5, G3): not a withdrawn story, not
a scheduled one before its time, and nothing of a staff visit or of another reader."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import PreviewLink
from tests.factories import author_page, make_article, make_tag
from tests.html import parse, sitemap_locations
from tests.page_cache_support import cached, fetch, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

START = timezone.now().replace(second=0, microsecond=0) + timedelta(days=1)


def feed_links(client, url: str) -> list[str]:
    root = ET.fromstring(client.get(url).content)
    return [link.text or "" for link in root.iter("link")] + [
        link.get("href", "") for link in root.iter("{http://www.w3.org/2005/Atom}link")
    ]


def surfaces(article) -> list[str]:
    """Every cached address that lists or shows the story."""
    return [
        article.get_absolute_url(),
        "/",
        "/articles/",
        article.section.get_absolute_url(),
        "/tags/tides/",
        author_page(article.created_by),
        "/feeds/rss/",
        "/feeds/atom/",
        "/sitemap-stories.xml",
        "/sitemap-news.xml",
        "/api/v1/stories/",
        f"/api/v1/stories/{article.slug}/",
    ]


def visible(client, article) -> dict[str, bool]:
    """Where an anonymous reader finds the story, address by address."""
    seen = {}
    for url in surfaces(article):
        response = client.get(url)
        seen[url] = response.status_code == 200 and article.slug in text(response)
    return seen


# -- A4 -------------------------------------------------------------------------------------


def test_an_unpublished_story_is_gone_from_every_cached_page_at_once(
    client, reporter, editor, committed
):
    """A4: publish → fetched (and cached) → unpublish → the next anonymous request is a 404."""
    article = make_article(reporter, status="review", headline="Tide tables misprinted")
    article.tags.add(make_tag("Tides"))
    with committed():
        workflow.publish(article, editor)
    for url in surfaces(article):
        assert article.slug in text(cached(client, url)), url
    with committed():
        workflow.unpublish(article, editor, note="Legal asked us to hold it.")
    reader = Client()
    assert reader.get(article.get_absolute_url()).status_code == 404
    assert reader.get(f"/api/v1/stories/{article.slug}/").status_code == 404
    assert set(visible(reader, article).values()) == {False}
    assert not any(article.slug in link for link in feed_links(reader, "/feeds/rss/"))
    assert not any(article.slug in link for link in feed_links(reader, "/feeds/atom/"))
    assert not any(article.slug in location for location in sitemap_locations(reader))
    since = (timezone.now() - timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    withdrawn = reader.get("/api/v1/withdrawals/", {"since": since}).json()["results"]
    assert [item["slug"] for item in withdrawn] == [article.slug]


# -- A5 -------------------------------------------------------------------------------------


def test_a_scheduled_story_appears_on_cached_pages_exactly_at_its_time(
    client, reporter, editor, page_cache, committed
):
    """A5 with the cache on: hidden at +59 min even from pages cached since, shown at +61 min.

    Entries are kept for a week here, so no expiry helps: the key carries the scheduled time.
    """
    page_cache.PAGE_CACHE_SECONDS = 7 * 24 * 3600
    with time_machine.travel(START, tick=False) as clock:
        make_article(reporter, status="published", editor=editor, headline="Ferry timetable")
        article = make_article(reporter, status="review", headline="Spring tide warning")
        article.tags.add(make_tag("Tides"))
        with committed():
            workflow.publish(article, editor, at=START + timedelta(hours=1))
        assert set(visible(client, article).values()) == {False}
        clock.move_to(START + timedelta(minutes=59))
        assert set(visible(client, article).values()) == {False}
        assert fetch(client, "/")[1] == 0  # the front page really is the cached one
        clock.move_to(START + timedelta(minutes=61))
        for url in surfaces(article):
            print(url, fetch(client, url)[1])
        assert set(visible(client, article).values()) == {True}


# -- G3 -------------------------------------------------------------------------------------


def test_a_staff_visit_leaves_nothing_for_readers(client, editor_client, reporter, editor):
    """G3: an editor browses live stories and a draft; readers get the reader's pages."""
    live = make_article(reporter, status="published", editor=editor)
    draft = make_article(reporter, headline="Secret draft about the harbour")
    editor_client.get(reverse("admin:index"))
    staff_csrf = editor_client.cookies["csrftoken"].value
    for url in ("/", live.get_absolute_url(), draft.get_absolute_url()):
        response = editor_client.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
    assert client.get(draft.get_absolute_url()).status_code == 404
    for url in ("/", live.get_absolute_url()):
        first, queries = fetch(client, url)
        assert queries > 0, f"{url}: a staff member's page was stored"
        page = parse(first)
        assert not page.select(".preview-banner")
        assert "Secret draft" not in text(first)
        assert staff_csrf not in text(first)
        assert not first.cookies
        again, queries = fetch(Client(), url)
        assert queries == 0
        assert again.content == first.content


def test_previews_and_admin_pages_are_private_and_never_stored(client, editor_client, reporter):
    draft = make_article(reporter, headline="Unannounced budget")
    link = PreviewLink.objects.create(article=draft, expires_at=timezone.now() + timedelta(days=1))
    preview_urls = [draft.get_absolute_url(), link.get_absolute_url()]
    for browser, url in [(editor_client, preview_urls[0]), (client, preview_urls[1])]:
        for _ in range(2):
            response, queries = fetch(browser, url)
            assert response.status_code == 200
            assert queries > 0
            directives = {part.strip() for part in response["Cache-Control"].split(",")}
            assert {"private", "no-store"} <= directives
    admin = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk]))
    assert {"private", "no-store"} <= {p.strip() for p in admin["Cache-Control"].split(",")}
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_reader_with_someone_elses_session_cookie_is_not_served_or_stored(client, reporter):
    live = make_article(reporter, status="published")
    url = live.get_absolute_url()
    stranger = Client()
    stranger.cookies["sessionid"] = "not-a-real-session"
    response, queries = fetch(stranger, url)
    assert queries > 0
    assert "private" in response["Cache-Control"]
    assert fetch(client, url)[1] > 0  # the stranger's answer was not kept
