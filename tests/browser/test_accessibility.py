"""Accessibility checked by machine: axe-core finds no serious or critical violation on the pages
readers use (and the editors' admin pages we built), and the keyboard works: the skip link is the
first stop and moves focus to the content, and every stop shows where focus is."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.accessibility import audit
from tests.browser.admin_pages import (
    NEW_STORY,
    editor_address,
    log_in,
    log_in_with_password,
    open_story_editor,
)
from tests.browser.comment_queue import fill_queue
from tests.comments_support import make_comment
from tests.trust_support import write_policy

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def newsroom(reporter, editor) -> dict[str, Any]:
    """A published story with every part, a story awaiting review, and the editor."""
    story = factories.make_full_story(reporter, editor, headline="Lifeboat station gets a new slip")
    factories.make_story_in_review(reporter, headline="Pilot boats to share one berth")
    return {"story": story, "editor": editor, "reporter": reporter}


def policy_page(page: Page, newsroom: dict) -> None:
    body = (
        "# Independence\n\nWe take no gifts.\n\n> Quoted rule\n\n- one\n- [two](https://x.example/)"
    )
    write_policy(newsroom["editor"], "ethics", body, summary="How we stay independent.")
    page.goto("/about/ethics/")


def front_page(page: Page, newsroom: dict) -> None:
    page.goto("/")


def story_page(page: Page, newsroom: dict) -> None:
    page.goto(newsroom["story"].get_absolute_url())


def archive_with_filters(page: Page, newsroom: dict) -> None:
    page.goto("/articles/")
    page.get_by_label("Words").fill("slip")
    page.get_by_label("Section", exact=True).select_option(label="City")
    page.get_by_label("Order").select_option(label="Oldest first")
    page.get_by_role("button", name="Show stories").click()
    expect(page.locator("#results-heading")).to_have_text("1 story")


def archive_with_a_bad_date(page: Page, newsroom: dict) -> None:
    page.goto("/articles/?published_from=31-02-2026&section=city")
    expect(page.locator(".invalid-feedback")).to_be_visible()


def person_page(page: Page, newsroom: dict) -> None:
    page.goto(newsroom["story"].quotes.get().speaker.get_absolute_url())


def author_page(page: Page, newsroom: dict) -> None:
    factories.make_profile(
        newsroom["reporter"],
        slug="rosa-penrose",
        photo=factories.make_image(alt_text="Rosa Penrose at the harbour wall"),
        role="Harbour reporter",
        bio="Rosa covers the port, its boats and the people who work on them.",
        expertise="shipping, fisheries",
        languages="English, Welsh",
        links="https://social.example/@rosa",
        contact="rosa@ledger.example",
    )
    page.goto("/authors/rosa-penrose/")


def admin_own_author_profile(page: Page, newsroom: dict) -> None:
    factories.make_profile(newsroom["reporter"], slug="rosa-penrose", links="not a link")
    log_in(page, newsroom["reporter"])
    page.goto("/admin/authors/profile/")
    page.get_by_role("link", name="Rosa").click()
    page.get_by_role("button", name="Save", exact=True).click()  # the bad link, refused
    expect(page.locator(".errornote")).to_be_visible()


def comment_form_with_errors(page: Page, newsroom: dict) -> None:
    page.goto(newsroom["story"].get_absolute_url())
    page.get_by_label("Name").fill("Tomasz Reid")
    page.get_by_label("Email").fill("tomasz@mailbox")
    page.get_by_role("textbox", name="Comment").fill("Will the old slip stay open?")
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator("#div_id_email")).to_contain_text("Enter a valid email address.")


def admin_login(page: Page, newsroom: dict) -> None:
    page.goto("/admin/login/")


def admin_login_code_step(page: Page, newsroom: dict) -> None:
    factories.give_authenticator(newsroom["editor"])
    log_in_with_password(page, newsroom["editor"])
    expect(page.get_by_label("Code from your authenticator app")).to_be_visible()


def two_factor_setup(page: Page, newsroom: dict) -> None:
    log_in_with_password(page, factories.make_editor("ines"))
    page.get_by_role("button", name="Start").click()
    page.get_by_role("button", name="Next").click()  # the app, the first choice
    expect(page.locator("img.signin-qr")).to_be_visible()


def two_factor_profile(page: Page, newsroom: dict) -> None:
    for _ in range(2):  # so the page lists keys with their Remove links
        factories.give_passkey(newsroom["editor"], name="passkey")
    log_in(page, newsroom["editor"])
    page.get_by_role("link", name="Two-factor sign-in").click()
    expect(page.locator(".passkey-list li")).to_have_count(2)


def remove_a_passkey(page: Page, newsroom: dict) -> None:
    two_factor_profile(page, newsroom)
    page.get_by_role("link", name=re.compile(r"^Remove the key added")).first.click()
    expect(page.get_by_role("button", name="Remove it")).to_be_visible()


def comment_report_page(page: Page, newsroom: dict) -> None:
    comment = make_comment(newsroom["story"], name="Gwen", body="The slip was never safe.")
    page.goto(newsroom["story"].get_absolute_url())
    page.locator(f"#comment-{comment.pk}").get_by_role("link", name="Report").click()
    expect(page.get_by_role("heading", name="Report a comment")).to_be_visible()


def admin_index_with_queues(page: Page, newsroom: dict) -> None:
    log_in(page, newsroom["editor"])
    expect(page.locator("#my-desk .desk-queue .queue-entry")).to_be_visible()


def admin_review_queue(page: Page, newsroom: dict) -> None:
    log_in(page, newsroom["editor"])
    page.goto("/admin/review-queue/")
    expect(page.locator(".queue-list .queue-entry")).to_be_visible()


def admin_stories_in_review(page: Page, newsroom: dict) -> None:
    log_in(page, newsroom["editor"])
    page.goto("/admin/articles/article/?state=review")


def admin_reporters_desk(page: Page, newsroom: dict) -> None:
    log_in(page, newsroom["reporter"])
    expect(page.locator("#my-desk .desk-in-review .desk-entry")).to_be_visible()


def admin_publish_form(page: Page, newsroom: dict) -> None:
    admin_review_queue(page, newsroom)
    page.get_by_role("link", name="Pilot boats to share one berth").click()
    page.get_by_role("link", name="Publish now or at a time").click()


def story_editor_new_story(page: Page, newsroom: dict) -> None:
    log_in(page, newsroom["editor"])
    open_story_editor(page, NEW_STORY)


def story_editor_full_story(page: Page, newsroom: dict) -> None:
    factories.add_parts(newsroom["story"], 2)
    log_in(page, newsroom["editor"])
    open_story_editor(page, editor_address(newsroom["story"]))


def story_editor_with_live_preview(page: Page, newsroom: dict) -> None:
    story_editor_full_story(page, newsroom)
    page.get_by_role("button", name="Live preview").click()
    preview = page.frame_locator("[data-preview-frame]")
    expect(preview.locator("h1")).to_have_text(newsroom["story"].headline)


def admin_comment_queue(page: Page, newsroom: dict) -> None:
    fill_queue(newsroom["story"], newsroom["editor"])
    log_in(page, newsroom["editor"])
    page.goto("/admin/comments/comment/")
    page.get_by_text("Read on").click()  # the folded rest of a long comment, open


READERS_PAGES: dict[str, Callable[[Page, dict], None]] = {
    "front-page": front_page,
    "story-page": story_page,
    "archive-with-filters": archive_with_filters,
    "archive-with-a-bad-date": archive_with_a_bad_date,
    "person-page": person_page,
    "author-page": author_page,
    "comment-form-with-errors": comment_form_with_errors,
    "policy-page": policy_page,
    "comment-report-page": comment_report_page,
}
# Our own admin pages and overrides, the story editor among them (a published story with
# several of every part, so the public-change fields and every kind of part row are there).
ADMIN_PAGES: dict[str, Callable[[Page, dict], None]] = {
    "admin-login": admin_login,
    "admin-login-code-step": admin_login_code_step,
    "two-factor-setup": two_factor_setup,
    "two-factor-profile": two_factor_profile,
    "remove-a-passkey": remove_a_passkey,
    "admin-index": admin_index_with_queues,
    "admin-review-queue": admin_review_queue,
    "admin-stories-in-review": admin_stories_in_review,
    "admin-reporters-desk": admin_reporters_desk,
    "admin-publish-form": admin_publish_form,
    "story-editor-new-story": story_editor_new_story,
    "story-editor-full-story": story_editor_full_story,
    "story-editor-with-live-preview": story_editor_with_live_preview,
    "admin-comment-queue": admin_comment_queue,
    "admin-own-author-profile": admin_own_author_profile,
}


@pytest.mark.parametrize("name", [*READERS_PAGES, *ADMIN_PAGES])
def test_page_has_no_serious_accessibility_violations(
    page: Page, newsroom, artefacts, axe_notes, name: str
):
    {**READERS_PAGES, **ADMIN_PAGES}[name](page, newsroom)
    blocking = audit(page, name, artefacts, axe_notes)
    # site.css and the admin both follow the system's dark mode: check their colours too, once
    # the admin's links have finished their colour transition.
    page.emulate_media(color_scheme="dark")
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished))")
    blocking += audit(page, f"{name}-dark", artefacts, axe_notes)
    assert blocking == []


FOCUS_INDICATOR = """element => {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== 'none';
}"""


def test_skip_link_is_the_first_stop_shows_itself_and_moves_focus_to_the_content(
    page: Page, newsroom
):
    page.goto(newsroom["story"].get_absolute_url())
    skip = page.get_by_role("link", name="Skip to content")
    assert not skip.is_visible() or skip.bounding_box()["x"] < 0

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    expect(skip).to_be_in_viewport()
    assert skip.evaluate(FOCUS_INDICATOR)

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("main#main a").first).to_be_focused()


def test_every_keyboard_stop_on_the_story_page_shows_focus(page: Page, newsroom):
    page.goto(newsroom["story"].get_absolute_url())
    stops: list[str] = []
    for _ in range(100):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        if focused.evaluate("element => element === document.body || element.seen === true"):
            break  # past the last stop, or round again
        focused.evaluate("element => { element.seen = true; }")
        described = focused.evaluate(
            "element => element.tagName.toLowerCase() + ' ' +"
            " (element.textContent || element.name || '').trim().slice(0, 40)"
        )
        stops.append(described)
        assert focused.evaluate(FOCUS_INDICATOR), f"no visible focus on {described}"
    kinds = {stop.split(" ")[0] for stop in stops}
    assert {"a", "input", "textarea", "button"} <= kinds, stops
