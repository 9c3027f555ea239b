"""The lead image on the page: a responsive <picture> that reserves its space, loaded first;
smaller, lazy pictures on story cards; link previews and JSON-LD use the social crop; and the
story page costs no extra query for it."""

from __future__ import annotations

import json

import pytest

from tests.factories import make_article, make_full_story, make_image, picture_file
from tests.html import parse
from tests.test_query_budgets import STORY_PAGE_BUDGET, queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return make_image(
        upload=picture_file(size=(2000, 1200)),
        alt_text="Cranes over the container quay at dusk",
        caption="Two new cranes arrived in <March>.",
        credit="Photo: Calder Press",
    )


@pytest.fixture
def story(reporter, editor, image):
    return make_article(reporter, status="published", editor=editor, lead_image=image)


def test_lead_image_is_a_figure_with_a_responsive_picture(client, story, image):
    page = parse(client.get(story.get_absolute_url()))
    figure = page.select_one("article.story figure.lead-image")
    source = figure.select_one("picture source")
    assert source["type"] == "image/webp"
    assert source["srcset"] == image.webp_srcset and source["sizes"]
    img = figure.select_one("picture img")
    assert img["src"] == image.fallback.url
    assert img["srcset"] == image.jpeg_srcset and img["sizes"] == source["sizes"]
    assert (img["width"], img["height"]) == ("960", "576")  # the space is kept before it loads
    assert img["alt"] == "Cranes over the container quay at dusk"
    assert [w.split()[-1] for w in img["srcset"].split(", ")] == ["480w", "960w", "1600w"]


def test_lead_image_is_fetched_first_not_lazily(client, story):
    img = parse(client.get(story.get_absolute_url())).select_one("figure.lead-image img")
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"


def test_caption_and_credit_are_in_the_figcaption_as_text(client, story):
    caption = parse(client.get(story.get_absolute_url())).select_one("figure.lead-image figcaption")
    assert caption.select_one(".image-caption").text == "Two new cranes arrived in <March>."
    assert caption.select_one(".image-credit").text == "Photo: Calder Press"


def test_story_without_an_image_has_no_figure(client, reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    page = parse(client.get(article.get_absolute_url()))
    assert page.select_one("figure.lead-image") is None
    assert page.select_one('meta[name="twitter:card"]')["content"] == "summary"
    assert page.select_one('meta[property="og:image"]') is None


def test_story_cards_show_a_lazy_picture(client, story, image):
    for url in ("/articles/", story.section.get_absolute_url()):
        img = parse(client.get(url)).select_one(".story-card picture img")
        assert img is not None, url
        assert img["loading"] == "lazy" and img["width"] and img["height"], url
        assert img["alt"] == image.alt_text


def test_the_front_pages_lead_picture_is_fetched_first(client, story, image):
    """It is the largest thing on the first screen: waiting for it to scroll in would delay it."""
    img = parse(client.get("/")).select_one(".front-lead picture img")
    assert img["loading"] == "eager" and img["fetchpriority"] == "high"
    assert img["width"] and img["height"] and img["alt"] == image.alt_text


def test_link_previews_use_the_social_crop(client, story, image):
    page = parse(client.get(story.get_absolute_url()))
    social = f"http://testserver{image.social.url}"
    meta = {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in page.select("meta[property^='og:image'], meta[name^='twitter:']")
    }
    assert meta["og:image"] == social and meta["twitter:image"] == social
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:type"] == "image/jpeg"
    assert meta["og:image:alt"] == meta["twitter:image:alt"] == image.alt_text
    assert meta["twitter:card"] == "summary_large_image"


def test_json_ld_image_is_the_social_crop(client, story, image):
    page = parse(client.get(story.get_absolute_url()))
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["image"] == [
        {
            "@type": "ImageObject",
            "url": f"http://testserver{image.social.url}",
            "width": 1200,
            "height": 630,
        }
    ]


def test_lead_image_costs_the_story_page_no_query(client, reporter, editor):
    plain = make_full_story(reporter, editor)
    pictured = make_full_story(reporter, editor)
    pictured.lead_image = make_image()
    pictured.save()
    for article in (plain, pictured):
        make_article(reporter, status="published", editor=editor, section=article.section)
    plain_counts = queries(client, plain.get_absolute_url())
    pictured_counts = queries(client, pictured.get_absolute_url())
    assert pictured_counts == plain_counts
    assert pictured_counts[1] <= STORY_PAGE_BUDGET


def test_lead_images_cost_listings_no_query(client, reporter, editor):
    urls = ("/", "/articles/", "/sections/city/")
    stories = [make_article(reporter, status="published", editor=editor) for _ in range(4)]
    before = {url: queries(client, url) for url in urls}
    for article in stories:
        article.lead_image = make_image()
        article.save()
    after = {url: queries(client, url) for url in urls}
    # No more, and on the front page one fewer: a lead with a picture needs no takeaways.
    assert after == {**before, "/": tuple(count - 1 for count in before["/"])}
    assert parse(client.get("/")).select(".story-card picture")


def test_content_security_policy_allows_our_images(client, story):
    policy = client.get(story.get_absolute_url())["Content-Security-Policy"]
    assert "img-src 'self'" in policy
