"""The browser tests' CSP guard catches what the policy blocks, so a page that breaks the
Content-Security-Policy cannot pass a browser test unnoticed (tests/browser/conftest.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route

from newsroom.csp import headers_for
from tests.browser.conftest import assert_no_csp_violations

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


def test_the_sites_own_pages_record_no_violation(page: Page, csp_violations: list[str]):
    page.goto("/")
    page.evaluate("0")
    assert csp_violations == []
