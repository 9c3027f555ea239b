"""The front page and the section, tag, author and person pages list the right stories."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import paging, workflow
from articles.models import Quote
from articles.views import StoryListView
from tests.factories import (
    make_article,
    make_person,
    make_profile,
    make_section,
    make_tag,
    make_user,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def published(reporter, editor, days_ago: int = 0, **fields):
    article = make_article(reporter, status="published", editor=editor, **fields)
    when = timezone.now() - timedelta(days=days_ago, minutes=1)
    type(article).objects.filter(pk=article.pk).update(published_at=when, first_published_at=when)
    return article


def headlines(page, selector=".story-card-headline a"):
    return [a.text for a in page.select(selector)]


def test_front_page_has_a_lead_the_latest_and_a_block_per_section(reporter, editor, client):
    city, sport, empty = make_section("City"), make_section("Sport"), make_section("Arts")
    lead = published(reporter, editor, 0, headline="Lead", section=city)
    newer = [published(reporter, editor, n, headline=f"City {n}", section=city) for n in (1, 2)]
    match = published(reporter, editor, 3, headline="Match report", section=sport)
    rest = [published(reporter, editor, n, headline=f"City {n}", section=city) for n in range(4, 9)]
    page = parse(client.get("/"))
    assert headlines(page, ".front-lead .story-card-headline a") == [lead.headline]
    latest = [*newer, match, *rest[:3]]
    assert headlines(page, ".front-latest .story-card-headline a") == [a.headline for a in latest]
    blocks = {block.h2.text: headlines(block) for block in page.select("section.front-section")}
    assert blocks == {"City": [a.headline for a in rest[3:]]}
    assert empty.name not in [h2.text for h2 in page.select("h2")]


def test_front_page_with_nothing_published_says_so(reporter, client):
    make_article(reporter, headline="Only a draft")
    page = parse(client.get("/"))
    assert not page.select(".story-card")
    assert "No stories have been published yet." in page.main.text


def test_section_page_lists_its_published_stories_newest_first(reporter, editor, client):
    city, sport = make_section("City"), make_section("Sport")
    new = published(reporter, editor, 1, headline="New", section=city)
    old = published(reporter, editor, 3, headline="Old", section=city)
    published(reporter, editor, 2, headline="Elsewhere", section=sport)
    make_article(reporter, headline="Draft", section=city)
    page = parse(client.get("/sections/city/"))
    assert page.h1.text == "City"
    assert headlines(page) == [new.headline, old.headline]
    assert page.select_one('link[type="application/rss+xml"][href="/sections/city/feeds/rss/"]')


def test_unknown_section_is_404(client):
    assert client.get("/sections/nowhere/").status_code == 404


def test_listing_pages_paginate(reporter, editor, client, monkeypatch):
    monkeypatch.setattr(StoryListView, "paginate_by", 2)
    section = make_section("City")
    for n in range(3):
        published(reporter, editor, n, headline=f"Story {n}", section=section)
    first = parse(client.get("/sections/city/"))
    second = parse(client.get("/sections/city/?page=2"))
    assert headlines(first) == ["Story 0", "Story 1"]
    assert headlines(second) == ["Story 2"]
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    assert client.get("/sections/city/?page=3").status_code == 404


def test_a_long_list_is_counted_up_to_a_limit_and_still_pages_to_its_end(
    reporter, editor, client, monkeypatch
):
    monkeypatch.setattr(StoryListView, "paginate_by", 2)
    monkeypatch.setattr(paging, "COUNT_LIMIT", 3)
    section = make_section("City")
    for n in range(7):
        published(reporter, editor, n, headline=f"Story {n}", section=section)
    pages = [parse(client.get(f"/sections/city/?page={n}")) for n in (1, 2, 3, 4)]
    assert [headlines(page) for page in pages] == [
        ["Story 0", "Story 1"],
        ["Story 2", "Story 3"],
        ["Story 4", "Story 5"],
        ["Story 6"],
    ]
    assert pages[0].select_one(".story-count").text == "More than 3 stories"
    assert pages[1].select_one('.pagination [aria-current="page"]').text == "Page 2"
    assert [bool(page.select('.pagination a[rel="next"]')) for page in pages] == [
        True,
        True,
        True,
        False,
    ]
    assert client.get("/sections/city/?page=5").status_code == 404
    assert client.get("/sections/city/?page=0").status_code == 404
    assert client.get("/sections/city/?page=two").status_code == 404
    monkeypatch.setattr(paging, "COUNT_LIMIT", 7)  # a list within the limit is counted whole
    page = parse(client.get("/sections/city/?page=2"))
    assert page.select_one(".story-count").text == "7 stories"
    assert page.select_one('.pagination [aria-current="page"]').text == "Page 2 of 4"


def test_tag_page_lists_tagged_stories(reporter, editor, client):
    tag = make_tag("Flooding")
    tagged = published(reporter, editor, headline="Tagged")
    tagged.tags.add(tag)
    published(reporter, editor, headline="Untagged")
    page = parse(client.get("/tags/flooding/"))
    assert page.h1.text == "Flooding"
    assert headlines(page) == ["Tagged"]


def test_tag_carried_only_by_drafts_has_no_page(reporter, client):
    make_article(reporter).tags.add(make_tag("Embargoed"))
    assert client.get("/tags/embargoed/").status_code == 404


def test_author_page_lists_their_bylined_stories(reporter, other_reporter, editor, client):
    mine = published(reporter, editor, headline="Mine")
    published(other_reporter, editor, headline="Theirs")
    make_profile(reporter, slug="rosa-penrose", display_name="Rosa Penrose")
    page = parse(client.get("/authors/rosa-penrose/"))
    assert page.h1.text == "Rosa Penrose"
    assert headlines(page) == [mine.headline]


def test_people_without_a_published_byline_have_no_author_page(reporter, client):
    make_article(reporter)
    make_profile(reporter, slug="rosa-penrose")
    make_profile(make_user("visitor"), slug="a-visitor")
    for address in ("rosa-penrose", "a-visitor", reporter.username, "visitor", "nobody"):
        assert client.get(f"/authors/{address}/").status_code == 404


def test_person_page_lists_their_quotes_with_links(reporter, editor, client):
    speaker = make_person("Ada Quayle", slug="ada-quayle")
    first = published(reporter, editor, 2, headline="First")
    second = published(reporter, editor, 1, headline="Second")
    draft = make_article(reporter, headline="Draft")
    for article, words in ((first, "Older words"), (second, "Newer words"), (draft, "Secret")):
        Quote.objects.create(article=article, speaker=speaker, text=words)
    page = parse(client.get("/people/ada-quayle/"))
    assert page.h1.text == "Ada Quayle"
    quotes = page.select("figure.quote")
    assert [q.blockquote.get_text(strip=True) for q in quotes] == ["Newer words", "Older words"]
    assert [q.figcaption.a["href"] for q in quotes] == [
        second.get_absolute_url(),
        first.get_absolute_url(),
    ]


def test_person_page_follows_a_story_published_again(reporter, editor, second_editor, client):
    speaker = make_person("Ada Quayle", slug="ada-quayle")
    first = make_article(reporter, status="published", editor=editor, headline="First")
    second = make_article(reporter, status="published", editor=editor, headline="Second")
    for article, words in ((first, "Words one"), (second, "Words two")):
        Quote.objects.create(article=article, speaker=speaker, text=words)

    def quoted() -> list[str]:
        page = parse(client.get("/people/ada-quayle/"))
        return [q.blockquote.get_text(strip=True) for q in page.select("figure.quote")]

    assert quoted() == ["Words two", "Words one"]
    workflow.unpublish(first, second_editor, "A fact to check.")
    assert quoted() == ["Words two"]
    first.refresh_from_db()
    workflow.submit(first, reporter)
    workflow.publish(first, second_editor)  # published again: newest now
    assert Quote.objects.get(article=first).story_published_at == first.published_at
    assert quoted() == ["Words one", "Words two"]


def test_person_quoted_only_in_drafts_has_no_page(reporter, client):
    speaker = make_person("Quiet Source", slug="quiet-source")
    Quote.objects.create(article=make_article(reporter), speaker=speaker, text="Off the record")
    assert client.get("/people/quiet-source/").status_code == 404


def test_navigation_lists_sections_and_marks_the_current_one(reporter, editor, client):
    make_section("City"), make_section("Sport")
    nav = parse(client.get("/sections/sport/")).select_one("nav.site-nav")
    assert [a.text for a in nav.select("a")] == ["City", "Sport", "Archive"]
    assert nav.select_one('a[aria-current="page"]').text == "Sport"


def test_renamed_section_shows_in_the_navigation_at_once(client):
    section = make_section("City")
    client.get("/")
    section.name = "City & Harbour"
    section.save()
    nav = parse(client.get("/")).select_one("nav.site-nav")
    assert "City & Harbour" in [a.text for a in nav.select("a")]


def test_layout_has_landmarks_a_skip_link_and_a_search_box(client):
    page = parse(client.get("/"))
    assert page.html["lang"] == "en-gb"
    skip = page.select_one("a.skip-link")
    assert skip["href"] == "#main" and page.select_one("main#main")
    assert page.select_one("header.site-header") and page.select_one("footer.site-footer")
    search = page.select_one('header form[role="search"]')
    assert search["action"] == "/articles/" and search.select_one('input[name="q"]')
    assert search.select_one(f'label[for="{search.input["id"]}"]')
