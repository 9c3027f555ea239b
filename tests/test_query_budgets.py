"""Every public page costs a small, fixed number of queries, however much it shows.

Counts are taken on a second request, once the section navigation and the footer's policies are
cached (each costs one more query after it changes, or every few minutes); the first request is
bounded too.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import cards, curation, workflow
from articles.curation import Slot
from articles.front import LATEST_STORIES
from articles.models import MAX_PINS, Quote
from tests.factories import (
    add_parts,
    make_article,
    make_full_story,
    make_image,
    make_person,
    make_profile,
    make_reporter,
    make_section,
    make_tag,
)

pytestmark = pytest.mark.django_db

STORY_PAGE_BUDGET = 8  # seven for the story, one for its comments
LISTING_BUDGET = 8
LINKS = "https://social.example/@rosa\nhttps://example.org/rosa"


def queries(client, url: str) -> tuple[int, int]:
    """(first request, second request) query counts for a page that must answer 200.

    Savepoints are not queries: they appear only because each test runs in a transaction
    (a story page keeps its render inside one, articles.prerender). No story card is kept
    before the first request (articles.cards), so it reads the rows a list's cards need."""
    cache.clear()
    cards.forget()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        statements = [query["sql"] for query in captured.captured_queries]
        counts.append(sum(1 for sql in statements if "SAVEPOINT" not in sql))
    return counts[0], counts[1]


def test_story_page_costs_the_same_for_1_and_30_of_every_part(reporter, editor, client):
    small = make_full_story(reporter, editor)
    large = make_full_story(reporter, editor)
    add_parts(large, 30)
    for article in (small, large):
        make_article(reporter, status="published", editor=editor, section=article.section)
    assert large.claims.count() > 30 and large.bylines.count() > 30
    first_small, small_count = queries(client, small.get_absolute_url())
    first_large, large_count = queries(client, large.get_absolute_url())
    assert small_count == large_count <= STORY_PAGE_BUDGET
    # The first also reads the navigation and the footer's policies (trust.snapshot).
    assert first_small == first_large <= STORY_PAGE_BUDGET + 2


def test_staff_preview_costs_no_more_than_the_public_page(reporter, reporter_client):
    draft = make_article(reporter)
    add_parts(draft, 10)
    _, count = queries(reporter_client, draft.get_absolute_url())
    # the session, the user and the user's permissions (who may preview) cost four more
    assert count <= STORY_PAGE_BUDGET + 4


def _publish_stories(count: int, editor, section, tag, speaker) -> None:
    for n in range(count):
        author = make_reporter(f"writer{n}")
        article = make_article(author, status="review", section=section)
        article.tags.add(tag, make_tag(f"Extra{n}"))
        Quote.objects.create(article=article, speaker=speaker, text=f"Words {n}")
        workflow.publish(article, editor)


def test_listing_pages_and_feeds_cost_the_same_for_1_and_50_stories(reporter, editor, client):
    section, tag = make_section("City"), make_tag("Harbour")
    make_section("Arts")
    # The front page shows a story once: its lead and latest take the newest seven, so these
    # fill the latest and a section block.
    sport, sam = make_section("Sport"), make_reporter("sam")
    for _ in range(LATEST_STORIES + 1):
        make_article(sam, status="published", editor=editor, section=sport)
    speaker = make_person("Ada Quayle", slug="ada-quayle")
    article = make_article(reporter, status="review", section=section)
    article.tags.add(tag)
    Quote.objects.create(article=article, speaker=speaker, text="First words")
    workflow.publish(article, editor)
    # The author page with everything a profile shows, its photo too.
    make_profile(reporter, slug="rosa-penrose", photo=make_image(), bio="Writes.", links=LINKS)
    urls = [
        "/",
        "/articles/",
        "/articles/?q=takeaway&section=city&tag=harbour&sort=oldest",
        "/articles/?person=ada-quayle&published_from=2000-01-01",
        "/sections/city/",
        "/tags/harbour/",
        "/authors/rosa-penrose/",
        "/people/ada-quayle/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/sections/city/feeds/rss/",
        "/sections/city/feeds/atom/",
        "/sitemap.xml",
        "/sitemap-stories.xml",
        "/sitemap-news.xml",
    ]
    one = {url: queries(client, url) for url in urls}
    _publish_stories(49, editor, section, tag, speaker)
    Quote.objects.create(article=article, speaker=speaker, text="More words")
    fifty = {url: queries(client, url) for url in urls}
    assert fifty == one
    for url, (first, second) in fifty.items():
        assert first <= LISTING_BUDGET and second <= LISTING_BUDGET, url
        # The first request also reads the sections for the navigation and the footer's
        # policies (then cached), and the rows and bylines of stories whose cards are not kept.
        assert first <= second + 4, url


def test_curated_front_and_section_pages_cost_the_same_for_1_and_6_pins(reporter, editor, client):
    """The chosen stories come in one query (and one for their bylines), however many."""
    city = make_section("City")
    stories = [
        make_article(reporter, status="published", editor=editor, section=city)
        for _ in range(LATEST_STORIES + MAX_PINS + 4)
    ]
    urls = ["/", "/sections/city/"]

    def choose(pins: int) -> dict[str, tuple[int, int]]:
        chosen = [Slot(story) for story in stories[1 : pins + 1]]
        curation.set_front(editor, Slot(stories[0]), chosen)
        curation.set_section(editor, city, Slot(stories[0]), chosen)
        return {url: queries(client, url) for url in urls}

    one, six = choose(1), choose(MAX_PINS)
    assert one == six
    for url, (first, second) in six.items():
        assert second <= LISTING_BUDGET, url
        # As above: the first read also reads the navigation and the rows of unkept cards.
        assert first <= second + 4, url
