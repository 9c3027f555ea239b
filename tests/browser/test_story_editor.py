"""The story editor in Chromium: it fits the screen, works by keyboard alone, keeps a draft copy
(and says so when it cannot), and its tools in place (moving claims and parts, the speaker's
role, the live preview, the checklist, the workflow toolbar) change what Save stores, and
nothing before Save. Its axe audit is in test_accessibility.py with the other pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from articles.models import Article, Claim, StoryRevision
from sources.models import Source
from tests import factories
from tests.browser.admin_pages import (
    NEW_STORY,
    add_part,
    editor_address,
    log_in,
    open_story_editor,
    pick,
    save_story,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIDEWAYS_OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll("body *"))
        .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.right > width + 0.5;
        })
        .slice(0, 10)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}#${element.id}`);
}"""


@pytest.fixture
def full_story(reporter, editor) -> Article:
    """A published story with several of every part."""
    story = factories.make_full_story(reporter, editor, headline="Lifeboat station gets a new slip")
    factories.add_parts(story, 4)
    return story


def assert_no_sideways_scrolling(page: Page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, page.evaluate(SIDEWAYS_OVERFLOW)


def field_values(fields: Locator) -> list[str]:
    return fields.evaluate_all("fields => fields.map((field) => field.value)")


def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until `target` has the focus."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{limit} presses of Tab never reached {target}")


# -- the page fits the screen -------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 1024, 768, 375])
def test_the_editor_needs_no_sideways_scrolling(page: Page, editor, full_story, artefacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, editor)

    open_story_editor(page, NEW_STORY)
    page.screenshot(path=artefacts / f"story-editor-new-{width}.png", full_page=True)
    assert_no_sideways_scrolling(page, width)

    open_story_editor(page, editor_address(full_story))
    page.screenshot(path=artefacts / f"story-editor-full-{width}.png", full_page=True)
    assert_no_sideways_scrolling(page, width)

    page.get_by_role("button", name="Live preview").click()
    preview = page.frame_locator("[data-preview-frame]")
    expect(preview.locator("h1")).to_have_text(full_story.headline)
    assert_no_sideways_scrolling(page, width)


@pytest.mark.parametrize("width", [768, 375])
def test_on_a_tablet_or_a_phone_every_writing_field_is_at_least_half_the_screen_wide(
    page: Page, editor, full_story, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, editor)
    open_story_editor(page, editor_address(full_story))

    widths = page.locator(".editor-main textarea:visible").evaluate_all(
        "fields => fields.map((field) => [field.name, field.getBoundingClientRect().width])"
    )
    assert len(widths) > 20
    narrow = [(name, round(field_width)) for name, field_width in widths if field_width < width / 2]
    assert narrow == []

    page.get_by_role("textbox", name="Bottom line").scroll_into_view_if_needed()
    toolbar = page.get_by_role("region", name="Story actions")
    expect(toolbar.get_by_role("button", name="Save")).to_be_in_viewport()


# -- by keyboard alone --------------------------------------------------------------------------


def test_a_short_story_can_be_written_and_saved_by_keyboard_alone(page: Page, reporter):
    log_in(page, reporter)
    open_story_editor(page, NEW_STORY)
    keyboard = page.keyboard

    tab_to(page, page.get_by_role("textbox", name="Headline"))
    keyboard.type("Ferry pier reopens after storm repairs")
    keyboard.press("Tab")
    expect(page.get_by_role("textbox", name="Standfirst")).to_be_focused()
    keyboard.type("Crossings resume on Monday after six weeks of work on the pier.")

    tab_to(page, page.get_by_role("button", name="Add a takeaway"))
    keyboard.press("Enter")
    takeaways = page.get_by_role("list", name="Key takeaways")
    expect(takeaways.get_by_role("textbox")).to_be_focused()
    keyboard.type("The first boat leaves at 06:10 on Monday.")

    tab_to(page, page.get_by_role("button", name="Add a verified fact"))
    keyboard.press("Space")
    fact = page.get_by_role("list", name="Verified facts").locator("[data-part-row]")
    expect(fact.get_by_label("Status")).to_be_focused()
    keyboard.press("Tab")
    expect(fact.get_by_label("Claim")).to_be_focused()
    keyboard.type("Engineers signed off the pier on Friday.")

    tab_to(page, fact.get_by_role("button", name="New source"))
    keyboard.press("Enter")
    expect(page.get_by_label("Title", exact=True)).to_be_focused()
    keyboard.type("Pier safety certificate")
    keyboard.press("Tab")
    keyboard.type("Port Calder Harbour Authority")
    keyboard.press("Tab")
    keyboard.type("https://harbour.example/pier-certificate")
    keyboard.press("Enter")
    cite = fact.get_by_role("button", name=re.compile(r"^Cite 1: Pier safety certificate"))
    expect(cite).to_be_focused()
    expect(cite).to_have_attribute("aria-pressed", "true")

    tab_to(page, page.get_by_role("button", name="Save", exact=True).last)
    keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    story = Article.objects.get()
    assert story.headline == "Ferry pier reopens after storm repairs"
    assert story.standfirst == "Crossings resume on Monday after six weeks of work on the pier."
    assert [t.text for t in story.takeaways.all()] == ["The first boat leaves at 06:10 on Monday."]
    certificate = Source.objects.get(title="Pier safety certificate")
    assert certificate.publisher == "Port Calder Harbour Authority"
    claim = story.claims.get()
    assert (claim.text, claim.status) == (
        "Engineers signed off the pier on Friday.",
        Claim.Status.VERIFIED,
    )
    assert list(claim.sources.all()) == [certificate]
    assert [entry.source for entry in story.source_entries.all()] == [certificate]


# -- autosave -----------------------------------------------------------------------------------


def test_a_kept_draft_copy_is_offered_when_the_story_is_opened_again_and_stored_only_by_save(
    new_context, reporter
):
    story = factories.make_article(reporter, headline="Harbour wall repairs approved")
    typed = "Harbour wall repairs approved after a second survey"
    context = new_context()
    context.clock.install()
    page = context.new_page()
    log_in(page, reporter)
    open_story_editor(page, editor_address(story))
    page.get_by_role("textbox", name="Headline").fill(typed)
    page.clock.run_for(3_000)
    expect(page.locator("[data-autosave-state]")).to_contain_text(
        re.compile(r"Draft copy kept at \d\d:\d\d")
    )
    page.close()

    page = context.new_page()
    open_story_editor(page, editor_address(story))
    banner = page.locator("[data-autosave-banner]")
    expect(banner).to_contain_text("You have a draft copy of your edits")
    expect(page.get_by_role("textbox", name="Headline")).to_have_value(story.headline)

    banner.get_by_role("link", name="Resume it").click()
    expect(page.get_by_role("textbox", name="Headline")).to_have_value(typed)
    expect(page.get_by_role("note")).to_contain_text("This is your draft copy, not saved yet.")
    story.refresh_from_db()
    assert story.headline == "Harbour wall repairs approved"
    assert story.version == 1

    save_story(page)
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("[data-autosave-banner]")).to_have_count(0)
    story.refresh_from_db()
    assert story.headline == typed
    open_story_editor(page, editor_address(story))
    expect(page.locator("[data-autosave-banner]")).to_have_count(0)


AUTOSAVE_FAILURES = {
    "server error": ("server answered 500", lambda route: route.fulfill(status=500, body="Oops")),
    "no connection": ("no connection", lambda route: route.abort()),
    "no answer": ("no answer in time", lambda route: None),  # the request is never answered
}


@pytest.mark.parametrize("failure", AUTOSAVE_FAILURES)
def test_when_a_draft_copy_cannot_be_kept_the_editor_says_so_and_keeps_the_text(
    page: Page, reporter, failure
):
    reason, answer = AUTOSAVE_FAILURES[failure]
    story = factories.make_article(reporter, headline="Harbour wall repairs approved")
    log_in(page, reporter)
    page.clock.install()
    page.route("**/autosave/", answer)
    open_story_editor(page, editor_address(story))
    headline = page.get_by_role("textbox", name="Headline")
    state = page.locator("[data-autosave-state]")

    headline.fill("Harbour wall repairs delayed")
    page.clock.run_for(3_000)
    if failure == "no answer":
        page.clock.run_for(10_000)
    expect(state).to_contain_text(f"Could not keep a draft copy ({reason}).")
    expect(state).to_have_class(re.compile(r"\bis-failed\b"))
    expect(headline).to_have_value("Harbour wall repairs delayed")

    page.unroute_all(behavior="ignoreErrors")
    headline.press_sequentially(" again")
    page.clock.run_for(3_000)
    expect(state).to_contain_text("Draft copy kept at")
    expect(state).not_to_have_class(re.compile(r"\bis-failed\b"))
    expect(headline).to_have_value("Harbour wall repairs delayed again")


# -- the tools in place -------------------------------------------------------------------------


def test_moving_a_claim_to_the_other_section_changes_its_status_and_save_stores_it(
    page: Page, reporter, editor
):
    story = factories.make_story_in_review(reporter)
    log_in(page, editor)
    open_story_editor(page, editor_address(story))
    verified = page.get_by_role("list", name="Verified facts")
    unconfirmed = page.get_by_role("list", name="Unconfirmed and disputed claims")
    first = page.locator("[data-part-row]", has=page.locator("#id_claims-0-text"))
    disputed = page.locator("[data-part-row]", has=page.locator("#id_claims-3-text"))
    expect(first.get_by_label("Claim")).to_have_value("Verified claim 1")
    expect(disputed.get_by_label("Claim")).to_have_value("The wall is already failing.")

    first.get_by_role("button", name="Move to Unconfirmed").click()
    expect(unconfirmed.locator("#id_claims-0-text")).to_have_count(1)
    expect(verified.locator("#id_claims-0-text")).to_have_count(0)
    expect(first.get_by_label("Status")).to_have_value("unconfirmed")
    expect(first.get_by_role("button", name="Move to Verified facts")).to_be_focused()

    disputed.get_by_role("button", name="Move to Verified facts").click()
    expect(verified.locator("#id_claims-3-text")).to_have_count(1)
    expect(disputed.get_by_label("Status")).to_have_value("verified")

    save_story(page)
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    statuses = dict(story.claims.values_list("text", "status"))
    assert statuses["Verified claim 1"] == Claim.Status.UNCONFIRMED
    assert statuses["The wall is already failing."] == Claim.Status.VERIFIED
    assert statuses["Verified claim 2"] == Claim.Status.VERIFIED


def test_choosing_a_speaker_fills_their_current_role_which_stays_editable(page: Page, reporter):
    story = factories.make_article(reporter)
    speaker = factories.make_person("Ifeoma Barnes", role="Cabinet member for transport")
    log_in(page, reporter)
    open_story_editor(page, editor_address(story))

    quote = add_part(page, "Add a quote")
    pick(page, quote.locator("select[name$='-speaker']"), "Ifeoma Barnes")
    role = quote.get_by_label("Role at the time")
    expect(role).to_have_value("Cabinet member for transport")
    role.fill("Cabinet member for transport until May")
    quote.get_by_label("Quoted words").fill("The timetable will not change before summer.")
    save_story(page)
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    saved = story.quotes.get()
    assert (saved.speaker, saved.role) == (speaker, "Cabinet member for transport until May")


def test_move_up_and_move_down_reorder_takeaways_and_save_stores_the_order(page: Page, reporter):
    story = factories.make_article(reporter, takeaways=3)
    log_in(page, reporter)
    open_story_editor(page, editor_address(story))
    rows = page.get_by_role("list", name="Key takeaways").locator("[data-part-row]")

    rows.nth(0).get_by_role("button", name="Move down").click()
    rows.nth(2).get_by_role("button", name="Move up").click()
    assert field_values(rows.get_by_role("textbox")) == ["Takeaway 2", "Takeaway 3", "Takeaway 1"]

    save_story(page)
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(story.takeaways.order_by("position").values_list("text", "position")) == [
        ("Takeaway 2", 1),
        ("Takeaway 3", 2),
        ("Takeaway 1", 3),
    ]
    assert field_values(rows.get_by_role("textbox")) == ["Takeaway 2", "Takeaway 3", "Takeaway 1"]


def test_the_live_preview_shows_the_unsaved_story_and_saves_nothing(page: Page, reporter):
    story = factories.make_article(reporter, headline="Harbour wall repairs approved")
    revisions = StoryRevision.objects.filter(article=story).count()
    log_in(page, reporter)
    open_story_editor(page, editor_address(story))

    page.get_by_role("textbox", name="Headline").fill("Harbour wall repairs delayed by a year")
    toggle = page.get_by_role("button", name="Live preview")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    preview = page.frame_locator("[data-preview-frame]")
    expect(preview.locator("h1")).to_have_text("Harbour wall repairs delayed by a year")

    page.get_by_role("textbox", name="Standfirst").fill(
        "The contractor has gone into administration."
    )
    expect(preview.get_by_text("The contractor has gone into administration.")).to_be_visible()

    story.refresh_from_db()
    assert (story.headline, story.standfirst, story.version) == (
        "Harbour wall repairs approved",
        "The council approved repairs to the harbour wall.",
        1,
    )
    assert StoryRevision.objects.filter(article=story).count() == revisions


def test_the_checklist_links_a_missing_standfirst_and_ticks_it_once_written(page: Page, reporter):
    story = factories.make_article(reporter, standfirst="")
    log_in(page, reporter)
    open_story_editor(page, editor_address(story))
    item = page.locator("[data-checklist] li", has_text="A standfirst")
    expect(item).to_have_class("is-missing")
    expect(item.get_by_role("link", name="A standfirst")).to_have_attribute("href", "#standfirst")
    standfirst = page.locator("#standfirst").get_by_role("textbox", name="Standfirst")

    standfirst.fill("Work starts in spring if the money arrives.")
    expect(item).to_have_class("is-ok")
    expect(item.get_by_role("link")).to_have_count(0)


# -- the workflow toolbar -----------------------------------------------------------------------


def test_a_reporter_on_their_draft_is_offered_only_to_submit_it(page: Page, reporter):
    story = factories.make_article(reporter)
    log_in(page, reporter)
    open_story_editor(page, editor_address(story))
    toolbar = page.get_by_role("region", name="Story actions")

    expect(toolbar.locator(".workflow-button")).to_have_text(["Submit for review"])
    expect(toolbar.get_by_role("link", name="Submit for review")).to_be_visible()
    expect(toolbar.get_by_text(re.compile("Publish"))).to_have_count(0)
    expect(toolbar.locator(".why-not-list")).to_have_count(0)


def test_an_editor_who_wrote_a_story_in_review_sees_publish_disabled_and_why(
    page: Page, editor, settings
):
    settings.NEWSROOM_REQUIRE_SECOND_EDITOR = True
    story = factories.make_story_in_review(editor)
    log_in(page, editor)
    open_story_editor(page, editor_address(story))
    toolbar = page.get_by_role("region", name="Story actions")
    reason = "You wrote this story, so another editor must publish it."

    publish = toolbar.locator(".workflow-publish")
    expect(publish).to_have_text("Publish now or at a time")
    expect(publish).to_have_attribute("aria-disabled", "true")
    expect(toolbar.get_by_role("link", name="Publish now or at a time")).to_have_count(0)
    expect(publish).to_have_accessible_description(re.compile(re.escape(reason)))
    expect(toolbar.locator(".why-not-list")).to_have_text(f"Publish now or at a time: {reason}")
    expect(toolbar.get_by_role("link", name="Send back with a note")).to_be_visible()
