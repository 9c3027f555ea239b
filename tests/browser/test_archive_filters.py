"""A reader narrows the archive with the keyboard alone, typing a tag's name rather than
scrolling a list of hundreds; the form fits a phone and axe finds nothing serious."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.accessibility import audit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def archive(reporter, editor) -> None:
    harbour = factories.make_article(
        reporter, status="published", editor=editor, headline="Dredgers clear the channel"
    )
    harbour.tags.add(factories.make_tag("Harbour"))
    factories.make_article(
        reporter, status="published", editor=editor, headline="School roof mended"
    )


def test_a_reader_filters_the_archive_by_tag_with_the_keyboard(
    page: Page, archive, artefacts, axe_notes
):
    page.goto("/articles/")
    expect(page.locator("#results-heading")).to_have_text("2 stories")
    page.get_by_label("Words").focus()
    page.keyboard.press("Tab")  # to the section select
    page.keyboard.press("Tab")  # to the type-of-work select
    page.keyboard.press("Tab")  # to the tag box
    expect(page.get_by_label("Tag")).to_be_focused()
    page.keyboard.type("harbour")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]tag=harbour(&|$)"))
    expect(page.locator("#results-heading")).to_have_text("1 story")
    expect(page.locator(".story-card-headline")).to_have_text(["Dredgers clear the channel"])
    expect(page.get_by_label("Tag")).to_have_value("harbour")
    assert audit(page, "archive-by-tag", artefacts, axe_notes) == []


def test_an_unknown_name_is_explained_and_the_archive_stays_whole(page: Page, archive):
    page.goto("/articles/?tag=Lighthouses")
    box = page.get_by_label("Tag")
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_tag_error")).to_have_text(
        "No published story has the tag “Lighthouses”."
    )
    expect(page.locator("#results-heading")).to_have_text("2 stories")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_archive_form_fits_the_screen(page: Page, archive, artefacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/articles/?tag=harbour")
    page.screenshot(path=str(artefacts / f"archive-filters-{width}.png"), full_page=True)
    sizes = page.evaluate(
        "() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth})"
    )
    assert sizes["scrollWidth"] <= sizes["innerWidth"], sizes
