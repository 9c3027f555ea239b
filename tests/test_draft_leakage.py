"""An unpublished story leaks through no public door: not search, feeds, sitemaps or listings
(SECURITY A3)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from articles.models import Claim, Quote
from tests.factories import author_page, make_article, make_person, make_section, make_tag
from tests.html import parse

pytestmark = pytest.mark.django_db

WORD = "zqxjv"


@pytest.fixture
def newsroom(reporter, editor):
    """A live story, and hidden ones sharing its section, tag and speaker, all saying WORD."""
    section, tag = make_section("City"), make_tag("Harbour")
    speaker = make_person("Ada Quayle", slug="ada-quayle")
    live = make_article(reporter, status="review", section=section, headline="Harbour dues frozen")
    live.tags.add(tag)
    Quote.objects.create(article=live, speaker=speaker, text="Dues stay as they are.")
    workflow.publish(live, editor)
    hidden = [
        make_article(reporter, section=section, headline=f"Draft {WORD}"),
        make_article(reporter, status="review", section=section, headline=f"Review {WORD}"),
        make_article(
            reporter,
            status="published",
            editor=editor,
            section=section,
            headline=f"Scheduled {WORD}",
            at=timezone.now() + timedelta(hours=2),
        ),
    ]
    withdrawn = make_article(
        reporter, status="published", editor=editor, section=section, headline=f"Gone {WORD}"
    )
    workflow.unpublish(withdrawn, editor, "Legal hold.")
    hidden.append(withdrawn)
    for article in hidden:
        article.tags.add(tag)
        Quote.objects.create(article=article, speaker=speaker, text=f"Quote {WORD}")
        Claim.objects.create(article=article, text=f"Claim {WORD}", status="unconfirmed")
        article.refresh_search_document()
    return {"live": live, "hidden": hidden, "reporter": reporter}


def public_urls(newsroom) -> list[str]:
    return [
        "/",
        "/articles/",
        "/articles/?section=city",
        "/articles/?tag=harbour",
        "/articles/?person=ada-quayle",
        f"/articles/?author={author_page(newsroom['reporter']).split('/')[2]}",
        "/sections/city/",
        "/tags/harbour/",
        author_page(newsroom["reporter"]),
        "/people/ada-quayle/",
        newsroom["live"].get_absolute_url(),
        "/feeds/rss/",
        "/feeds/atom/",
        "/sections/city/feeds/rss/",
        "/sections/city/feeds/atom/",
        "/sitemap.xml",
        "/sitemap-stories.xml",
        "/sitemap-news.xml",
    ]


def test_the_hidden_word_appears_on_no_public_page(client, newsroom):
    for url in public_urls(newsroom):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert WORD not in body, url
        for article in newsroom["hidden"]:
            assert article.slug not in body, url


def test_search_finds_nothing_for_the_hidden_word(client, newsroom):
    page = parse(client.get("/articles/", {"q": WORD}))
    assert page.select_one("#results-heading").text == "0 stories"
    assert not page.select(".story-card")


def test_hidden_stories_are_404(client, newsroom):
    for article in newsroom["hidden"]:
        assert client.get(article.get_absolute_url()).status_code == 404


def test_counts_include_published_stories_only(client, newsroom):
    assert parse(client.get("/articles/")).select_one("#results-heading").text == "1 story"
    assert parse(client.get("/sections/city/")).select_one(".story-count").text == "1 story"
    person = parse(client.get("/people/ada-quayle/"))
    assert person.select_one("#quotes-heading").text == "Quoted in our stories (1 quote)"


def test_related_box_and_metadata_of_the_live_story_ignore_hidden_ones(client, newsroom):
    page = parse(client.get(newsroom["live"].get_absolute_url()))
    assert page.select_one("aside.related") is None
    assert WORD not in page.head.decode()


def test_a_story_unpublished_again_leaves_feeds_and_sitemap(client, newsroom, editor):
    draft = newsroom["hidden"][0]
    workflow.submit(draft, newsroom["reporter"])
    workflow.publish(draft, editor)
    assert WORD in client.get("/feeds/rss/").content.decode()
    workflow.unpublish(draft, editor, "Pulled again.")
    assert WORD not in client.get("/feeds/rss/").content.decode()
    assert WORD not in client.get("/sitemap-stories.xml").content.decode()
