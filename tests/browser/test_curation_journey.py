"""An editor chooses the front page's lead and top stories in the admin, and readers see them:
in Chromium, through the pages people use; the front page fits the screen with and without a
lead picture, and every row of cards is full."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles import curation
from articles.curation import Slot
from articles.models import Article
from tests import factories
from tests.browser.accessibility import audit
from tests.browser.admin_pages import choose, log_in, selected

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def stories(reporter, editor) -> list[Article]:
    """Twelve published stories in two sections, every third with a lead picture."""
    city, coast = factories.make_section("City"), factories.make_section("Coast")
    picture = factories.make_image()
    made = []
    for n in range(12):
        article = factories.make_article(
            reporter,
            status="published",
            editor=editor,
            headline=f"{'Harbour' if n % 2 else 'Council'} story number {n}",
            standfirst="The council approved repairs to the harbour wall after a long debate.",
            section=city if n % 2 else coast,
            lead_image=picture if n % 3 == 0 else None,
            takeaways=3,
            verified_claims=0,
        )
        when = timezone.now() - timedelta(minutes=n + 1)  # "number 0" is the newest
        Article.objects.filter(pk=article.pk).update(published_at=when)
        made.append(article)
    return made


def test_an_editor_chooses_the_lead_and_top_stories_and_readers_see_them_in_that_order(
    page: Page, new_context, editor, stories, artefacts, axe_notes
):
    log_in(page, editor)
    page.get_by_role("link", name="Front and section pages").click()
    page.get_by_role("link", name="Front page").click()
    expect(page.get_by_role("heading", name="Front page: lead and top stories")).to_be_visible()

    choose(page, "id_lead-story", "number 9")
    choose(page, "id_pins-0-story", "number 4")
    choose(page, "id_pins-1-story", "number 7")
    choose(page, "id_pins-2-story", "number 6")
    page.get_by_label("Until (top story 2)").fill("2099-06-01T18:00")
    # The third story moves up to second, in place (no page load); the page says it is not
    # saved yet.
    page.evaluate("window.samePage = true")
    page.locator("tr.curation-row").nth(2).get_by_role("button", name="Move up").click()
    assert page.evaluate("window.samePage === true")
    expect(page.locator(".curation-status")).to_have_text(
        "Order changed: save to show it to readers."
    )
    expect(page.locator("tr.curation-row .curation-number")).to_have_text(
        ["1", "2", "3", "4", "5", "6"]
    )
    assert selected(page, "id_pins-2-story") == ["Council story number 6"]
    assert audit(page, "curation-admin", artefacts, axe_notes) == []
    page.screenshot(path=artefacts / "curation" / "admin-1280.png", full_page=True)
    page.get_by_role("button", name="Save").first.click()

    expect(page.locator(".messagelist")).to_contain_text("Saved.")
    expect(page.locator(".curation-history li")).to_contain_text("“Harbour story number 9”")
    rows = page.locator("tr.curation-row")
    assert selected(page, rows.nth(0).locator("select").get_attribute("id")) == [
        "Council story number 4"
    ]
    assert selected(page, rows.nth(1).locator("select").get_attribute("id")) == [
        "Council story number 6"
    ]
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=artefacts / "curation" / "admin-375.png", full_page=True)

    reader = new_context(viewport={"width": 1280, "height": 900}).new_page()
    reader.goto("/")
    expect(reader.locator(".front-lead .story-card-headline")).to_have_text(
        "Harbour story number 9"
    )
    expect(reader.locator(".front-top-stories .story-card-headline")).to_have_text(
        ["Council story number 4", "Council story number 6", "Harbour story number 7"]
    )
    assert audit(reader, "curated-front-page", artefacts, axe_notes) == []


ROW_FILLED = """grid => {
    const width = grid.getBoundingClientRect().width;
    const cards = Array.from(grid.children).map(card => card.getBoundingClientRect());
    const rows = {};
    for (const box of cards) (rows[Math.round(box.top)] ||= []).push(box);
    // A row is full when its cards (and the gaps between them) span the grid.
    return Object.values(rows).map(row => {
        const left = Math.min(...row.map(box => box.left));
        const right = Math.max(...row.map(box => box.right));
        return (right - left) / width;
    });
}"""


@pytest.mark.parametrize("width", [375, 800, 1280])
@pytest.mark.parametrize("lead_picture", [True, False], ids=["lead-picture", "text-lead"])
def test_the_front_page_fits_the_screen_and_every_row_of_cards_is_full(
    new_context, editor, stories, artefacts, width: int, lead_picture: bool
):
    lead = stories[9] if lead_picture else stories[7]
    assert bool(lead.lead_image_id) is lead_picture
    curation.set_front(editor, Slot(lead), [Slot(stories[n]) for n in (4, 6, 2)])

    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto("/")
    for _y in range(0, page.evaluate("document.body.scrollHeight"), 600):
        page.mouse.wheel(0, 600)  # lazy pictures load as they come into view
    name = "lead-picture" if lead_picture else "text-lead"
    page.screenshot(path=artefacts / "curation" / f"front-{name}-{width}.png", full_page=True)

    assert page.evaluate("document.documentElement.scrollWidth") <= width
    lead_card = page.locator(".front-lead article")
    if lead_picture:
        expect(lead_card.locator("picture img")).to_be_visible()
    else:
        expect(lead_card.locator(".story-card-takeaways li")).to_have_count(3)
    for grid in page.locator(".card-grid").all():
        assert all(share > 0.97 for share in grid.evaluate(ROW_FILLED)), grid.inner_html()[:200]


def test_a_lead_without_a_picture_fills_the_space_beside_the_latest_stories(
    new_context, editor, stories
):
    curation.set_front(editor, Slot(stories[7]), [])
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto("/")
    lead = page.locator(".front-lead article").bounding_box()
    rail = page.locator(".front-latest").bounding_box()
    assert lead["y"] + lead["height"] >= rail["y"] + rail["height"] - 24
