"""The ninjs view of a story validates against (a strict subset of) the IPTC ninjs 3.1 schema."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from articles import workflow
from articles.models import Correction, Quote
from tests.api_client import get_json
from tests.factories import add_parts, make_article, make_person

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parent / "data" / "ninjs-3.1-subset.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(item) -> list[str]:
    return [f"{list(error.path)}: {error.message}" for error in VALIDATOR.iter_errors(item)]


@pytest.fixture
def story(reporter, editor):
    article = make_article(
        reporter,
        status="review",
        dateline="Port Calder",
        context="Why it matters.",
        bottom_line="What comes next.",
    )
    add_parts(article, 2)
    Quote.objects.create(
        article=article,
        speaker=make_person("Tam Ruel", slug="tam-ruel", role="Ferry captain"),
        text="Quoted words.",
        is_pull=True,
    )
    workflow.publish(article, editor)
    Correction.objects.create(article=article, text="A date was wrong.")
    return article


def test_ninjs_item_is_valid(story, client):
    item = get_json(client, f"/api/v1/stories/{story.slug}/ninjs/")
    assert errors(item) == []


def test_ninjs_item_carries_the_story(story, client):
    item = get_json(client, f"/api/v1/stories/{story.slug}/ninjs/")
    assert item["uri"] == f"http://testserver/articles/{story.slug}/"
    assert item["type"] == "text"
    assert item["pubStatus"] == "usable"
    assert item["language"] == "en-GB"
    assert item["headlines"] == [{"role": "main", "value": story.headline}]
    assert item["located"] == "Port Calder"
    assert item["by"] == ", ".join(b.display_name for b in story.bylines.all())
    assert item["by"].startswith("Rosa")
    assert {(s["rel"], s["literal"]) for s in item["subjects"]} >= {("section", "city")}
    assert "tam-ruel" in {person["literal"] for person in item["people"]}
    html_body = next(body for body in item["bodies"] if body["contentType"] == "text/html")
    body = BeautifulSoup(html_body["value"], "html.parser")
    assert [h2.text for h2 in body.find_all("h2")] == [
        "Key takeaways",
        "Verified facts",
        "Context & impact",
        "Bottom line",
        "Sources",
        "Corrections",
    ]
    citation = body.select_one(".claim-verified a.citation")
    assert body.select_one(citation["href"]) is not None
    assert "Tam Ruel, Ferry captain" in [f.text for f in body.select("figure.quote figcaption")]
    text_body = next(body for body in item["bodies"] if body["contentType"] == "text/plain")
    assert "<" not in text_body["value"] and "What comes next." in text_body["value"]


def test_the_schema_is_strict_enough_to_catch_mistakes(story, client):
    item = get_json(client, f"/api/v1/stories/{story.slug}/ninjs/")
    for mistake in (
        {"uri": "not a uri"},
        {"pubStatus": "live"},
        {"versionCreated": "yesterday"},
        {"headlines": [{"text": story.headline}]},
        {"claims": []},
    ):
        assert errors({**item, **mistake}), mistake
    assert errors({key: value for key, value in item.items() if key != "uri"})
