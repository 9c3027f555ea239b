"""Type of work: every story says whether it is news, analysis, opinion, an explainer, a fact
check or a review — above the headline, in its schema.org type, in feeds, the API and ninjs —
and readers and machines can ask for one type."""

import xml.etree.ElementTree as ET

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles.models import Article
from articles.worktypes import WorkType
from tests.admin_form_data import admin_form_data
from tests.api_client import get_json, results
from tests.factories import make_article, make_profile
from tests.html import parse
from tests.jsonld import the_article, types_of

pytestmark = pytest.mark.django_db

# type of work → (the label readers see, the schema.org types, the IPTC genre code)
EXPECTED = {
    "news": ("News", {"NewsArticle"}, "Current"),
    "analysis": ("Analysis", {"NewsArticle", "AnalysisNewsArticle"}, "Analysis"),
    "opinion": ("Opinion", {"NewsArticle", "OpinionNewsArticle"}, "Opinion"),
    "explainer": ("Explainer", {"NewsArticle", "BackgroundNewsArticle"}, "Background"),
    "fact-check": ("Fact check", {"NewsArticle"}, "Fact_Check"),
    "review": ("Review", {"NewsArticle", "ReviewNewsArticle"}, "Review"),
}


def test_every_type_of_work_has_an_expectation():
    assert set(EXPECTED) == set(WorkType.values)


@pytest.mark.parametrize("work_type", list(EXPECTED))
def test_the_label_sits_above_the_headline(client, reporter, editor, work_type):
    story = make_article(reporter, status="published", editor=editor, work_type=work_type)
    header = parse(client.get(story.get_absolute_url())).select_one("header.story-header")
    label = header.select_one(".work-type")
    assert label.select_one(".work-type-label").text == EXPECTED[work_type][0]
    assert label.select_one(".work-type-meaning").text.strip()
    following = [tag.name for tag in label.find_next_siblings()]
    assert following[0] == "h1"


def test_opinion_is_marked_unmistakably(client, reporter, editor):
    story = make_article(reporter, status="published", editor=editor, work_type="opinion")
    label = parse(client.get(story.get_absolute_url())).select_one(".work-type")
    assert "work-type-opinion" in label["class"]
    assert "not a news report" in label.text


@pytest.mark.parametrize("work_type", list(EXPECTED))
def test_the_json_ld_type_and_genre_follow_the_type_of_work(client, reporter, editor, work_type):
    story = make_article(reporter, status="published", editor=editor, work_type=work_type)
    article = the_article(client.get(story.get_absolute_url()))
    assert types_of(article) == EXPECTED[work_type][1]
    assert article["genre"] == EXPECTED[work_type][0]


def test_lists_label_every_story_that_is_not_news(client, reporter, editor):
    make_article(reporter, status="published", editor=editor, headline="Plain report")
    make_article(
        reporter, status="published", editor=editor, headline="Why the ferry", work_type="opinion"
    )
    page = parse(client.get("/articles/"))
    cards = {card.select_one("h2, h3").text: card for card in page.select("article.story-card")}
    assert cards["Why the ferry"].select_one(".story-card-type").text == "Opinion"
    assert cards["Plain report"].select_one(".story-card-type") is None


def test_the_archive_filters_by_type_of_work(client, reporter, editor):
    make_article(reporter, status="published", editor=editor, headline="Quay report")
    make_article(
        reporter, status="published", editor=editor, headline="Quay view", work_type="opinion"
    )
    page = parse(client.get("/articles/?type=opinion"))
    assert [h.text for h in page.select("article.story-card .story-card-headline")] == ["Quay view"]
    chosen = page.select_one('select[name="type"] option[selected]')
    assert chosen["value"] == "opinion"


def test_an_unknown_type_in_the_archive_is_shown_and_ignored(client, reporter, editor):
    make_article(reporter, status="published", editor=editor, headline="Quay report")
    response = client.get("/articles/?type=gossip")
    assert response.status_code == 200
    page = parse(response)
    assert [h.text for h in page.select("article.story-card .story-card-headline")] == [
        "Quay report"
    ]
    assert page.select_one("#id_type_error")


def test_feeds_give_the_type_of_work_as_the_first_category(client, reporter, editor):
    make_article(reporter, status="published", editor=editor, work_type="analysis")
    channel = ET.fromstring(client.get("/feeds/rss/").content).find("channel")
    categories = [c.text for c in channel.find("item").findall("category")]
    assert categories[0] == "Analysis"
    atom = ET.fromstring(client.get("/feeds/atom/").content)
    entry = atom.find("{http://www.w3.org/2005/Atom}entry")
    terms = [c.get("term") for c in entry.findall("{http://www.w3.org/2005/Atom}category")]
    assert terms[0] == "Analysis"


def test_the_api_gives_the_type_and_filters_by_it(client, reporter, editor):
    news = make_article(reporter, status="published", editor=editor)
    review = make_article(reporter, status="published", editor=editor, work_type="review")
    listed = {story["slug"]: story["type"] for story in results(client, "/api/v1/stories/")}
    assert listed == {news.slug: "news", review.slug: "review"}
    only = results(client, "/api/v1/stories/?type=review")
    assert [story["slug"] for story in only] == [review.slug]
    assert get_json(client, f"/api/v1/stories/{review.slug}/")["type"] == "review"


def test_the_api_refuses_an_unknown_type(client):
    body = get_json(client, "/api/v1/stories/?type=gossip", status=400)
    assert "type" in str(body)


@pytest.mark.parametrize("work_type", list(EXPECTED))
def test_ninjs_carries_the_iptc_genre(client, reporter, editor, work_type):
    story = make_article(reporter, status="published", editor=editor, work_type=work_type)
    item = get_json(client, f"/api/v1/stories/{story.slug}/ninjs/")
    (genre,) = item["genres"]
    assert genre["uri"] == "http://cv.iptc.org/newscodes/genre/" + EXPECTED[work_type][2]
    assert genre["literal"] == work_type


def test_a_reporter_chooses_the_type_in_the_editor(reporter, reporter_client):
    story = make_article(reporter)
    data = admin_form_data(reporter_client, story)
    assert data["work_type"] == "news"
    data["work_type"] = "explainer"
    url = reverse("admin:articles_article_change", args=[story.pk])
    response = reporter_client.post(url, dict(data.lists()))
    assert response.status_code == 302, response.content[:2000]
    assert Article.objects.get(pk=story.pk).work_type == "explainer"


def test_the_database_refuses_a_type_that_does_not_exist(reporter):
    story = make_article(reporter)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(work_type="gossip")


def test_json_ld_names_each_author_as_a_person_with_their_profile_page(client, reporter, editor):
    make_profile(reporter, slug="penrose-harbour", display_name="Rosa Penrose")
    story = make_article(reporter, status="published", editor=editor, work_type="analysis")
    (author,) = the_article(client.get(story.get_absolute_url()))["author"]
    assert author["@type"] == "Person"
    assert author["name"] == "Rosa Penrose"
    assert author["url"] == "http://testserver/authors/penrose-harbour/"
    assert reporter.get_username() not in author["url"]
