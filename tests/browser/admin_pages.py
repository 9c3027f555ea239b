"""What people do in the Django admin and the story editor, as a browser does it: log in, pick
from an autocomplete, add a part of a story where it goes, add to the library in place."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests import factories


def log_in(page: Page, user: Any) -> None:
    """Through both steps of the login: the right password (django-axes counts failures),
    then the code the user's authenticator app shows, computed from the device's secret."""
    device = factories.give_authenticator(user)
    log_in_with_password(page, user)
    page.get_by_label("Code from your authenticator app").fill(factories.unused_code(device))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_in_with_password(page: Page, user: Any) -> None:
    """The first step only: for an account with a device, the code step comes next; for one
    that must enrol, the setup page."""
    page.goto("/admin/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()


def choose(page: Page, select_id: str, text: str) -> None:
    """Pick `text` in a select2 autocomplete (the admin's autocomplete_fields)."""
    pick(page, page.locator(f"#{select_id}"), text)


def pick(page: Page, select: Locator, text: str) -> None:
    """Pick `text` in the select2 autocomplete drawn beside `select`."""
    select.locator("xpath=following-sibling::span[contains(@class, 'select2')][1]").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


# -- the story editor ------------------------------------------------------------------------

NEW_STORY = "/admin/articles/article/add/"


def editor_address(article: Any) -> str:
    return f"/admin/articles/article/{article.pk}/change/"


def open_story_editor(page: Page, address: str) -> None:
    """Open the editor and wait for its first live check (its script has started by then,
    so what is typed next counts as an edit)."""
    page.goto(address)
    expect(page.locator("[data-checklist]")).not_to_contain_text("Checked as you write.")


def add_part(page: Page, button: str) -> Locator:
    """Click a "+ Add …" button of the story editor; the new row, at the end of its list."""
    add = page.get_by_role("button", name=button)
    add.click()
    return add.locator("xpath=preceding-sibling::ol[@data-part-list][1]/li[last()]")


def create_in_place(page: Page, opener: Locator, fields: dict[str, str], submit: str) -> None:
    """Open a "New source" or "New person" form, fill it and send it; it closes once the
    library has the new entry (no pop-up window)."""
    opener.click()
    box = page.get_by_role("group", name=submit)
    for label, value in fields.items():
        box.get_by_label(label, exact=True).fill(value)
    box.get_by_role("button", name=submit).click()
    expect(box).to_have_count(0)


def save_story(page: Page) -> None:
    """The toolbar's Save (stays on the editor)."""
    page.locator(".editor-toolbar").get_by_role("button", name="Save", exact=True).click()


def selected(page: Page, select_id: str) -> list[str]:
    """The texts of a select's chosen options (what an autocomplete shows as chosen)."""
    return page.locator(f"#{select_id}").evaluate(
        "select => Array.from(select.selectedOptions, option => option.text)"
    )
