"""Readers report a comment: a Report link under each approved comment, a short form without
JavaScript, one report per reader and comment, and at the threshold the comment goes back to
the moderation queue with its reports (issue 21 item 5)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from comments import moderation, reports
from comments.models import Comment, Report
from tests.comments_support import make_comment
from tests.factories import make_article
from tests.html import form_fields, parse
from tests.page_cache_support import cached, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor, headline="Ferry fares rise")


@pytest.fixture
def comment(story):
    return make_comment(story, name="Gwen", body="The ferry company is run by crooks.")


def report_url(comment: Comment) -> str:
    return f"/comments/{comment.pk}/report/"


def reader(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def report_as(address: str, comment: Comment, reason: str = "abuse", note: str = ""):
    """A reader at `address` opens the report page and sends it, as a browser would."""
    client = reader(address)
    data = form_fields(client.get(report_url(comment)), "report-form")
    data.update(reason=reason, note=note)
    return client.post(report_url(comment), data)


def status_of(comment: Comment) -> str:
    return Comment.objects.get(pk=comment.pk).status


# -- the link and the page ------------------------------------------------------------------


def test_each_approved_comment_and_reply_has_a_plain_report_link(client, story, comment):
    reply = make_comment(story, parent=comment, body="Strong words, but fair.")
    page = parse(client.get(story.get_absolute_url()))
    links = [a["href"] for a in page.select("#comments a.comment-report")]
    assert links == [report_url(comment), report_url(reply)]
    assert page.select_one(f"#comment-{comment.pk} a.comment-report")["rel"] == ["nofollow"]


def test_the_thread_with_report_links_is_still_served_from_the_page_cache(
    client, story, comment, page_cache
):
    assert report_url(comment) in text(cached(client, story.get_absolute_url()))


def test_the_report_page_shows_the_comment_and_a_short_list_of_reasons(client, comment):
    response = client.get(report_url(comment))
    assert response.status_code == 200
    page = parse(response)
    assert "crooks" in page.select_one(".comment-replying blockquote").text
    reasons = [radio["value"] for radio in page.select('#report-form input[name="reason"]')]
    assert reasons == ["spam", "abuse", "off-topic", "personal", "other"]
    assert page.select_one('#report-form textarea[name="note"]') is not None
    assert page.select_one('#report-form input[name="csrfmiddlewaretoken"]')["value"]


def test_the_report_page_says_what_is_kept_of_the_reader_and_for_how_long(
    client, comment, settings
):
    settings.COMMENTS_CLIENT_DATA_DAYS = 21
    line = " ".join(
        parse(client.get(report_url(comment))).select_one("#report-privacy").text.split()
    )
    assert line == (
        "We keep your reason and note with the comment. We do not keep your internet address, "
        "only a code made from it so that you count once, and that code for 21 days."
    )
    settings.COMMENTS_CLIENT_DATA_DAYS = 0
    line = parse(client.get(report_url(comment))).select_one("#report-privacy").text
    assert line.endswith("so that you count once.")


def test_the_report_page_and_the_thanks_are_never_cached(client, comment):
    sent = report_as("192.0.2.1", comment)
    for response in (client.get(report_url(comment)), sent, client.get(sent["Location"])):
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_a_report_without_javascript_says_thanks_and_links_back_to_the_story(comment, story):
    response = report_as("192.0.2.1", comment, reason="off-topic", note="Not about fares.")
    assert response.status_code == 302
    thanks = reader("192.0.2.1").get(response["Location"])
    assert thanks.status_code == 200
    page = parse(thanks)
    assert page.select_one("h1").text == "Thank you for your report"
    assert page.select_one(f'a[href="{story.get_absolute_url()}#comments"]') is not None
    stored = Report.objects.get()
    assert (stored.comment_id, stored.reason, stored.note) == (
        comment.pk,
        "off-topic",
        "Not about fares.",
    )


def test_a_report_stores_no_client_address(comment):
    report_as("203.0.113.77", comment)
    stored = Report.objects.get()
    assert "203.0.113.77" not in stored.client
    assert stored.client == reports.client_key("203.0.113.77")


@pytest.mark.parametrize("comment_status", ["pending", "rejected", "spam"])
def test_a_comment_that_is_not_on_the_site_cannot_be_reported(client, story, comment_status):
    hidden = make_comment(story, status=comment_status)
    assert client.get(report_url(hidden)).status_code == 404
    assert client.post(report_url(hidden), {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_a_comment_on_a_story_taken_down_cannot_be_reported(client, reporter):
    draft = make_article(reporter, status="draft")
    hidden = make_comment(draft)
    assert client.get(report_url(hidden)).status_code == 404


@pytest.mark.parametrize("comment_id", ["0", "999999", str(2**63), str(10**400)])
def test_unknown_and_huge_ids_are_a_friendly_404(client, comment_id):
    url = f"/comments/{comment_id}/report/"
    for response in (client.get(url), client.post(url, {"reason": "spam"})):
        assert response.status_code == 404
        assert "Report a comment" not in text(response)


@pytest.mark.parametrize("path", ["/comments/-1/report/", "/comments/abc/report/"])
def test_ids_that_are_not_numbers_are_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("comment_id", ["0", "999999", str(10**400)])
def test_the_thanks_for_an_unknown_comment_is_the_same_thanks_linking_the_front_page(
    client, comment_id
):
    response = client.get(f"/comments/{comment_id}/report/thanks/")
    assert response.status_code == 200
    assert parse(response).select_one('main a[href="/"]') is not None


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "rude", "spam' OR 1=1 --", "x" * 10_000, "\x00"])
def test_an_unknown_reason_brings_the_form_back_with_a_message_and_the_note(comment, reason):
    response = report_as("192.0.2.1", comment, reason=reason, note="Please look at this.")
    assert response.status_code == 400
    page = parse(response)
    assert (
        page.select_one("#report-form textarea[name=note]").text.strip() == "Please look at this."
    )
    assert "Choose" in page.select_one("#report-form").text
    assert not Report.objects.exists()


def test_a_long_note_is_refused_with_its_length_and_kept(comment):
    note = "n" * 501
    response = report_as("192.0.2.1", comment, note=note)
    assert response.status_code == 400
    page = parse(response)
    assert "this one has 501" in page.text
    assert page.select_one("#report-form textarea[name=note]").text.strip() == note
    assert not Report.objects.exists()


def test_control_characters_in_a_note_are_refused_not_stored(comment):
    assert report_as("192.0.2.1", comment, note="bad\x1b[2Jnote").status_code == 400
    assert not Report.objects.exists()


def test_a_report_without_the_csrf_token_is_refused(comment):
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.1")
    response = client.post(report_url(comment), {"reason": "spam"})
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_the_report_page_refuses_other_methods(client, comment):
    assert client.put(report_url(comment)).status_code == 405


# -- the threshold --------------------------------------------------------------------------


def test_reports_below_the_threshold_leave_the_comment_on_the_page(
    client, story, comment, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 3
    report_as("192.0.2.1", comment)
    report_as("192.0.2.2", comment, reason="spam")
    assert status_of(comment) == "approved"
    assert "crooks" in text(client.get(story.get_absolute_url()))


def test_at_the_threshold_the_comment_goes_back_to_the_queue_and_off_the_page(
    client, story, comment, settings, page_cache, committed
):
    settings.COMMENTS_REPORT_THRESHOLD = 3
    url = story.get_absolute_url()
    assert "crooks" in text(cached(client, url))
    report_as("192.0.2.1", comment)
    report_as("192.0.2.2", comment, reason="spam")
    with committed():
        response = report_as("192.0.2.3", comment, reason="personal")
    assert response.status_code == 302
    assert status_of(comment) == "pending"
    assert Report.objects.filter(comment=comment).count() == 3
    assert "crooks" not in text(client.get(url))


def test_the_reader_sees_the_same_thanks_whether_or_not_the_threshold_was_reached(
    comment, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    first = report_as("192.0.2.1", comment)
    second = report_as("192.0.2.2", comment)
    assert status_of(comment) == "pending"
    assert first["Location"] == second["Location"]
    one, two = (reader("192.0.2.9").get(r["Location"]) for r in (first, second))
    assert parse(one).select_one("main").text == parse(two).select_one("main").text


def test_one_reader_reporting_again_counts_once(comment, settings):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    report_as("192.0.2.1", comment)
    report_as("192.0.2.1", comment, reason="spam")
    assert Report.objects.count() == 1
    assert status_of(comment) == "approved"


def test_readers_in_one_ipv6_network_count_as_one(comment, settings):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    report_as("2001:db8::1", comment)
    report_as("2001:db8::2", comment)
    assert status_of(comment) == "approved"


def test_a_threshold_of_zero_never_takes_a_comment_down(comment, settings):
    settings.COMMENTS_REPORT_THRESHOLD = 0
    for n in range(1, 6):
        report_as(f"192.0.2.{n}", comment)
    assert status_of(comment) == "approved"
    assert Report.objects.count() == 5


def test_the_queue_shows_the_reports_beside_the_comment(editor_client, comment, settings):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    report_as("192.0.2.1", comment, reason="abuse", note="Calls people crooks.")
    report_as("192.0.2.2", comment, reason="personal")
    page = parse(editor_client.get("/admin/comments/comment/"))
    box = page.select_one(".queue-reports")
    assert box.select_one(".queue-reports-count").text.strip() == "Reported by 2 readers:"
    items = [" ".join(li.text.split()) for li in box.select("li")]
    assert items == ["Abuse or harassment: Calls people crooks.", "Personal information"]
    assert "Back in the queue after reports" in page.select_one(".queue-status-name").text


def test_a_comment_pulled_back_by_reports_names_the_approval_it_overrode(
    editor_client, editor, story, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    comment = moderation.approve(make_comment(story, status="pending"), editor)
    report_as("192.0.2.1", comment)
    report_as("192.0.2.2", comment)
    page = parse(editor_client.get("/admin/comments/comment/"))
    line = " ".join(page.select_one(".queue-status-by").text.split())
    assert line.startswith(f"Approved by {editor.get_username()} ")


def test_the_queue_filters_comments_reported_since_the_last_decision_or_ever(
    editor_client, editor, story, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 10
    waiting = make_comment(story, name="Waiting", status="pending")
    never = make_comment(story, name="Never reported")
    open_now = make_comment(story, name="Reported now")
    dealt_with = make_comment(story, name="Dealt with")
    report_as("192.0.2.1", open_now)
    report_as("192.0.2.2", dealt_with)
    moderation.approve(moderation.reopen(Comment.objects.get(pk=dealt_with.pk), editor), editor)

    def listed(query: str) -> set[int]:
        response = editor_client.get(f"/admin/comments/comment/?{query}")
        return {row.pk for row in response.context["cl"].result_list}

    assert listed("reported=open") == {open_now.pk}
    assert listed("reported=ever") == {open_now.pk, dealt_with.pk}
    assert listed("") == {waiting.pk, never.pk, open_now.pk, dealt_with.pk}
    choices = parse(editor_client.get("/admin/comments/comment/")).select("#changelist-filter a")
    assert "Reported since the last decision" in [a.text.strip() for a in choices]


def test_approving_again_deals_with_the_reports_so_they_do_not_pull_it_back(
    editor_client, editor, comment, settings
):
    settings.COMMENTS_REPORT_THRESHOLD = 2
    report_as("192.0.2.1", comment)
    report_as("192.0.2.2", comment)
    moderation.approve(Comment.objects.get(pk=comment.pk), editor)
    assert status_of(comment) == "approved"
    assert reports.open_reports(Comment.objects.get(pk=comment.pk)) == []
    assert parse(editor_client.get("/admin/comments/comment/")).select_one(".queue-reports") is None
    report_as("192.0.2.1", comment)  # the same readers again: already counted
    report_as("192.0.2.2", comment)
    assert status_of(comment) == "approved"
    report_as("192.0.2.3", comment)  # new readers count from the decision on
    assert status_of(comment) == "approved"
    report_as("192.0.2.4", comment)
    assert status_of(comment) == "pending"
    assert Report.objects.filter(comment=comment).count() == 4


def test_reports_older_than_the_last_decision_are_not_open(comment):
    made = Report.objects.create(comment=comment, reason="spam", client="x")
    comment.moderated_at = timezone.now()
    assert not made.is_open(comment)


# -- limits ---------------------------------------------------------------------------------


def test_a_reader_sending_too_many_reports_gets_a_readable_429(story, settings):
    settings.COMMENTS_REPORT_RATE_LIMIT = 2
    settings.COMMENTS_REPORT_THRESHOLD = 100
    targets = [make_comment(story) for _ in range(3)]
    assert report_as("192.0.2.1", targets[0]).status_code == 302
    assert report_as("192.0.2.1", targets[1]).status_code == 302
    response = report_as("192.0.2.1", targets[2], note="Kept for later.")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = parse(response)
    assert "several reports in a short time" in page.select_one(".comment-notice").text
    assert page.select_one("#report-form textarea[name=note]").text.strip() == "Kept for later."
    assert Report.objects.count() == 2
    assert report_as("192.0.2.2", targets[2]).status_code == 302  # another reader is not limited


def test_reporting_never_touches_the_comment_rate_limit(story, settings):
    """A reader who reported comments can still send one of their own."""
    settings.COMMENTS_RATE_LIMIT = 1
    from comments import ratelimit

    for target in [make_comment(story) for _ in range(3)]:
        report_as("192.0.2.1", target)
    assert ratelimit.hit("192.0.2.1").allowed


def test_the_report_service_refuses_an_unknown_reason(comment):
    with pytest.raises(ValueError):
        reports.report(comment, "rude", "", "192.0.2.1")
