"""Abuse defences: honeypot, links, blocklist, per-client rate limit, safe logs (issue 4 item 4;
SECURITY.md B2, B6, B9, B10, B16, B17)."""

import logging
import math
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from comments import moderation
from comments.forms import HONEYPOT_FIELD
from comments.models import Comment
from edge.clients import check_trusted_proxies
from tests.comments_support import send
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db

SENT = "Thanks — your comment is awaiting moderation."


@pytest.fixture
def story(reporter, editor, time_machine, settings):
    """A live story, with the clock at the start of a rate-limit window.

    The limit counts in fixed windows; starting at a window's edge keeps every count in these
    tests inside one window, whatever the time of day the suite runs.
    """
    period = settings.COMMENTS_RATE_PERIOD
    window_start = math.ceil(time.time() / period) * period
    time_machine.move_to(datetime.fromtimestamp(window_start, UTC), tick=False)
    return make_article(reporter, status="published", editor=editor)


def sent_notice(client, response):
    assert response.status_code == 302
    return parse(client.get(response["Location"])).select_one("#comments .comment-notice").text


# -- honeypot (B9) ---------------------------------------------------------------------------


def test_a_filled_honeypot_looks_like_success_but_is_held_as_spam(
    client, story, time_machine, caplog
):
    caplog.set_level(logging.INFO, logger="comments")
    response = send(client, story, time_machine, **{HONEYPOT_FIELD: "http://spam.example"})
    assert sent_notice(client, response) == SENT
    comment = Comment.objects.get()
    assert (comment.status, comment.spam_reason) == ("spam", "honeypot")
    assert any('spam="honeypot"' in record.getMessage() for record in caplog.records)


def test_the_honeypot_is_hidden_from_people_and_from_autofill(client, story):
    page = parse(client.get(story.get_absolute_url()))
    trap = page.select_one(f"input[name={HONEYPOT_FIELD}]")
    assert trap["autocomplete"] == "off"
    assert trap["tabindex"] == "-1"
    wrapper = trap.find_parent(class_="comment-trap")
    assert wrapper["aria-hidden"] == "true"
    assert not wrapper.has_attr("style")
    assert HONEYPOT_FIELD not in {"name", "email", "url", "website", "phone", "address"}


def test_the_honeypot_can_be_switched_off(client, story, settings, time_machine):
    settings.COMMENTS_HONEYPOT = False
    send(client, story, time_machine, **{HONEYPOT_FIELD: "autofilled"})
    assert Comment.objects.get().status == "pending"


# -- links (B2) ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, status",
    [
        ("One source: https://example.org/report", "pending"),
        ("See https://a.example, www.b.example and c.example/page", "spam"),
        (" ".join(f"https://site{n}.example" for n in range(10)), "spam"),
        ("hxxp://a.example hxxp://b.example hxxp://c.example", "spam"),
        ("пример.рф, xn--e1afmkfd.xn--p1ai and münchen.example", "spam"),
        ('Link with a quote: https://a.example/"onmouseover=alert(1)', "pending"),
        ("The vote was 3.5 to 1.2, e.g. a tie; the U.S. view differs.", "pending"),
    ],
)
def test_more_links_than_allowed_are_held_as_spam_for_review(
    client, story, time_machine, body, status
):
    response = send(client, story, time_machine, body=body)
    assert sent_notice(client, response) == SENT
    comment = Comment.objects.get()
    assert comment.status == status
    assert comment.spam_reason == ("links" if status == "spam" else "")


def test_links_are_never_turned_into_anchors(client, story, editor):
    send_body = 'Read https://example.org/"onmouseover=alert(1) now'
    comment = Comment.objects.create(article=story, name="A", email="a@a.example", body=send_body)
    moderation.approve(comment, editor)
    text = parse(client.get(story.get_absolute_url())).select_one(".comment-text")
    assert not text.select("a")
    assert text.text.strip() == send_body


# -- blocklist (B6, B16) ---------------------------------------------------------------------


@pytest.fixture
def blocklist(settings):
    settings.COMMENTS_BLOCKLIST = ["ass", "casino", "payday loan"]


@pytest.mark.parametrize(
    "body",
    [
        "Try the casino tonight",
        "CASINO!",
        "c\u200basino with a zero-width space",
        "ｃａｓｉｎｏ in full width",
        "cаsino with a Cyrillic a",
        "c4s1n0 in leetspeak",
        "a payday   loan",
        "what an ass",
    ],
)
def test_blocklisted_words_and_their_disguises_are_held_as_spam(
    client, story, time_machine, blocklist, body
):
    assert sent_notice(client, send(client, story, time_machine, body=body)) == SENT
    comment = Comment.objects.get()
    assert (comment.status, comment.spam_reason) == ("spam", "blocklist")


@pytest.mark.parametrize("body", ["A careful assessment", "The casinos' tax", "Class act, Cassie"])
def test_a_blocked_word_inside_a_longer_word_is_not_flagged(
    client, story, time_machine, blocklist, body
):
    send(client, story, time_machine, body=body)
    assert Comment.objects.get().status == "pending"


@pytest.mark.parametrize("name", ["Editor", "The Editor", "Еditor", "Ed\u200ditor", "ADM1N"])
def test_a_name_impersonating_the_newsroom_is_held_for_review(client, story, time_machine, name):
    send(client, story, time_machine, name=name)
    comment = Comment.objects.get()
    assert (comment.status, comment.spam_reason) == ("spam", "impersonation")


# -- rate limit (B10) ------------------------------------------------------------------------


def test_the_sixth_comment_in_ten_minutes_is_a_readable_429(client, story, time_machine):
    for n in range(5):
        assert send(client, story, time_machine, body=f"Comment {n}").status_code == 302
    response = send(client, story, time_machine, body="One too many, but kept.")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert "no-store" in response["Cache-Control"]
    assert form_fields(response, "comment-form")["body"] == "One too many, but kept."
    assert "several comments in a short time" in parse(response).select_one(".comment-notice").text
    assert Comment.objects.count() == 5


def test_the_limit_resets_after_the_period(client, story, time_machine, settings):
    for n in range(6):
        send(client, story, time_machine, body=f"Comment {n}")
    time_machine.move_to(timezone.now() + timedelta(seconds=settings.COMMENTS_RATE_PERIOD))
    assert send(client, story, time_machine, body="Later").status_code == 302


def test_a_spoofed_forwarded_for_does_not_reset_the_bucket(story, time_machine):
    for n in range(8):
        client = Client(headers={"X-Forwarded-For": f"203.0.113.{n}"})
        send(client, story, time_machine, body=f"Spoofed {n}")
    assert Comment.objects.count() == 5
    assert set(Comment.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


def test_behind_a_trusted_proxy_each_reader_has_their_own_bucket(story, time_machine, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    for n in range(3):
        for attempt in range(3):
            client = Client(
                REMOTE_ADDR="10.0.0.2",
                headers={"X-Forwarded-For": f"198.51.100.99, 203.0.113.{n}, 10.0.0.1"},
            )
            send(client, story, time_machine, body=f"Reader {n} attempt {attempt}")
    addresses = sorted(Comment.objects.values_list("ip_address", flat=True))
    assert addresses == sorted(f"203.0.113.{n}" for n in range(3) for _ in range(3))


def test_a_trusted_proxy_does_not_let_its_clients_spoof_the_hop_before_it(
    story, time_machine, settings
):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for n in range(8):
        client = Client(
            REMOTE_ADDR="10.0.0.1", headers={"X-Forwarded-For": f"192.0.2.{n}, 203.0.113.7"}
        )
        send(client, story, time_machine, body=f"Spoofed {n}")
    assert Comment.objects.count() == 5


def test_a_mistyped_trusted_proxy_fails_the_system_check(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "load-balancer"]
    errors = check_trusted_proxies()
    assert [error.id for error in errors] == ["newsroom.E002"]
    assert "'load-balancer'" in errors[0].msg


def test_one_ipv6_64_block_shares_a_bucket(story, time_machine):
    for n in range(20):
        client = Client(REMOTE_ADDR=f"2001:db8:1:2::{n + 1:x}")
        send(client, story, time_machine, body=f"From the same block {n}")
    assert Comment.objects.count() == 5
    other = Client(REMOTE_ADDR="2001:db8:1:3::1")
    assert send(other, story, time_machine, body="Next block").status_code == 302


def test_a_reader_still_reads_the_story_while_a_client_is_limited(client, story, time_machine):
    for n in range(10):
        send(client, story, time_machine, body=f"Flood {n}")
    assert Client().get(story.get_absolute_url()).status_code == 200


def test_the_rate_limit_is_configurable(client, story, time_machine, settings):
    settings.COMMENTS_RATE_LIMIT = 2
    statuses = [send(client, story, time_machine, body=f"C {n}").status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    settings.COMMENTS_RATE_LIMIT = 0
    assert send(client, story, time_machine, body="Unlimited").status_code == 302


# -- what moderators see, and the logs (B17) -------------------------------------------------


def test_the_client_address_and_browser_are_stored_for_moderators(story, time_machine):
    client = Client(REMOTE_ADDR="198.51.100.7", headers={"User-Agent": "Reader/1.0 " + "x" * 400})
    send(client, story, time_machine)
    comment = Comment.objects.get()
    assert comment.ip_address == "198.51.100.7"
    assert comment.user_agent.startswith("Reader/1.0") and len(comment.user_agent) == 300


def test_log_lines_cannot_be_forged_and_hold_no_email_or_text(client, story, time_machine, caplog):
    caplog.set_level(logging.INFO, logger="comments")
    forged = "Bob\n2026-11-24 ERROR admin login ok user=admin\x1b[31m"
    email = "bob.private@mail.example"
    body = "A distinctive sentence that must stay out of the logs."
    send(client, story, time_machine, name=forged, email=email, body=body)  # invalid name
    send(client, story, time_machine, name="Bob", email=email, body=body)  # stored
    for n in range(6):
        send(client, story, time_machine, name="Bob", email=email, body=f"{n} {body}")
    lines = [record.getMessage() for record in caplog.records if record.name == "comments"]
    events = [line.split()[1] for line in lines]
    assert {"invalid", "stored", "rate-limited"} <= set(events)
    for line in lines:
        assert "\n" not in line and "\x1b" not in line and "\r" not in line
        assert email not in line and "distinctive sentence" not in line
    assert any("\\n2026-11-24 ERROR" in line and "\\x1b[31m" in line for line in lines)
