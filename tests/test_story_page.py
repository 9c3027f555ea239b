"""The story page shows every part of a story, in the seed story's order, and nothing empty."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import editing, workflow
from articles.models import Claim, StorySource
from tests.factories import (
    make_article,
    make_full_story,
    make_profile,
    make_section,
    make_source,
    make_tag,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_story(reporter, editor):
    return make_full_story(reporter, editor)


def story_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return parse(response)


def test_parts_appear_in_the_seed_order(client, full_story):
    page = story_page(client, full_story)
    parts = [
        ".work-type",
        "article.story h1",
        ".standfirst",
        ".correction-notice",
        ".story-meta",
        ".bylines",
        "section.takeaways",
        "section.verified",
        "section.context",
        "figure.pull-quote",
        "section.claims-unconfirmed",
        "section.claims-disputed",
        "section.bottom-line",
        "section.methods",
        "section.sources",
        "section.corrections",
        "section.story-tags",
        "section#comments",
    ]
    order = {id(element): n for n, element in enumerate(page.find_all(True))}
    positions = []
    for selector in parts:
        element = page.select_one(selector)
        assert element is not None, f"{selector} is missing"
        positions.append(order[id(element)])
    assert positions == sorted(positions)
    headings = [h2.get_text(strip=True) for h2 in page.select("article.story h2")]
    assert headings == [
        "Key takeaways",
        "Verified facts",
        "Context & impact",
        "Unconfirmed",
        "Disputed",
        "Bottom line",
        "How we reported this",
        "Sources",
        "Corrections",
        "Topics",
    ]


def test_a_story_with_only_takeaways_has_no_empty_sections(reporter, editor, client):
    article = make_article(
        reporter, status="published", editor=editor, verified_claims=0, section=None
    )
    page = story_page(client, article)
    headings = [h.get_text(strip=True) for h in page.select("article.story h2")]
    assert headings == ["Key takeaways"]
    assert not page.select("figure.pull-quote, section.sources, aside.related")
    assert all(h.get_text(strip=True) for h in page.select("h1, h2, h3"))


def test_times_are_time_elements_in_local_time_to_the_whole_second(client, full_story):
    page = story_page(client, full_story)
    published = page.select_one(".story-meta .published time")
    local = timezone.localtime(full_story.first_published_at)
    assert published["datetime"] == local.replace(microsecond=0).isoformat()
    assert str(local.day) in published.text and local.strftime("%H:%M") in published.text
    correction_time = page.select_one(".corrections time")
    assert correction_time["datetime"].startswith(str(local.year))


def test_updated_time_appears_only_after_a_later_change(
    client, full_story, reporter, editor, time_machine
):
    later = full_story.published_at + timedelta(hours=2)
    time_machine.move_to(later, tick=False)
    editing.correct(full_story, editor, "The vote was on Tuesday, not Monday.")
    updated = story_page(client, full_story).select_one(".story-meta .updated time")
    assert updated["datetime"] == timezone.localtime(later).replace(microsecond=0).isoformat()
    quiet = make_article(reporter, status="published", editor=editor)
    quiet.headline = "An internal save after publication"
    quiet.save()  # no correction or update was declared, so readers see no "Updated" time
    assert story_page(client, quiet).select_one(".story-meta .updated") is None


def test_bylines_link_to_public_author_profiles(client, full_story, reporter):
    assert story_page(client, full_story).select_one(".bylines a") is None  # no profile yet
    make_profile(reporter, slug="rosa-penrose", display_name="Rosa Penrose")
    link = story_page(client, full_story).select_one(".bylines a")
    assert link["href"] == "/authors/rosa-penrose/"
    assert link.text == "Rosa Penrose"


def test_each_citation_links_to_the_source_its_claim_cites(client, full_story):
    page = story_page(client, full_story)
    claims = {claim.text: claim for claim in Claim.objects.filter(article=full_story)}
    paragraphs = page.select("section.verified p.claim")
    assert len(paragraphs) == 2
    for paragraph in paragraphs:
        claim = claims[paragraph.find(string=True).strip()]
        (link,) = paragraph.select("a.citation")
        entry = page.select_one(link["href"])
        assert entry is not None and entry.name == "li"
        assert entry.a.text == claim.sources.get().title


def test_citation_numbers_follow_the_source_list(reporter, editor, client):
    article = make_article(reporter, status="review", verified_claims=0)
    first, second = make_source("First paper"), make_source("Second paper")
    StorySource.objects.create(article=article, source=second)
    claim = Claim.objects.create(article=article, text="Both papers agree.", status="verified")
    claim.sources.add(first, second)
    page = story_page(client, _publish(article, editor))
    assert [a["href"] for a in page.select("p.claim a.citation")] == ["#source-1", "#source-2"]
    assert page.select_one("#source-1 a").text == "Second paper"


def _publish(article, editor):
    workflow.publish(article, editor)
    return article


def test_impact_items_emphasise_their_label(client, full_story):
    item = story_page(client, full_story).select_one("section.context ul.impact li")
    assert item.strong.text == "Budget effect:"
    assert "Borrowing rises." in item.text


def test_pull_quote_is_a_figure_with_the_speaker_and_role(client, full_story):
    quote = full_story.quotes.get(is_pull=True)
    figure = story_page(client, full_story).select_one("figure.pull-quote")
    assert figure.blockquote.get_text(strip=True) == quote.text
    assert figure.figcaption.a["href"] == quote.speaker.get_absolute_url()
    assert figure.figcaption.a.text == quote.speaker.name
    assert figure.figcaption.select_one(".speaker-role").text == quote.role


def test_unconfirmed_and_disputed_claims_are_set_apart_from_verified(client, full_story):
    page = story_page(client, full_story)
    unconfirmed = page.select_one("section.claims-unconfirmed")
    disputed = page.select_one("section.claims-disputed")
    assert [li.text for li in unconfirmed.select("li.claim-unconfirmed")] == [
        "A second wall may follow."
    ]
    assert [li.text for li in disputed.select("li.claim-disputed")] == [
        "The wall is already failing."
    ]
    assert unconfirmed.select_one(".claims-note").text
    assert not page.select("section.verified .claim-unconfirmed, section.verified .claim-disputed")


def test_sources_show_title_link_publisher_and_date(reporter, editor, client):
    article = make_article(reporter, status="review", verified_claims=0)
    source = make_source("Harbour survey", publisher="Port Authority", url="https://example.org/s")
    source.published_on = timezone.localdate() - timedelta(days=3)
    source.save()
    claim = Claim.objects.create(article=article, text="The survey says so.", status="verified")
    claim.sources.add(source)
    entry = story_page(client, _publish(article, editor)).select_one("#source-1")
    assert entry.a["href"] == "https://example.org/s" and entry.a.text == "Harbour survey"
    assert entry.select_one(".source-publisher").text == "Port Authority"
    assert entry.time["datetime"] == source.published_on.isoformat()


def test_corrections_and_tags_are_listed(client, full_story):
    page = story_page(client, full_story)
    correction = page.select_one("section.corrections li")
    assert "wrong year" in correction.text and correction.time is not None
    assert [a["href"] for a in page.select("section.story-tags a")] == ["/tags/housing/"]


def test_related_stories_are_published_neighbours_at_most_four(reporter, editor, client):
    section, tag, elsewhere = make_section("City"), make_tag("Harbour"), make_section("Sport")
    story = make_article(reporter, status="published", editor=editor, section=section)
    story.tags.add(tag)
    tagged = make_article(reporter, status="published", editor=editor, section=elsewhere)
    tagged.tags.add(tag)
    same_section = [
        make_article(reporter, status="published", editor=editor, section=section) for _ in range(4)
    ]
    make_article(reporter, section=section, headline="Draft neighbour")
    make_article(reporter, status="published", editor=editor, section=elsewhere)
    links = [a["href"] for a in story_page(client, story).select("aside.related li a")]
    assert len(links) == 4
    assert links[0] == tagged.get_absolute_url()
    assert set(links[1:]) <= {article.get_absolute_url() for article in same_section}


def test_comments_region_follows_the_story(client, full_story):
    page = story_page(client, full_story)
    region = page.select_one("section#comments")
    assert region is not None
    assert region.find("h2").get_text(" ", strip=True).startswith("Leave a Comment")


def test_staff_preview_is_marked_noindex_and_private(reporter, reporter_client):
    article = make_article(reporter)
    response = reporter_client.get(article.get_absolute_url())
    page = parse(response)
    assert page.select_one(".preview-banner")
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
