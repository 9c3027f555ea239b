"""The moderation queue in a real browser: it fits 1024 and 1280 px screens without sideways
scrolling (and reads as cards on a phone), a comment is decided with one click or one key
press on its row, and the folded rest of a long comment opens, all without JavaScript too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from comments.models import Comment
from tests import factories
from tests.browser.admin_pages import log_in
from tests.browser.comment_queue import fill_queue
from tests.browser.test_accessibility import FOCUS_INDICATOR

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUEUE = "/admin/comments/comment/"


@pytest.fixture
def queue(reporter, editor) -> dict:
    story = factories.make_full_story(reporter, editor, headline="Council backs the flood wall")
    return {"story": story, **fill_queue(story, editor)}


def row_of(page: Page, name: str):
    return page.get_by_role("row").filter(has=page.locator("bdi", has_text=name))


@pytest.mark.parametrize("width", [1280, 1024, 375])
def test_the_queue_fits_the_screen_without_sideways_scrolling(
    new_context, artefacts, editor, queue, width: int
):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, editor)
    page.goto(QUEUE)
    page.screenshot(path=artefacts / "comment-queue" / f"queue-{width}px.png", full_page=True)

    sizes = page.evaluate(
        """() => {
            const results = document.querySelector('#changelist-form .results');
            return {
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth,
                resultsScroll: results.scrollWidth,
                resultsWidth: results.clientWidth,
                buttonsRight: Math.max(...Array.from(
                    document.querySelectorAll('#result_list button'),
                    button => button.getBoundingClientRect().right)),
            };
        }"""
    )
    assert sizes["scrollWidth"] <= sizes["innerWidth"], sizes
    assert sizes["resultsScroll"] <= sizes["resultsWidth"], sizes
    assert sizes["buttonsRight"] <= width, sizes
    text = row_of(page, "Gareth Lloyd").locator(".queue-comment-text")
    assert text.bounding_box()["width"] >= (400 if width >= 1024 else 280)


def test_a_moderator_approves_a_comment_from_the_keyboard(page: Page, editor, queue):
    log_in(page, editor)
    page.goto(QUEUE)
    row = row_of(page, "Jo Pritchard")
    row.get_by_role("link", name="Council backs the flood wall").focus()
    page.keyboard.press("Tab")
    approve = row.get_by_role("group", name="Decide the comment from Jo Pritchard").get_by_role(
        "button", name="Approve"
    )
    expect(approve).to_be_focused()
    assert approve.evaluate(FOCUS_INDICATOR)
    page.keyboard.press("Enter")

    expect(page.locator(".messagelist")).to_have_text(
        "Approved the comment from Jo Pritchard: “The staff were wonderful.”"
    )
    comment = Comment.objects.get(pk=queue["waiting"].pk)
    assert (comment.status, comment.moderated_by) == ("approved", editor)
    expect(row_of(page, "Jo Pritchard").locator(".queue-status-name")).to_have_text("Approved")


def test_a_decision_keeps_the_queue_filtered_as_it_was(page: Page, editor, queue):
    log_in(page, editor)
    page.goto(QUEUE)
    page.locator("#changelist-filter").get_by_role("link", name="Awaiting moderation").click()
    row_of(page, "Dev Chaudhry").get_by_role("button", name="Reject").click()

    expect(page.locator(".messagelist")).to_contain_text("Rejected the comment from Dev Chaudhry")
    expect(page).to_have_url(re.compile(r"\?status__exact=pending$"))
    expect(row_of(page, "Dev Chaudhry")).to_have_count(0)  # decided: no longer waiting
    assert Comment.objects.get(pk=queue["reply"].pk).status == "rejected"


def test_without_javascript_a_long_comment_reads_on_and_a_click_decides_it(
    new_context, editor, queue
):
    page = new_context(java_script_enabled=False).new_page()
    log_in(page, editor)
    page.goto(QUEUE)
    row = row_of(page, "Gareth Lloyd")
    rest = row.locator(".queue-comment-rest p").first
    expect(rest).to_be_hidden()
    row.get_by_text("Read on").click()
    expect(rest).to_be_visible()
    expect(rest).to_contain_text("The consultation never offered the two routes")
    expect(row.get_by_text("Fold away")).to_be_visible()

    row.get_by_role("button", name="Spam").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Marked the comment from Gareth Lloyd as spam"
    )
    assert Comment.objects.get(pk=queue["long"].pk).status == "spam"
