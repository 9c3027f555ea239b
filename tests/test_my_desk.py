"""My desk on the admin's home: a reporter sees what was sent back (with the editor's note,
until they resubmit), what waits in review, what is scheduled and what went live this week;
an editor sees the top of the review queue, the comments waiting and what goes live later
today. Each list links to the story, says when, shows the note that matters, and costs the
same queries however long it is."""

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import desk, editing, workflow
from articles.models import Article
from tests.comments_support import make_comment
from tests.factories import make_article, make_reporter, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db

HOME = "/admin/"
NOTE = "The vote count in the second takeaway is from last year's meeting."
_names = itertools.count(1)


def panel(response, name):
    """The desk's panel (desk-queue, desk-sent-back, …), or None when the page has none."""
    return parse(response).select_one(f"#my-desk .desk-{name}")


def headlines(response, name):
    found = panel(response, name)
    return [] if found is None else [a.text for a in found.select(".desk-entry a.desk-headline")]


def sent_back(article, editor, note=NOTE):
    workflow.send_back(article, editor, note)
    return Article.objects.get(pk=article.pk)


def in_days(days, hour=12):
    return timezone.now() + timedelta(days=days, hours=hour)


def ten_in_the_morning():
    """Today at ten, the newsroom's time."""
    return timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)


# -- a reporter's desk -----------------------------------------------------------------------


def test_a_story_sent_back_waits_on_the_reporters_desk_with_the_editors_note(
    reporter, editor, reporter_client
):
    article = sent_back(make_article(reporter, status="review"), editor)
    entry = panel(reporter_client.get(HOME), "sent-back").select_one(".desk-entry")
    link = entry.select_one("a.desk-headline")
    assert link["href"] == reverse("admin:articles_article_change", args=[article.pk])
    assert entry.select_one(".editor-note").text.strip() == NOTE
    assert "Sent back by Marek" in entry.select_one(".desk-meta").text
    assert entry.select_one("time")["datetime"]
    resubmit = entry.select_one(".desk-action a")["href"]
    assert resubmit == reverse("admin:articles_article_transition", args=[article.pk, "submit"])


def test_the_note_stays_while_the_reporter_rewrites_and_goes_once_resubmitted(
    reporter, editor, reporter_client
):
    article = sent_back(make_article(reporter, status="review"), editor)
    article.standfirst = "The council voted 5–2, according to this year's minutes."
    editing.save(article, reporter, expected_version=article.version)
    assert [story.pk for story in desk.sent_back_to(reporter)] == [article.pk]
    assert headlines(reporter_client.get(HOME), "sent-back") == [article.headline]

    workflow.submit(Article.objects.get(pk=article.pk), reporter, note="Fixed from the minutes.")
    response = reporter_client.get(HOME)
    assert headlines(response, "sent-back") == []
    assert headlines(response, "in-review") == [article.headline]
    assert NOTE not in response.content.decode()


def test_the_latest_note_is_the_one_shown(reporter, editor):
    article = sent_back(make_article(reporter, status="review"), editor, "First round.")
    workflow.submit(article, reporter)
    sent_back(article, editor, "Second round.")
    (story,) = desk.sent_back_to(reporter)
    assert (story.return_note, story.returned_by, story.return_action) == (
        "Second round.",
        "Marek",
        "send_back",
    )


def test_an_unpublished_story_comes_back_to_the_desk_with_the_reason(
    reporter, editor, reporter_client
):
    article = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(article, editor, "The council withdrew the plan.")
    entry = panel(reporter_client.get(HOME), "sent-back").select_one(".desk-entry")
    assert "Unpublished by Marek" in entry.select_one(".desk-meta").text
    assert entry.select_one(".editor-note").text.strip() == "The council withdrew the plan."


def test_a_draft_never_submitted_is_not_sent_back(reporter):
    make_article(reporter)
    assert list(desk.sent_back_to(reporter)) == []


def test_the_reporters_stories_in_review_show_when_and_the_note_sent(reporter, reporter_client):
    article = make_article(reporter)
    workflow.submit(article, reporter, note="Photos follow in the morning.")
    entry = panel(reporter_client.get(HOME), "in-review").select_one(".desk-entry")
    assert entry.select_one("a.desk-headline").text == article.headline
    assert "Submitted" in entry.select_one(".desk-meta").text
    assert entry.select_one(".submit-note").text.strip() == "Photos follow in the morning."


def test_scheduled_stories_show_when_they_go_live_soonest_first(reporter, editor, reporter_client):
    later = make_article(reporter, status="published", editor=editor, at=in_days(3))
    sooner = make_article(reporter, status="published", editor=editor, at=in_days(1))
    make_article(reporter, status="published", editor=editor)  # live already
    assert headlines(reporter_client.get(HOME), "scheduled") == [sooner.headline, later.headline]
    entry = panel(reporter_client.get(HOME), "scheduled").select_one(".desk-entry")
    assert (
        entry.select_one("time")["datetime"]
        == timezone.localtime(sooner.published_at).replace(microsecond=0).isoformat()
    )
    assert "Goes live" in entry.select_one(".desk-meta").text


def test_stories_published_in_the_last_week_are_listed_newest_first(
    reporter, editor, reporter_client, time_machine
):
    now = timezone.now()
    time_machine.move_to(now - timedelta(days=10), tick=False)
    make_article(reporter, status="published", editor=editor, headline="Old news")
    time_machine.move_to(now - timedelta(days=5), tick=False)
    earlier = make_article(reporter, status="published", editor=editor)
    time_machine.move_to(now - timedelta(days=1), tick=False)
    latest = make_article(reporter, status="published", editor=editor)
    time_machine.move_to(now, tick=False)
    response = reporter_client.get(HOME)
    assert headlines(response, "published") == [latest.headline, earlier.headline]
    entry = panel(response, "published").select_one(".desk-entry")
    assert entry.find("a", string="Read it on the site")["href"] == latest.get_absolute_url()


def test_a_reporter_sees_only_their_own_stories(reporter, other_reporter, editor, reporter_client):
    sent_back(make_article(other_reporter, status="review"), editor)
    make_article(other_reporter, status="review")
    make_article(other_reporter, status="published", editor=editor, at=in_days(1))
    make_article(other_reporter, status="published", editor=editor)
    response = reporter_client.get(HOME)
    for name in ("sent-back", "in-review", "scheduled", "published"):
        assert headlines(response, name) == [], name
        assert panel(response, name).select_one(".desk-empty") is not None


def test_a_coauthor_shares_the_desk_of_a_story(reporter, other_reporter, editor):
    article = make_article(reporter, status="review")
    article.bylines.create(author=other_reporter)
    sent_back(article, editor)
    assert [story.pk for story in desk.sent_back_to(other_reporter)] == [article.pk]


def test_a_reporter_has_no_review_queue_or_comments_on_the_desk(reporter, reporter_client):
    make_article(make_reporter("rhys"), status="review")
    response = reporter_client.get(HOME)
    assert panel(response, "queue") is None and panel(response, "comments") is None
    assert "await review" not in response.content.decode()


def test_the_editors_note_on_the_desk_is_text_never_markup(reporter, editor, reporter_client):
    sent_back(make_article(reporter, status="review"), editor, "<img src=x onerror=alert(1)>")
    note = panel(reporter_client.get(HOME), "sent-back").select_one(".editor-note")
    assert note.select("img") == [] and note.text.strip() == "<img src=x onerror=alert(1)>"


# -- an editor's desk --------------------------------------------------------------------------


def test_the_editors_desk_shows_the_top_of_the_queue_and_links_to_all_of_it(
    reporter, editor, editor_client, time_machine
):
    start = timezone.now()
    stories = []
    for hours in range(7, 0, -1):
        time_machine.move_to(start - timedelta(hours=hours), tick=False)
        stories.append(make_article(reporter, status="review"))
    time_machine.move_to(start, tick=False)
    response = editor_client.get(HOME)
    queue = panel(response, "queue")
    assert headlines(response, "queue") == [s.headline for s in stories[: desk.QUEUE_ON_DESK]]
    assert queue.select_one(".review-queue a").text == "7 stories await review"
    more = queue.select_one(".desk-more a")
    assert (more.text, more["href"]) == ("The whole queue (7 stories)", "/admin/review-queue/")


def test_the_editors_desk_says_when_nothing_waits(editor_client):
    queue = panel(editor_client.get(HOME), "queue")
    assert queue.select_one(".desk-empty").text == "Nothing is waiting for an editor."


def test_the_editors_desk_counts_the_comments_waiting(reporter, editor, editor_client):
    story = make_article(reporter, status="published", editor=editor)
    make_comment(story, status="pending")
    make_comment(story, status="pending")
    make_comment(story, status="approved")
    link = panel(editor_client.get(HOME), "comments").select_one(".comment-queue a")
    assert link.text == "2 comments await moderation"
    assert link["href"] == reverse("admin:comments_comment_changelist")


def test_the_editors_desk_lists_what_goes_live_later_today(
    reporter, editor, editor_client, time_machine
):
    # Ten in the morning, newsroom time: one story at two, one tomorrow, one live already.
    morning = ten_in_the_morning()
    time_machine.move_to(morning, tick=False)
    today = make_article(reporter, status="published", editor=editor, at=morning.replace(hour=14))
    make_article(reporter, status="published", editor=editor, at=morning + timedelta(days=1))
    make_article(reporter, status="published", editor=editor)
    response = editor_client.get(HOME)
    assert headlines(response, "today") == [today.headline]
    time = panel(response, "today").select_one("time")
    assert time["datetime"] == today.published_at.isoformat()
    assert "14:00" in time.text


def test_an_editor_whose_own_story_was_sent_back_sees_it_too(editor, second_editor, editor_client):
    article = sent_back(make_article(editor, status="review"), second_editor, "Needs a source.")
    assert headlines(editor_client.get(HOME), "sent-back") == [article.headline]


def test_someone_without_a_role_has_no_desk_and_the_home_still_opens(client):
    client.force_login(make_user("visitor", is_staff=True))
    response = client.get(HOME)
    assert response.status_code == 200
    assert parse(response).select_one("#my-desk") is None


# -- what it costs ------------------------------------------------------------------------------


def home_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(HOME)
    assert response.status_code == 200
    return len(captured.captured_queries)


def fill_reporters_desk(reporter, editor, count):
    for _ in range(count):
        sent_back(make_article(reporter, status="review"), editor)
        make_article(reporter, status="review")
        make_article(reporter, status="published", editor=editor, at=in_days(2))
        make_article(reporter, status="published", editor=editor)


def fill_editors_desk(reporter, editor, count):
    for _ in range(count):
        story = make_article(reporter, status="review")
        story.bylines.create(author=make_reporter(f"coauthor{next(_names)}"))
        sent_back(story, editor)
        workflow.submit(story, reporter, note="Answered.")
        soon = timezone.now() + timedelta(minutes=5)
        make_article(reporter, status="published", editor=editor, at=soon)
        make_comment(make_article(reporter, status="published", editor=editor), status="pending")


def test_the_reporters_desk_costs_the_same_for_1_and_8_of_everything(
    reporter, editor, reporter_client
):
    fill_reporters_desk(reporter, editor, 1)
    few = home_queries(reporter_client)
    fill_reporters_desk(reporter, editor, 7)
    assert len(headlines(reporter_client.get(HOME), "sent-back")) == 8
    assert home_queries(reporter_client) == few


def test_the_editors_desk_costs_the_same_for_1_and_8_of_everything(
    reporter, editor, editor_client, time_machine
):
    time_machine.move_to(ten_in_the_morning(), tick=False)  # "later today" has room
    fill_editors_desk(reporter, editor, 1)
    few = home_queries(editor_client)
    fill_editors_desk(reporter, editor, 7)
    response = editor_client.get(HOME)
    assert len(headlines(response, "queue")) == desk.QUEUE_ON_DESK
    assert len(headlines(response, "today")) == 8
    assert home_queries(editor_client) == few
