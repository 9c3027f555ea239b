"""What readers see of the editors' choice: the front page's and a section page's lead and top
stories, each story once per page, pins that end on time, and rows of cards that are full."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import curation, workflow
from articles.curation import Slot
from articles.front import LATEST_STORIES, SECTION_STORIES
from articles.models import Article, KeyTakeaway
from articles.views import StoryListView
from tests.factories import make_article, make_image, make_section
from tests.html import parse

pytestmark = pytest.mark.django_db


def published(reporter, editor, minutes_ago: int, **fields) -> Article:
    """A published story, `minutes_ago` old (so the order of a page is the test's)."""
    fields.setdefault("verified_claims", 0)  # quicker to make; nothing here reads claims
    article = make_article(reporter, status="published", editor=editor, **fields)
    when = timezone.now() - timedelta(minutes=minutes_ago + 1)
    Article.objects.filter(pk=article.pk).update(published_at=when, first_published_at=when)
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def newsroom(reporter, editor):
    """Sixteen published stories, newest first: "City 0" … "City 7" then "Sport 8" … "Sport 15"."""
    city, sport = make_section("City"), make_section("Sport")
    return [
        published(
            reporter,
            editor,
            n,
            headline=f"{'City' if n < 8 else 'Sport'} {n}",
            section=city if n < 8 else sport,
        )
        for n in range(16)
    ]


def headlines(page, selector: str) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(f"{selector} .story-card-headline a")]


def every_story_link(page) -> list[str]:
    return [a["href"] for a in page.select("main .story-card-headline a")]


def test_the_chosen_lead_leads_and_the_pinned_stories_follow_in_order(editor, client, newsroom):
    curation.set_front(editor, Slot(newsroom[9]), [Slot(newsroom[12]), Slot(newsroom[4])])
    page = parse(client.get("/"))
    assert headlines(page, ".front-lead") == ["Sport 9"]
    assert page.select_one("#top-stories-heading").text == "Top stories"
    assert headlines(page, ".front-top-stories") == ["Sport 12", "City 4"]
    # The rest follows the news: the newest stories not already on the page.
    latest = [
        s.headline
        for s in newsroom
        if s.pk not in {newsroom[9].pk, newsroom[12].pk, newsroom[4].pk}
    ]
    assert headlines(page, ".front-latest") == latest[:LATEST_STORIES]


def test_without_a_chosen_lead_the_newest_story_not_pinned_leads(editor, client, newsroom):
    curation.set_front(editor, None, [Slot(newsroom[0]), Slot(newsroom[5])])
    page = parse(client.get("/"))
    assert headlines(page, ".front-lead") == ["City 1"]
    assert headlines(page, ".front-top-stories") == ["City 0", "City 5"]


def test_an_uncurated_front_page_has_no_top_stories_block(client, newsroom):
    page = parse(client.get("/"))
    assert headlines(page, ".front-lead") == ["City 0"]
    assert not page.select(".front-top-stories")


@pytest.mark.parametrize("curated", [False, True], ids=["following-the-news", "curated"])
def test_no_story_is_shown_twice_on_the_front_page(editor, client, newsroom, curated):
    if curated:
        pins = [Slot(newsroom[n]) for n in (14, 2, 10)]
        curation.set_front(editor, Slot(newsroom[6]), pins)
    links = every_story_link(parse(client.get("/")))
    assert [link for link, seen in Counter(links).items() if seen > 1] == []
    # The lead, the pins, six latest, then what is left of each section, up to four each:
    # City 7 and Sport 8-11; curated, every City story is already shown, and Sport 8, 9, 11, 12.
    assert len(links) == (1 + 3 + LATEST_STORIES + SECTION_STORIES if curated else 1 + 6 + 1 + 4)


def test_a_pinned_story_leaves_the_front_page_at_its_end_time(editor, client, newsroom):
    start = timezone.now().replace(microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=False) as clock:
        until = start + timedelta(hours=3)
        curation.set_front(editor, Slot(newsroom[15], until=until), [Slot(newsroom[14], until)])
        clock.move_to(until - timedelta(seconds=1))
        page = parse(client.get("/"))
        assert headlines(page, ".front-lead") == ["Sport 15"]
        assert headlines(page, ".front-top-stories") == ["Sport 14"]
        clock.move_to(until)
        page = parse(client.get("/"))
        assert headlines(page, ".front-lead") == ["City 0"]
        assert not page.select(".front-top-stories")


def test_an_unpublished_pin_is_skipped_and_the_page_still_answers(
    editor, second_editor, client, newsroom
):
    curation.set_front(editor, Slot(newsroom[3]), [Slot(newsroom[4]), Slot(newsroom[5])])
    workflow.unpublish(newsroom[3], second_editor, "Checking a figure.")
    workflow.unpublish(newsroom[4], second_editor, "Checking a figure.")
    response = client.get("/")
    assert response.status_code == 200
    page = parse(response)
    assert headlines(page, ".front-lead") == ["City 0"]
    assert headlines(page, ".front-top-stories") == ["City 5"]
    assert newsroom[3].get_absolute_url() not in every_story_link(page)


def test_a_lead_without_a_picture_is_set_as_words_with_its_key_takeaways(reporter, editor, client):
    story = published(reporter, editor, 0, headline="Ferry crews agree a winter rota", takeaways=4)
    page = parse(client.get("/"))
    lead = page.select_one(".front-lead article")
    assert "story-card-lead-text" in lead["class"]
    assert not lead.select("picture")
    takeaways = [t.text for t in KeyTakeaway.objects.filter(article=story)]
    assert [li.text for li in lead.select("ol.story-card-takeaways li")] == takeaways[:3]


def test_a_lead_with_a_picture_shows_it_and_keeps_to_headline_and_standfirst(
    reporter, editor, client
):
    published(
        reporter, editor, 0, headline="Ferry crews agree a winter rota", lead_image=make_image()
    )
    lead = parse(client.get("/")).select_one(".front-lead article")
    assert "story-card-lead-text" not in lead["class"]
    assert lead.select_one("picture img")["alt"] == "The harbour wall at low tide"
    assert not lead.select(".story-card-takeaways")


@pytest.mark.parametrize("pins", [1, 2, 3, 5])
def test_every_grid_of_cards_says_how_many_cards_it_holds(editor, client, newsroom, pins):
    """The stylesheet fills each row from the count (a card alone in a row takes the row)."""
    curation.set_front(editor, None, [Slot(story) for story in newsroom[-pins:]])
    page = parse(client.get("/"))
    grids = page.select(".card-grid")
    assert len(grids) >= 2
    for grid in grids:
        assert f"cards-{len(grid.find_all('article', recursive=False))}" in grid["class"]


# -- section pages -----------------------------------------------------------------------------


def test_a_curated_section_page_opens_with_its_lead_and_top_stories(editor, client, newsroom):
    sport = newsroom[8].section
    curation.set_section(editor, sport, Slot(newsroom[12]), [Slot(newsroom[14]), Slot(newsroom[9])])
    page = parse(client.get("/sections/sport/"))
    assert headlines(page, ".section-top .front-lead") == ["Sport 12"]
    assert headlines(page, ".section-top-stories") == ["Sport 14", "Sport 9"]
    assert page.select_one(".listing-latest").text == "Latest"
    listed = [
        h.get_text(strip=True) for h in page.select("main > .story-card .story-card-headline")
    ]
    assert listed == ["Sport 8", "Sport 10", "Sport 11", "Sport 13", "Sport 15"]


def test_a_curated_section_lists_every_story_once_on_its_first_page_only(
    editor, client, newsroom, monkeypatch
):
    monkeypatch.setattr(StoryListView, "paginate_by", 4)
    sport = newsroom[8].section
    curation.set_section(editor, sport, None, [Slot(newsroom[13])])
    first = parse(client.get("/sections/sport/"))
    assert headlines(first, ".section-top .front-lead") == ["Sport 8"]
    assert headlines(first, ".section-top-stories") == ["Sport 13"]
    assert [h.get_text(strip=True) for h in first.select("main > .story-card h3")] == [
        "Sport 9",
        "Sport 10",
        "Sport 11",
    ]
    second = parse(client.get("/sections/sport/?page=2"))
    assert not second.select(".section-top")
    assert [h.get_text(strip=True) for h in second.select("main > .story-card h2")] == [
        "Sport 12",
        "Sport 13",
        "Sport 14",
        "Sport 15",
    ]


def test_a_section_page_nobody_curated_is_the_plain_list(editor, client, newsroom):
    curation.set_front(editor, Slot(newsroom[9]), [])
    page = parse(client.get("/sections/sport/"))
    assert not page.select(".section-top") and not page.select(".listing-latest")
    assert len(page.select("main > .story-card h2")) == 8


def test_a_story_from_another_section_chosen_for_a_section_page_keeps_its_kicker(
    editor, client, newsroom
):
    sport = newsroom[8].section
    curation.set_section(editor, sport, Slot(newsroom[8]), [Slot(newsroom[2])])
    page = parse(client.get("/sections/sport/"))
    assert not page.select(".section-top .front-lead .kicker")
    assert [k.text for k in page.select(".section-top-stories .kicker")] == ["City"]
