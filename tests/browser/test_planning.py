"""The planning view in Chromium: an editor gives a story a day and a reporter on its row, and
finds it under that day; the page keeps to the screen at 1280 and 375 px, passes axe, and a
reporter reads it without forms. Screenshots: test-results/planning-*.png."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from articles import planning, workflow
from tests import factories
from tests.browser.accessibility import audit
from tests.browser.admin_pages import log_in

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

URL = "/admin/articles/article/planning/"


@pytest.fixture
def desk(reporter, other_reporter, editor, second_editor) -> dict:
    """A few stories still to come: planned, in review with a note, scheduled, undated."""
    today = timezone.localdate()
    ferry = factories.make_article(reporter, headline="Ferry timetable to change")
    toll = factories.make_article(
        other_reporter, status="review", headline="Harbour toll explained"
    )
    workflow.send_back(toll, editor, "Add the fishermen's association's response.")
    planning.plan(editor, toll, today + timedelta(days=1), [other_reporter], "Graphic needed")
    flood = factories.make_article(reporter, status="review", headline="Flood levy set")
    workflow.publish(flood, second_editor, at=timezone.now() + timedelta(days=2))
    factories.make_article(other_reporter, headline="Interview: the new harbour master")
    return {"ferry": ferry, "today": today}


def keeps_to_the_screen(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"scrolls sideways: {width}px"


def test_an_editor_plans_a_story_on_its_row_and_finds_it_under_its_day(
    page: Page, editor, reporter, desk, artefacts: Path, axe_notes: list[str]
):
    log_in(page, editor)
    page.goto(URL)
    ferry = page.locator(f"#story-{desk['ferry'].pk}")
    expect(ferry).to_be_visible()
    assert not audit(page, "planning", artefacts, axe_notes)
    page.screenshot(path=artefacts / "planning-1280.png", full_page=True)

    ferry.get_by_text("Change plan").click()
    day = desk["today"] + timedelta(days=3)
    ferry.get_by_label("Planned for").fill(day.isoformat())
    ferry.get_by_label("Rosa").check()
    ferry.get_by_label("Planning note").fill("Lead on the day the timetable starts")
    ferry.get_by_role("button", name="Save plan").click()

    expect(page.locator(".messagelist")).to_contain_text("Plan saved: “Ferry timetable to change”.")
    moved = page.locator(f"#day-{day:%Y-%m-%d} #story-{desk['ferry'].pk}")
    expect(moved).to_contain_text("Lead on the day the timetable starts")
    expect(moved.locator(".planning-assignees")).to_have_text("Rosa")
    assert page.evaluate("location.hash") == f"#story-{desk['ferry'].pk}"

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(URL)
    keeps_to_the_screen(page)
    page.locator(f"#story-{desk['ferry'].pk} summary").click()
    keeps_to_the_screen(page)
    page.screenshot(path=artefacts / "planning-375.png", full_page=True)


def test_a_refused_plan_stays_open_with_what_was_typed(page: Page, editor, desk):
    log_in(page, editor)
    page.goto(URL)
    ferry = page.locator(f"#story-{desk['ferry'].pk}")
    ferry.get_by_text("Change plan").click()
    ferry.get_by_label("Planned for").fill((desk["today"] - timedelta(days=2)).isoformat())
    ferry.get_by_label("Planning note").fill("Should have run already")
    ferry.get_by_role("button", name="Save plan").click()

    ferry = page.locator(f"#story-{desk['ferry'].pk}")
    expect(ferry.locator(".errorlist")).to_have_text("Choose today or a later day.")
    expect(ferry.get_by_label("Planning note")).to_have_value("Should have run already")


def test_a_reporter_reads_their_own_plans_without_forms(
    page: Page, reporter, desk, artefacts: Path
):
    log_in(page, reporter)
    page.goto(URL)

    expect(page.locator(f"#story-{desk['ferry'].pk}")).to_be_visible()
    expect(page.get_by_text("Harbour toll explained")).to_have_count(0)
    expect(page.locator("form.planning-form")).to_have_count(0)
    page.set_viewport_size({"width": 375, "height": 800})
    keeps_to_the_screen(page)
    page.screenshot(path=artefacts / "planning-reporter-375.png", full_page=True)
