"""A reader on the public site: from the front page to a story, every part in the seed story's
order, and a page that fits a phone without sideways scrolling."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import StorySource
from tests import factories
from tests.comments_support import make_comment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The story page's parts, top to bottom (README, "Public site"), then the comments.
STORY_PARTS = [
    ("takeaways", "Key takeaways"),
    ("verified", "Verified facts"),
    ("context", "Context & impact"),
    ("pull-quote", None),
    ("claims claims-unconfirmed", "Unconfirmed"),
    ("claims claims-disputed", "Disputed"),
    ("bottom-line", "Bottom line"),
    ("methods", "How we reported this"),
    ("sources", "Sources"),
    ("corrections", "Corrections"),
    ("story-tags", "Topics"),
    ("comments", "Leave a Comment (0 comments)"),
]


def test_reader_follows_the_front_page_to_a_story_and_reads_every_part_in_order(
    page: Page, reporter, editor
):
    story = factories.make_full_story(reporter, editor, headline="Ferry crews agree a winter rota")

    page.goto("/")
    page.locator(".front-lead").get_by_role("link", name=story.headline).click()

    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(story.headline)
    parts = page.locator("article.story > section, article.story > figure, #comments")
    parts = parts.evaluate_all(
        """parts => parts.map(part => [
            part.className,
            part.querySelector('h2') ? part.querySelector('h2').textContent.trim() : null,
        ])"""
    )
    assert [tuple(part) for part in parts] == STORY_PARTS
    quote = page.locator(".pull-quote")
    expect(quote.locator("blockquote")).to_have_text("We will not wait.")
    expect(quote.locator("figcaption")).to_have_text("Ada Quayle, Harbour master")

    # A citation jumps to its source in the list.
    page.locator(".verified .citation").first.click()
    expect(page).to_have_url(re.compile(r"#source-1$"))
    expect(page.locator("#source-1")).to_be_in_viewport()


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_story_page_fits_the_screen_without_sideways_scrolling(
    new_context, artefacts, reporter, editor, width: int
):
    story = factories.make_full_story(
        reporter, editor, headline="Councillors back the Hafenmauerinstandsetzungsprogramm"
    )
    long_source = factories.make_source(
        "harbour-wall-condition-survey-appendix-c-structural-measurements-2026-final.pdf",
        url="https://documents.example/council/2026/harbour/appendix-c-structural-measurements",
    )
    StorySource.objects.create(article=story, source=long_source)
    make_comment(story, body="The survey is at https://documents.example/council/2026/harbour/c")

    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(story.get_absolute_url())
    page.screenshot(path=artefacts / "story-page" / f"story-{width}px.png", full_page=True)

    sizes = page.evaluate(
        """() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            wider: Array.from(document.querySelectorAll('body *'))
                .filter(element => element.getBoundingClientRect().right > window.innerWidth)
                .map(element => element.tagName + '.' + element.className),
        })"""
    )
    assert sizes["scrollWidth"] <= sizes["innerWidth"], sizes["wider"]
