"""Story cards are written in Python (articles.cards) for speed; their picture must stay the
picture the story page draws from images/_picture.html, and every list draws its cards through
the one function."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import cards, editing, workflow
from articles.cards import CARD_SIZES, LEAD_SIZES, picture_html
from articles.models import Article
from tests.factories import author_page, make_article, make_image, make_tag, picture_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return make_image(
        upload=picture_file(size=(2000, 1200)),
        alt_text='Cranes & "gantries" over the <quay>',
    )


@pytest.mark.parametrize(("sizes", "eager"), [(CARD_SIZES, False), (LEAD_SIZES, True)])
def test_a_cards_picture_is_the_picture_template_byte_for_byte(image, sizes, eager):
    context = {"image": image, "class": "story-card-image", "sizes": sizes, "eager": eager}
    assert picture_html(image, "story-card-image", sizes, eager) == render_to_string(
        "images/_picture.html", context
    )


def test_a_card_escapes_what_writers_typed(reporter, editor):
    story = make_article(
        reporter, status="published", editor=editor, headline="Pier <script>x</script> & more"
    )
    row = Article.objects.published().with_cards().get(pk=story.pk)
    card = BeautifulSoup(cards.card_for(None, row), "html.parser")
    assert card.select_one("script") is None
    assert card.select_one(".story-card-headline a").get_text() == "Pier <script>x</script> & more"


@pytest.mark.parametrize(
    "url", ["/", "/articles/", "/sections/{section}/", "/tags/{tag}/", "{author}"]
)
def test_every_list_draws_its_cards_through_cards_for(client, reporter, editor, monkeypatch, url):
    story = make_article(reporter, status="published", editor=editor)
    story.tags.add(make_tag("Ferries"))
    seen: list[int] = []
    real = cards.cards_for

    def spy(request, stories, **variant):
        stories = list(stories)
        seen.extend(s.pk for s in stories)
        return real(request, stories, **variant)

    monkeypatch.setattr(cards, "cards_for", spy)
    address = url.format(section=story.section.slug, tag="ferries", author=author_page(reporter))
    response = client.get(address)
    assert response.status_code == 200
    assert story.pk in seen


# -- kept cards: made once per change of what they show ----------------------------------------


@pytest.fixture
def listed_story(reporter, editor, image):
    return make_article(
        reporter, status="published", editor=editor, lead_image=image, headline="Pier reopens"
    )


def card_text(client, url: str = "/articles/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(
        card.get_text(" ", strip=True) + " " + " ".join(i["alt"] for i in card.select("img"))
        for card in BeautifulSoup(response.content.decode(), "html.parser").select(
            "article.story-card"
        )
    )


def test_a_list_reuses_the_cards_it_made(client, listed_story, monkeypatch):
    first = client.get("/articles/").content
    made: list[int] = []
    real = cards._card
    monkeypatch.setattr(cards, "_card", lambda story, *a: made.append(story.pk) or real(story, *a))
    assert client.get("/articles/").content == first
    assert made == []


def test_a_headline_edit_shows_on_every_list_at_once(client, listed_story, editor):
    card_text(client)
    card_text(client, "/")
    story = Article.objects.get(pk=listed_story.pk)
    story.headline = "Pier stays shut"
    editing.save(story, editor, expected_version=story.version, change=editing.UPDATE)
    for url in ("/articles/", "/", listed_story.section.get_absolute_url()):
        assert "Pier stays shut" in card_text(client, url), url
        assert "Pier reopens" not in card_text(client, url), url


def test_renaming_a_section_or_a_writer_shows_on_the_cards(client, listed_story, reporter):
    card_text(client)
    section = listed_story.section
    section.name = "Waterfront"
    section.save()
    reporter.first_name, reporter.last_name = "Rosalind", "Pike"
    reporter.save()
    text = card_text(client)
    assert "Waterfront" in text and "Rosalind Pike" in text


def test_new_alt_text_shows_on_the_cards(client, listed_story, image):
    card_text(client)
    image.alt_text = "The pier at low tide"
    image.save()
    assert "The pier at low tide" in card_text(client)


def test_an_unpublished_story_leaves_every_list(client, listed_story, editor):
    card_text(client)
    workflow.unpublish(Article.objects.get(pk=listed_story.pk), editor, "Legal asked us to.")
    for url in ("/articles/", "/", listed_story.section.get_absolute_url()):
        assert "Pier reopens" not in card_text(client, url), url


def test_a_kept_card_depends_on_the_language_and_time_zone(client, listed_story, settings):
    before = card_text(client)
    settings.TIME_ZONE = "Pacific/Auckland"
    with timezone.override("Pacific/Auckland"):
        after = card_text(client)
    assert before != after  # the time on the card moved with the zone


def test_a_list_whose_cards_are_kept_reads_no_story_rows(client, listed_story):
    client.get("/articles/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/articles/")
    statements = " ".join(q["sql"] for q in captured.captured_queries)
    assert "articles_byline" not in statements  # no bylines for cards: none was made
    assert '"headline"' not in statements  # the page's keys and tokens, not its rows
