"""Readers' reports and commenters' data in a real browser: a reader reports a comment from the
thread with JavaScript off; the report page, the thanks, the queue with reports and the
commenter data page have no serious accessibility problem, light or dark."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from comments import reports
from comments.models import Comment, Report
from tests import factories
from tests.browser.accessibility import audit
from tests.browser.admin_pages import log_in
from tests.comments_support import make_comment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def story(reporter, editor):
    return factories.make_full_story(reporter, editor, headline="Night ferry loses two sailings")


@pytest.fixture
def comment(story):
    return make_comment(
        story, name="Larry", email="larry@mail.example", body="Everyone at the pier is a crook."
    )


def test_without_javascript_a_reader_reports_a_comment_from_the_thread(new_context, comment, story):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(story.get_absolute_url())
    page.get_by_role("link", name="Report the comment from Larry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report a comment")
    page.get_by_label("Abuse or harassment").check()
    page.get_by_label("Anything the editors should know (optional)").fill("Name-calling.")
    page.get_by_role("button", name="Send report").click()
    expect(page).to_have_url(re.compile(r"/comments/\d+/report/thanks/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your report")
    report = Report.objects.get()
    assert (report.comment_id, report.reason, report.note) == (comment.pk, "abuse", "Name-calling.")


def _both_schemes(page: Page, name: str, artefacts, notes) -> list[str]:
    blocking = audit(page, name, artefacts, notes)
    page.emulate_media(color_scheme="dark")
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished))")
    return blocking + audit(page, f"{name}-dark", artefacts, notes)


def test_the_report_pages_have_no_serious_accessibility_violations(
    page: Page, comment, artefacts, axe_notes
):
    page.goto(f"/comments/{comment.pk}/report/")
    blocking = _both_schemes(page, "comment-report", artefacts, axe_notes)
    page.emulate_media(color_scheme="light")
    page.get_by_label("Off topic").check()
    page.get_by_label("Anything the editors should know (optional)").fill("n" * 501)
    page.get_by_role("button", name="Send report").click()
    expect(page.locator("#report-form")).to_contain_text("this one has 501")
    blocking += _both_schemes(page, "comment-report-with-errors", artefacts, axe_notes)
    page.emulate_media(color_scheme="light")
    page.get_by_label("Anything the editors should know (optional)").fill("Off the subject.")
    page.get_by_role("button", name="Send report").click()
    blocking += _both_schemes(page, "comment-reported", artefacts, axe_notes)
    assert blocking == []


def test_the_queue_with_reports_and_the_commenter_data_page_are_accessible(
    page: Page, editor, comment, artefacts, axe_notes, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    reports.report(comment, "abuse", "Calls people crooks.", "192.0.2.1")
    reports.report(comment, "personal", "", "192.0.2.2")
    assert Comment.objects.get(pk=comment.pk).status == "pending"
    log_in(page, editor)
    page.goto("/admin/comments/comment/")
    expect(page.locator(".queue-reports")).to_contain_text("Reported by 2 readers:")
    blocking = _both_schemes(page, "admin-comment-queue-reports", artefacts, axe_notes)
    page.emulate_media(color_scheme="light")
    page.get_by_role("link", name="Commenter data").click()
    page.get_by_label("Email address").fill("LARRY@mail.example")
    page.get_by_role("button", name="Find comments").click()
    expect(page.locator("#commenter-comments tbody tr")).to_have_count(1)
    page.get_by_role("button", name="Delete…").click()
    expect(page.locator(".commenter-data-confirm")).to_contain_text("1 comment will be deleted")
    blocking += _both_schemes(page, "admin-commenter-data-confirm", artefacts, axe_notes)
    page.emulate_media(color_scheme="light")
    page.get_by_role("button", name="Delete these comments").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "Deleted 1 comment sent with this address."
    )
    assert not Comment.objects.exists()
    assert blocking == []
