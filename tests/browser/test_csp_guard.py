"""The browser tests' CSP guard catches what the policy blocks, so a page that breaks the
Content-Security-Policy cannot pass a browser test unnoticed (tests/browser/conftest.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from newsroom.csp import headers_for
from tests import factories
from tests.browser.accessibility import audit
from tests.browser.conftest import assert_no_csp_violations, assert_no_script_errors

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PLANTED = """<!DOCTYPE html>
<html lang="en"><head><title>Planted</title>
<style>p { color: red; }</style></head>
<body><p style="font-weight: bold">A page breaking the policy three ways.</p>
<script>document.title = "inline script ran";</script></body></html>"""


def serve_planted_page(route: Route) -> None:
    """A page on the site's own origin, with the site's own headers, that breaks the policy."""
    route.fulfill(status=200, content_type="text/html", headers=headers_for(), body=PLANTED)


def test_a_page_with_inline_script_and_style_is_blocked_and_recorded(
    page: Page, csp_violations: list[str]
):
    page.route("**/planted-violation/", serve_planted_page)
    page.goto("/planted-violation/")
    page.evaluate("0")  # delivers the reports the page sent while loading

    assert page.title() == "Planted"  # the inline script did not run
    blocked = " ".join(csp_violations)
    assert "script-src-elem blocked inline" in blocked
    assert "style-src-elem blocked inline" in blocked
    assert "style-src-attr blocked inline" in blocked
    with pytest.raises(pytest.fail.Exception, match="Content-Security-Policy violations"):
        assert_no_csp_violations(csp_violations)
    csp_violations.clear()  # planted on purpose: the guard must not fail this test


def test_an_uncaught_script_error_is_recorded_and_fails_the_test(
    page: Page, script_errors: list[str]
):
    page.route("**/planted-error/", serve_page_with_a_failing_script)
    page.route("**/planted-error.js", serve_failing_script)
    page.goto("/planted-error/")
    page.evaluate("0")
    assert any("planted failure" in error for error in script_errors)
    with pytest.raises(pytest.fail.Exception, match="Uncaught script errors"):
        assert_no_script_errors(script_errors)
    script_errors.clear()  # planted on purpose: the guard must not fail this test


def serve_page_with_a_failing_script(route: Route) -> None:
    body = (
        '<!DOCTYPE html><html lang="en"><head><title>Planted</title></head><body>'
        '<p>A script that throws.</p><script src="/planted-error.js"></script></body></html>'
    )
    route.fulfill(status=200, content_type="text/html", headers=headers_for(), body=body)


def serve_failing_script(route: Route) -> None:
    body = 'throw new Error("planted failure");'
    route.fulfill(status=200, content_type="text/javascript", headers=headers_for(), body=body)


def test_a_story_page_with_its_json_ld_records_no_violation(
    page: Page, csp_violations: list[str], reporter, editor
):
    """JSON-LD is an inline <script>, but of a type the browser does not run: the CSP lets it be."""
    story = factories.make_full_story(reporter, editor, headline="Tide gauge moved to the pier")
    page.goto(story.get_absolute_url())
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    page.evaluate("0")
    assert csp_violations == []


@pytest.mark.parametrize("width", [1280, 375])
def test_the_api_reference_shows_every_endpoint_with_no_violation(
    new_context, csp_violations: list[str], artefacts, axe_notes: list[str], width: int
):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto("/api/v1/docs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Newsroom content API")
    expect(page.locator(".api-endpoint")).to_have_count(11)
    page.goto("/api/v1/docs/#stories_list")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=artefacts / f"api-reference-{width}.png")
    assert audit(page, f"api-reference-{width}", artefacts, axe_notes) == []
    page.evaluate("0")
    assert csp_violations == []
