"""Story cards are written in Python (articles.cards) for speed; their picture must stay the
picture the story page draws from images/_picture.html, and every list draws its cards through
the one function."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from articles import cards
from articles.cards import CARD_SIZES, LEAD_SIZES, picture_html
from articles.models import Article
from tests.factories import make_article, make_image, make_tag, picture_file

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
    "url", ["/", "/articles/", "/sections/{section}/", "/tags/{tag}/", "/authors/{author}/"]
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
    address = url.format(section=story.section.slug, tag="ferries", author=reporter.username)
    response = client.get(address)
    assert response.status_code == 200
    assert story.pk in seen
