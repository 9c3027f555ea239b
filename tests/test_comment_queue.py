"""The moderation queue fits a screen: each comment read whole with its story, the comment it
answers and why the machine held it, and decided with one click on its row (issue 19, part d;
SECURITY.md B14, E6)."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import moderation
from comments.models import OPENING_LENGTH, Comment
from tests.comments_support import make_comment
from tests.factories import make_article, make_user
from tests.html import parse
from tests.test_config_gates import scripting_in

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/comment/"


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor, headline="Ferry fares rise")


def whole_seconds(moment) -> str:
    """As the page writes it: in the newsroom's time zone (an hour off UTC in summer)."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def decide_url(comment: Comment) -> str:
    return f"{QUEUE}{comment.pk}/decide/"


def click(client, comment: Comment, decision: str, **extra):
    """What a row's button sends: the decision form (CSRF token, the queue's filters)."""
    return client.post(decide_url(comment), {"decision": decision, **extra})


def messages_after(response, client) -> list[str]:
    return [str(m) for m in client.get(response["Location"]).context["messages"]]


def row_of(page, comment: Comment):
    rows = [
        row
        for row in page.select("#result_list tbody tr")
        if row.find("input", attrs={"name": "_selected_action", "value": str(comment.pk)})
    ]
    assert len(rows) == 1
    return rows[0]


def buttons(row) -> list[tuple[str, str]]:
    return [(button["value"], button.text.strip()) for button in row.select("button")]


# -- what a row shows ------------------------------------------------------------------------


def test_a_row_shows_the_whole_comment_its_story_its_author_and_when_it_was_sent(
    editor_client, story
):
    body = "First paragraph about the fares.\n\nSecond paragraph: the 07:10 sailing is full."
    comment = make_comment(story, status="pending", name="Ilse Vann", body=body)
    row = row_of(parse(editor_client.get(QUEUE)), comment)
    paragraphs = [p.text for p in row.select(".queue-comment-text p")]
    assert paragraphs == [
        "First paragraph about the fares.",
        "Second paragraph: the 07:10 sailing is full.",
    ]
    assert row.select_one(".queue-comment-author").text == "Ilse Vann"
    assert row.select_one(".queue-comment-meta time")["datetime"] == whole_seconds(
        comment.created_at
    )
    link = row.select_one(".queue-comment-story a")
    assert (link.text, link["href"]) == ("Ferry fares rise", story.get_absolute_url())
    assert row.select_one(".queue-status-name").text == "Awaiting moderation"
    details = row.find("a", href=f"{QUEUE}{comment.pk}/change/")
    assert details.text == "Details of the comment from Ilse Vann"


def test_a_reply_shows_an_excerpt_of_the_comment_it_answers(editor_client, story):
    parent = make_comment(story, name="Ola Brandt", body="The fare rise hits commuters hardest.")
    reply = make_comment(story, status="pending", parent=parent, body="Students too.")
    row = row_of(parse(editor_client.get(QUEUE)), reply)
    quoted = row.select_one(".queue-comment-parent")
    assert quoted.select_one("bdi").text == "Ola Brandt"
    assert quoted.select_one("q").text == "The fare rise hits commuters hardest."
    assert not quoted.select(".queue-comment-warning")


def test_a_reply_to_a_comment_taken_off_the_site_says_it_would_not_be_shown(editor_client, story):
    parent = make_comment(story, status="rejected", body="Something rude.")
    reply = make_comment(story, status="pending", parent=parent)
    row = row_of(parse(editor_client.get(QUEUE)), reply)
    assert "would not be shown" in row.select_one(".queue-comment-warning").text


def test_a_comment_held_as_spam_says_why_in_words(editor_client, story):
    held = make_comment(story, status="spam", spam_reason="links, impersonation")
    row = row_of(parse(editor_client.get(QUEUE)), held)
    assert row.select_one(".queue-status-name").text == "Held as spam"
    assert row.select_one(".queue-status-reasons").text == (
        "Held because: too many links, a name kept for the newsroom"
    )


def test_a_decided_comment_says_who_decided_it_and_when(editor_client, editor, story):
    comment = moderation.reject(make_comment(story, status="pending"), editor)
    row = row_of(parse(editor_client.get(QUEUE)), comment)
    assert row.select_one(".queue-status-name").text == "Rejected"
    by = row.select_one(".queue-status-by")
    assert by.text.startswith("by marek ")
    assert by.select_one("time")["datetime"] == whole_seconds(comment.moderated_at)


def test_a_long_comment_opens_with_its_first_paragraphs_and_folds_the_rest_away(
    editor_client, story
):
    first = "The timetable change was announced without any consultation. " * 8
    second = "Commuters from the islands will now wait an hour for a connection. " * 12
    comment = make_comment(story, status="pending", body=f"{first.strip()}\n\n{second.strip()}")
    text = row_of(parse(editor_client.get(QUEUE)), comment).select_one(".queue-comment-text")
    shown = text.find("p", recursive=False)
    assert shown.text == first.strip()
    folded = text.select_one("details")
    assert folded.select_one("summary .when-closed").text == "Read on (144 more words)"
    assert folded.select_one("p").text == second.strip()


def test_the_opening_and_the_rest_hold_every_word_of_the_comment(story):
    sentences = " ".join(f"Sentence number {n} about the harbour." for n in range(60))
    no_spaces = "x" * (OPENING_LENGTH + 400)
    for body in (sentences, no_spaces):
        opening, rest = make_comment(story, body=body).opening_and_rest()
        assert 0 < len(opening) <= OPENING_LENGTH
        assert "".join((opening + rest).split()) == "".join(body.split())
    short = make_comment(story, body="Short and sweet.")
    assert short.opening_and_rest() == ("Short and sweet.", "")


# -- one click per row -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision", "status", "message"),
    [
        ("approve", "approved", "Approved the comment from Ilse Vann: “Fares are too high.”"),
        ("reject", "rejected", "Rejected the comment from Ilse Vann: “Fares are too high.”"),
        ("spam", "spam", "Marked the comment from Ilse Vann as spam: “Fares are too high.”"),
    ],
)
def test_an_editor_decides_a_comment_with_one_click_on_its_row(
    editor_client, editor, story, decision, status, message
):
    comment = make_comment(story, status="pending", name="Ilse Vann", body="Fares are too high.")
    response = click(editor_client, comment, decision)
    assert response.status_code == 302
    assert response["Location"] == QUEUE
    assert messages_after(response, editor_client) == [message]
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (status, editor)
    assert comment.moderated_at is not None


def test_each_row_offers_the_decisions_its_comment_can_take_now(editor_client, editor, story):
    pending = make_comment(story, status="pending")
    held = make_comment(story, status="spam", spam_reason="links")
    approved = moderation.approve(make_comment(story, status="pending"), editor)
    page = parse(editor_client.get(QUEUE))
    waiting = [("approve", "Approve"), ("reject", "Reject"), ("spam", "Spam")]
    assert buttons(row_of(page, pending)) == waiting
    assert buttons(row_of(page, held)) == waiting
    assert buttons(row_of(page, approved)) == [("reopen", "Back to queue")]


def test_a_rows_buttons_post_the_decision_form_to_that_comment(editor_client, story):
    comment = make_comment(story, status="pending")
    page = parse(editor_client.get(f"{QUEUE}?status__exact=pending"))
    for button in row_of(page, comment).select("button"):
        assert button["type"] == "submit"
        assert button["formaction"] == decide_url(comment)
        assert button["form"] == "comment-decision"
    form = page.find("form", id="comment-decision")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    filters = form.find("input", attrs={"name": "_changelist_filters"})
    assert filters["value"] == "status__exact=pending"
    assert not form.find_parent("form")


def test_a_decision_goes_back_to_the_queue_as_the_moderator_left_it(editor_client, story):
    comment = make_comment(story, status="pending")
    filters = f"article__id__exact={story.pk}&p=1&q=fare"
    response = click(editor_client, comment, "approve", _changelist_filters=filters)
    assert response["Location"] == f"{QUEUE}?{filters}"


@pytest.mark.parametrize(
    "filters", ["//evil.example/", "https://evil.example", "a=1\r\nSet-Cookie: x=1", "\x00"]
)
def test_what_follows_the_queue_after_a_decision_is_only_ever_a_query_string(
    editor_client, story, filters
):
    comment = make_comment(story, status="pending")
    response = click(editor_client, comment, "approve", _changelist_filters=filters)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{QUEUE}?") or location == QUEUE
    assert "\n" not in location and "\r" not in location and "Set-Cookie" not in response.headers


def test_a_decided_comment_goes_back_to_the_queue_with_one_click(editor_client, editor, story):
    comment = moderation.approve(make_comment(story, status="pending", name="Ilse Vann"), editor)
    response = click(editor_client, comment, "reopen")
    assert messages_after(response, editor_client)[0].startswith(
        "Returned the comment from Ilse Vann to the queue"
    )
    comment.refresh_from_db()
    assert comment.status == "pending"


# -- a comment someone else already decided (SECURITY.md E6) ---------------------------------


def test_a_click_on_a_comment_someone_else_already_decided_says_so_and_changes_nothing(
    editor_client, editor, second_editor, story
):
    comment = make_comment(story, status="pending", name="Ilse Vann")
    row = row_of(parse(editor_client.get(QUEUE)), comment)  # marek reads the queue…
    assert ("reject", "Reject") in buttons(row)
    moderation.approve(comment, second_editor)  # …nadia approves it first…
    response = click(editor_client, comment, "reject")  # …and marek clicks Reject.
    [message] = messages_after(response, editor_client)
    assert message.startswith("The comment from Ilse Vann: This comment was already moderated")
    assert "approved by nadia" in message
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", second_editor)


def test_a_second_click_on_the_same_decision_is_not_recorded_twice(editor_client, editor, story):
    comment = make_comment(story, status="pending")
    messages_after(click(editor_client, comment, "approve"), editor_client)
    first = Comment.objects.get(pk=comment.pk).moderated_at
    response = click(editor_client, comment, "approve")
    [message] = messages_after(response, editor_client)
    assert "already moderated" in message
    assert Comment.objects.get(pk=comment.pk).moderated_at == first


# -- who may decide, and how -----------------------------------------------------------------


def test_a_get_to_a_decision_url_does_nothing(editor_client, story):
    comment = make_comment(story, status="pending")
    for url in (decide_url(comment), f"{decide_url(comment)}?decision=approve"):
        response = editor_client.get(url)
        assert response.status_code == 405
        assert response["Allow"] == "POST"
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_at) == ("pending", None)


def test_a_decision_without_the_csrf_token_is_refused(editor, story):
    comment = make_comment(story, status="pending")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert click(client, comment, "approve").status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_a_reporter_cannot_decide_a_comment_by_posting_to_its_row(reporter_client, story):
    comment = make_comment(story, status="pending")
    for decision in ("approve", "reject", "spam"):
        assert click(reporter_client, comment, decision).status_code == 403
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_at) == ("pending", None)


def test_a_reader_who_is_not_signed_in_is_sent_to_the_login_page(client, story):
    comment = make_comment(story, status="pending")
    response = click(client, comment, "approve")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_staff_who_may_only_view_comments_see_the_queue_without_buttons(story):
    viewer = make_user("vera", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_comment"))
    client = Client()
    client.force_login(viewer)
    comment = make_comment(story, status="pending")
    page = parse(client.get(QUEUE))
    [row] = page.select("#result_list tbody tr")
    assert row.select_one(".queue-status-name").text == "Awaiting moderation"
    assert not page.select("#result_list button, #result_list input[type=checkbox]")
    assert not page.select("#comment-decision")
    assert click(client, comment, "approve").status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


@pytest.mark.parametrize(
    ("object_id", "decision"),
    [("999999", "approve"), ("not-a-number", "approve"), ("99999999999999999999999", "spam")],
)
def test_a_decision_on_a_comment_that_does_not_exist_is_explained_not_an_error(
    editor_client, object_id, decision
):
    response = editor_client.post(f"{QUEUE}{object_id}/decide/", {"decision": decision})
    assert response.status_code == 302
    assert messages_after(response, editor_client) == [
        "That comment no longer exists: someone deleted it."
    ]


@pytest.mark.parametrize("decision", ["", "publish", "delete", "APPROVE", "approve "])
def test_an_unknown_decision_is_refused_with_a_message(editor_client, story, decision):
    comment = make_comment(story, status="pending")
    response = click(editor_client, comment, decision)
    assert messages_after(response, editor_client) == ["Choose a decision for the comment."]
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_the_queue_needs_no_inline_script_or_style(editor_client, editor, story):
    parent = make_comment(story)
    make_comment(story, status="pending", parent=parent, body="Long. " * 300)
    moderation.reject(make_comment(story, status="pending"), editor)
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    assert scripting_in(response) == []


# -- what the queue costs --------------------------------------------------------------------


def _queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(QUEUE)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _fill_queue(story, other, editor, rounds: int) -> None:
    for _ in range(rounds):
        parent = make_comment(story)
        make_comment(story, status="pending", parent=parent)
        make_comment(other, status="spam", spam_reason="links")
        moderation.reject(make_comment(other, status="pending"), editor)


def test_the_queue_costs_the_same_queries_for_4_and_48_comments(
    editor_client, editor, reporter, story
):
    other = make_article(reporter, status="published", editor=editor)
    _fill_queue(story, other, editor, 1)
    few = _queue_queries(editor_client)
    _fill_queue(story, other, editor, 11)
    assert Comment.objects.count() == 48
    assert _queue_queries(editor_client) == few
