"""What people do in the Django admin, as a browser does it: log in, pick from an autocomplete,
add a related object through the "+" popup."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests import factories


def log_in(page: Page, user: Any) -> None:
    """Through the login form, with the right password: django-axes counts failures."""
    page.goto("/admin/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def choose(page: Page, select_id: str, text: str) -> None:
    """Pick `text` in a select2 autocomplete (the admin's autocomplete_fields)."""
    page.locator(f"#{select_id} + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def add_through_popup(page: Page, link_id: str, fields: dict[str, str]) -> None:
    """Click a "+" link, fill the new object's form in the popup window, and save it; the
    admin then closes the popup and selects the new object in the field."""
    with page.expect_popup() as opened:
        page.locator(f"#{link_id}").click()
    popup = opened.value
    for label, value in fields.items():
        popup.get_by_label(label).fill(value)
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()


def selected(page: Page, select_id: str) -> list[str]:
    """The texts of a select's chosen options (what select2 shows as chosen)."""
    return page.locator(f"#{select_id}").evaluate(
        "select => Array.from(select.selectedOptions, option => option.text)"
    )
