"""How long comments are kept: `manage.py purge_comments` removes rejected and spam comments
some days after the decision and blanks every comment's client address and browser some days
after it was sent (issue 21 item 4)."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments import moderation, reports
from comments.models import Comment
from tests.comments_support import form_url, make_comment
from tests.factories import make_article
from tests.html import parse
from tests.trust_support import write_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


@pytest.fixture
def days(settings):
    settings.COMMENTS_REJECTED_RETENTION_DAYS = 90
    settings.COMMENTS_CLIENT_DATA_DAYS = 30
    return settings


def purge() -> str:
    out = StringIO()
    call_command("purge_comments", stdout=out)
    return out.getvalue()


def exists(comment: Comment) -> bool:
    return Comment.objects.filter(pk=comment.pk).exists()


def decided(story, editor, decision: str, **fields) -> Comment:
    comment = make_comment(story, status="pending", **fields)
    return moderation.decide(comment, editor, decision)


def test_rejected_and_spam_comments_go_the_set_number_of_days_after_the_decision(
    story, editor, days, time_machine
):
    time_machine.move_to(timezone.now() - timedelta(days=91))
    old_rejected = decided(story, editor, moderation.REJECT)
    old_spam = decided(story, editor, moderation.SPAM)
    old_approved = decided(story, editor, moderation.APPROVE)
    time_machine.move_to(timezone.now() + timedelta(days=2))
    recent_rejected = decided(story, editor, moderation.REJECT)
    time_machine.move_to(timezone.now() + timedelta(days=89))
    output = purge()
    assert "Removed 2 rejected or spam comment(s) decided more than 90 day(s) ago." in output
    assert not exists(old_rejected)
    assert not exists(old_spam)
    assert exists(old_approved)
    assert exists(recent_rejected)


def test_spam_the_machine_held_stays_until_an_editor_decides(story, editor, days, time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=400))
    held = make_comment(story, status="spam", spam_reason="links")
    waiting = make_comment(story, status="pending")
    time_machine.move_to(timezone.now() + timedelta(days=400))
    purge()
    assert exists(held)
    assert exists(waiting)
    moderation.mark_spam(held, editor)  # confirmed today: 90 days from now
    purge()
    assert exists(held)


def test_a_comment_rejected_late_is_kept_for_the_days_after_its_rejection(
    story, editor, days, time_machine
):
    time_machine.move_to(timezone.now() - timedelta(days=200))
    comment = make_comment(story, status="pending")
    time_machine.move_to(timezone.now() + timedelta(days=150))
    moderation.reject(comment, editor)
    time_machine.move_to(timezone.now() + timedelta(days=50))
    purge()
    assert exists(comment)


def test_client_address_and_browser_are_blanked_after_the_set_days(story, days, time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=31))
    old = make_comment(story, ip_address="198.51.100.7", user_agent="Firefox/140")
    old_pending = make_comment(story, status="pending", ip_address="2001:db8::9", user_agent="X")
    time_machine.move_to(timezone.now() + timedelta(days=2))
    fresh = make_comment(story, ip_address="198.51.100.8", user_agent="Safari/19")
    time_machine.move_to(timezone.now() + timedelta(days=29))
    output = purge()
    assert "Blanked the client address and browser of 2 comment(s)" in output
    for comment in (old, old_pending):
        comment.refresh_from_db()
        assert (comment.ip_address, comment.user_agent) == (None, "")
    fresh.refresh_from_db()
    assert (fresh.ip_address, fresh.user_agent) == ("198.51.100.8", "Safari/19")
    old.refresh_from_db()
    assert old.body and old.name and old.email  # only the client data goes


def test_a_second_run_finds_nothing_more_to_do(story, editor, days, time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=100))
    decided(story, editor, moderation.REJECT, ip_address="198.51.100.7")
    make_comment(story, ip_address="198.51.100.8")
    time_machine.move_to(timezone.now() + timedelta(days=100))
    first = purge()
    assert "Removed 1 " in first and "browser of 1 comment(s)" in first
    second = purge()
    assert "Removed 0 " in second and "browser of 0 comment(s)" in second


def test_zero_switches_each_rule_off(story, editor, settings, time_machine):
    settings.COMMENTS_REJECTED_RETENTION_DAYS = 0
    settings.COMMENTS_CLIENT_DATA_DAYS = 0
    time_machine.move_to(timezone.now() - timedelta(days=3000))
    rejected = decided(story, editor, moderation.REJECT, ip_address="198.51.100.7")
    time_machine.move_to(timezone.now() + timedelta(days=3000))
    output = purge()
    assert "kept (COMMENTS_REJECTED_RETENTION_DAYS=0)" in output
    assert "kept (COMMENTS_CLIENT_DATA_DAYS=0)" in output
    rejected.refresh_from_db()
    assert rejected.ip_address == "198.51.100.7"


def test_removing_a_rejected_comment_takes_its_hidden_replies_with_it(
    story, editor, days, time_machine
):
    time_machine.move_to(timezone.now() - timedelta(days=100))
    parent = make_comment(story)
    reply = make_comment(story, parent=parent)
    moderation.reopen(parent, editor)
    moderation.reject(Comment.objects.get(pk=parent.pk), editor)
    time_machine.move_to(timezone.now() + timedelta(days=100))
    purge()
    assert not exists(parent)
    assert not exists(reply)


def test_approved_comments_are_never_removed(story, days, time_machine):
    time_machine.move_to(timezone.now() - timedelta(days=5000))
    approved = make_comment(story)
    time_machine.move_to(timezone.now() + timedelta(days=5000))
    purge()
    assert exists(approved)


# -- what the form tells the reader ------------------------------------------------------------


def privacy_line(client, story) -> str:
    line = parse(client.get(story.get_absolute_url())).select_one("#comment-form .comment-privacy")
    return " ".join(line.text.split())


def test_the_privacy_line_says_what_is_kept_and_for_how_long_from_the_settings(
    client, story, settings
):
    settings.COMMENTS_CLIENT_DATA_DAYS = 14
    settings.COMMENTS_REJECTED_RETENTION_DAYS = 60
    line = privacy_line(client, story)
    assert "Your name and comment are shown once an editor approves it." in line
    assert "Your email address is never shown; we use it only to contact you" in line
    assert "kept for 14 days to fight abuse" in line
    assert "Comments we reject are deleted 60 days after the decision." in line


def test_the_privacy_line_points_to_the_feedback_page_once_it_is_written(client, story, editor):
    assert "write to the newsroom" in privacy_line(client, story)
    write_policy(editor, "feedback", body="Write to desk@ledger.example.")
    page = parse(client.get(story.get_absolute_url()))
    link = page.select_one("#comment-form .comment-privacy a")
    assert link["href"] == "/about/feedback/"
    assert link.text == "contact us"


def test_the_privacy_line_is_also_under_the_form_on_its_own_page(client, story):
    assert parse(client.get(form_url(story))).select_one("#comment-form .comment-privacy")


# -- readers' reports ----------------------------------------------------------------------------


def test_a_reports_reader_hash_is_forgotten_after_the_client_data_days(story, days, time_machine):
    comment = make_comment(story)
    time_machine.move_to(timezone.now() - timedelta(days=31))
    reports.report(comment, "abuse", "Old note.", "198.51.100.7")
    time_machine.move_to(timezone.now() + timedelta(days=2))
    reports.report(comment, "spam", "", "198.51.100.8")
    time_machine.move_to(timezone.now() + timedelta(days=29))
    output = purge()
    assert "Forgot the reader behind 1 report(s) made more than 30 day(s) ago." in output
    old, fresh = comment.reports.order_by("created_at")
    assert old.client == ""
    assert (old.reason, old.note) == ("abuse", "Old note.")  # what the editor reads stays
    assert fresh.client == reports.client_key("198.51.100.8")
    assert "Forgot the reader behind 0 report(s)" in purge()


def test_a_reader_whose_old_report_was_forgotten_counts_again(story, days, time_machine):
    comment = make_comment(story)
    time_machine.move_to(timezone.now() - timedelta(days=31))
    reports.report(comment, "abuse", "", "198.51.100.7")
    time_machine.move_to(timezone.now() + timedelta(days=31))
    assert not reports.report(comment, "abuse", "", "198.51.100.7").counted
    purge()
    assert reports.report(comment, "abuse", "", "198.51.100.7").counted
    assert comment.reports.count() == 2


def test_report_hashes_are_kept_when_the_client_data_rule_is_off(story, settings, time_machine):
    settings.COMMENTS_CLIENT_DATA_DAYS = 0
    comment = make_comment(story)
    time_machine.move_to(timezone.now() - timedelta(days=3000))
    reports.report(comment, "abuse", "", "198.51.100.7")
    time_machine.move_to(timezone.now() + timedelta(days=3000))
    assert "hashes are kept (COMMENTS_CLIENT_DATA_DAYS=0)" in purge()
    assert comment.reports.get().client == reports.client_key("198.51.100.7")
