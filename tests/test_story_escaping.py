"""Hostile text typed into any field of a story is shown as text, never run (SECURITY B1/A3)."""

import json

import pytest

from articles import workflow
from articles.models import Claim, ImpactItem, KeyTakeaway, Quote, Section, Tag
from tests.factories import make_article, make_person, make_source
from tests.html import parse

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
END_JSON = "</script><script>alert(2)</script>"


@pytest.fixture
def hostile_story(reporter, editor):
    article = make_article(
        reporter,
        status="review",
        verified_claims=0,
        headline=f"{SCRIPT} {END_JSON}",
        standfirst=f"{SCRIPT} standfirst",
        dateline=IMG,
        context=f"{IMG} context",
        bottom_line=f"{SCRIPT} bottom",
        section=Section.objects.create(name=SCRIPT, slug="hostile-section"),
    )
    reporter.first_name = SCRIPT
    reporter.save()
    KeyTakeaway.objects.create(article=article, text=f"{SCRIPT} takeaway")
    ImpactItem.objects.create(article=article, label=SCRIPT, text=IMG)
    claim = Claim.objects.create(article=article, text=f"{SCRIPT} claim", status="verified")
    claim.sources.add(make_source(SCRIPT, publisher=IMG))
    Claim.objects.create(article=article, text=f"{IMG} unconfirmed", status="unconfirmed")
    Quote.objects.create(
        article=article,
        speaker=make_person(SCRIPT, role=IMG, slug="hostile-person"),
        text=f"{SCRIPT} quote",
        is_pull=True,
    )
    article.tags.add(Tag.objects.create(name=SCRIPT, slug="hostile-tag"))
    workflow.publish(article, editor)
    return article


def test_hostile_text_renders_as_text_in_every_field(client, hostile_story):
    response = client.get(hostile_story.get_absolute_url())
    assert response.status_code == 200
    page = parse(response)
    inline = [script for script in page.find_all("script") if not script.get("src")]
    assert [script.get("type") for script in inline] == ["application/ld+json"]
    assert all(s["src"].startswith("/static/") for s in page.find_all("script", src=True))
    assert not page.find_all("img")
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert page.h1.text == f"{SCRIPT} {END_JSON}"
    shown = page.select_one("main").get_text()
    for field in (
        "standfirst",
        "takeaway",
        "claim",
        "quote",
        "unconfirmed",
        "context",
        "bottom",
    ):
        assert field in shown
    assert shown.count(SCRIPT) >= 8
    assert page.select_one("figure.pull-quote figcaption a").text == SCRIPT
    assert page.select_one(".impact-label").text == f"{SCRIPT}:"
    assert page.select_one("#source-1 a").text == SCRIPT
    assert page.select_one(".dateline").text == IMG
    assert page.select_one(".kicker a").text == SCRIPT
    assert page.select_one(".story-tags a").text == SCRIPT


def test_hostile_text_cannot_end_the_json_ld_element(client, hostile_story):
    response = client.get(hostile_story.get_absolute_url())
    raw = response.content.decode()
    start = raw.index('<script type="application/ld+json">')
    end = raw.index("</script>", start)
    body = raw[start + len('<script type="application/ld+json">') : end]
    assert "<" not in body and ">" not in body
    data = json.loads(body)
    assert data["headline"] == f"{SCRIPT} {END_JSON}"
    assert data["author"][0]["name"] == SCRIPT


def test_hostile_text_is_escaped_in_listings_and_feeds(client, hostile_story):
    for url in ("/", "/articles/", "/sections/" + hostile_story.section.slug + "/"):
        page = parse(client.get(url))
        assert not [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        assert page.find("a", string=f"{SCRIPT} {END_JSON}") is not None
    rss = client.get("/feeds/rss/").content.decode()
    assert SCRIPT not in rss and "&lt;script&gt;alert(1)&lt;/script&gt;" in rss
