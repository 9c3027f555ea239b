"""The content API carries the lead image: its words, its size and every rendition at an
absolute address; ninjs carries it as an associated picture (IPTC ninjs 3.1)."""

from __future__ import annotations

import pytest

from tests.api_client import get_json
from tests.factories import make_article, make_image, picture_file
from tests.test_api_ninjs import errors
from tests.test_api_queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return make_image(
        upload=picture_file(size=(1800, 1200)),
        alt_text="Dredger working in the channel",
        caption="The dredger will work through the winter.",
        credit="Photo: Calder Press",
    )


@pytest.fixture
def story(reporter, editor, image):
    return make_article(reporter, status="published", editor=editor, lead_image=image)


def test_story_detail_has_the_lead_image_with_absolute_renditions(client, story, image):
    lead = get_json(client, f"/api/v1/stories/{story.slug}/")["lead_image"]
    assert {key: lead[key] for key in ("alt", "caption", "credit", "width", "height")} == {
        "alt": "Dredger working in the channel",
        "caption": "The dredger will work through the winter.",
        "credit": "Photo: Calder Press",
        "width": 1800,
        "height": 1200,
    }
    renditions = {(r["name"], r["format"]): r for r in lead["renditions"]}
    assert set(renditions) == {
        (name, fmt) for name in ("w480", "w960", "w1600") for fmt in ("webp", "jpeg")
    } | {("social", "jpeg")}
    social = renditions[("social", "jpeg")]
    assert (social["width"], social["height"], social["content_type"]) == (1200, 630, "image/jpeg")
    assert social["url"] == f"http://testserver{image.social.url}"
    assert all(r["url"].startswith("http://testserver/media/images/") for r in lead["renditions"])


def test_story_without_an_image_has_a_null_lead_image(client, reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    assert get_json(client, f"/api/v1/stories/{article.slug}/")["lead_image"] is None


def test_the_api_never_says_who_uploaded_it_or_its_file_name(client, story, image):
    body = client.get(f"/api/v1/stories/{story.slug}/").content.decode()
    assert image.original_name not in body and "uploaded" not in body


def test_ninjs_item_associates_the_picture_and_stays_valid(client, story, image):
    item = get_json(client, f"/api/v1/stories/{story.slug}/ninjs/")
    assert errors(item) == []
    [picture] = item["associations"]
    assert picture["type"] == "picture" and picture["uri"] == image.key.urn
    assert picture["by"] == "Photo: Calder Press"
    assert {d["role"]: d["value"] for d in picture["descriptions"]} == {
        "alternative-text": "Dredger working in the channel",
        "caption": "The dredger will work through the winter.",
    }
    hrefs = {r["name"]: r["href"] for r in picture["renditions"]}
    assert hrefs["social-jpeg"] == f"http://testserver{image.social.url}"
    assert len(hrefs) == 7


def test_the_lead_image_costs_the_story_endpoints_no_query(client, reporter, editor, story):
    plain = make_article(reporter, status="published", editor=editor)
    for suffix in ("", "ninjs/"):
        pictured = queries_for(client, f"/api/v1/stories/{story.slug}/{suffix}")
        assert pictured == queries_for(client, f"/api/v1/stories/{plain.slug}/{suffix}")
