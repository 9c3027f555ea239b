"""The review queue: the stories waiting for an editor, longest waiting first, each with its
authors, section, waiting time, the reporter's note, and one click to what changed since an
editor last read it. Editors only, in the desk's functions and on the admin page."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import desk, editing, workflow
from articles.models import Article, StoryRevision
from tests.factories import make_article, make_reporter, make_section, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db

QUEUE_URL = "/admin/review-queue/"
_coauthors = itertools.count(1)


def resubmitted(article, author, editor, *, standfirst, note=""):
    """Sent back by `editor`, rewritten by `author` through the editing service, resubmitted."""
    workflow.send_back(article, editor, "The standfirst overstates the vote.")
    article = Article.objects.get(pk=article.pk)
    article.standfirst = standfirst
    editing.save(article, author, expected_version=article.version)
    workflow.submit(Article.objects.get(pk=article.pk), author, note)
    return Article.objects.get(pk=article.pk)


def revision(article, action):
    return StoryRevision.objects.filter(article=article, action=action).first()


def entries(response):
    return parse(response).select(".queue-list .queue-entry")


def entry_for(response, article):
    return parse(response).select_one(f".queue-list .queue-entry[data-story='{article.pk}']")


# -- what is in it, in which order ---------------------------------------------------------------


def test_the_queue_holds_the_stories_in_review_and_nothing_else(reporter, editor):
    waiting = make_article(reporter, status="review")
    make_article(reporter)
    make_article(reporter, status="published", editor=editor)
    assert list(desk.review_queue(editor)) == [waiting]


def test_the_longest_waiting_story_comes_first(reporter, editor, time_machine):
    start = timezone.now()
    time_machine.move_to(start - timedelta(hours=5), tick=False)
    oldest = make_article(reporter, status="review")
    time_machine.move_to(start - timedelta(hours=1), tick=False)
    newest = make_article(reporter, status="review")
    time_machine.move_to(start - timedelta(hours=3), tick=False)
    middle = make_article(reporter, status="review")
    assert list(desk.review_queue(editor)) == [oldest, middle, newest]


def test_waiting_counts_from_the_latest_submission_not_the_first(reporter, editor, time_machine):
    start = timezone.now()
    time_machine.move_to(start - timedelta(days=2), tick=False)
    returned = make_article(reporter, status="review")
    time_machine.move_to(start - timedelta(days=1), tick=False)
    other = make_article(reporter, status="review")
    time_machine.move_to(start - timedelta(hours=2), tick=False)
    returned = resubmitted(returned, reporter, editor, standfirst="The vote was 5–2.")
    queue = list(desk.review_queue(editor))
    assert queue == [other, returned]
    assert queue[1].waiting_since == start - timedelta(hours=2)


def test_each_story_shows_its_authors_section_waiting_time_and_note(
    reporter, editor, editor_client, time_machine
):
    time_machine.move_to(timezone.now() - timedelta(hours=3), tick=False)
    article = make_article(reporter, section=make_section("Coast"))
    second_author = make_reporter("ines")
    article.bylines.create(author=second_author)
    workflow.submit(article, reporter, note="The harbour master calls back at four.")
    time_machine.move_to(timezone.now() + timedelta(hours=3), tick=False)
    entry = entry_for(editor_client.get(QUEUE_URL), article)
    link = entry.select_one("a.desk-headline")
    assert (link.text, link["href"]) == (
        article.headline,
        reverse("admin:articles_article_change", args=[article.pk]),
    )
    assert entry.select_one(".queue-authors").text == "Rosa, Ines"
    assert entry.select_one(".queue-section").text == "Coast"
    assert "waiting 3\xa0hours" in entry.select_one(".queue-waiting").text
    assert entry.select_one(".submit-note").text.strip() == "The harbour master calls back at four."


def test_a_story_submitted_without_a_note_shows_none(reporter, editor_client):
    article = make_article(reporter, status="review")
    assert entry_for(editor_client.get(QUEUE_URL), article).select_one(".submit-note") is None


def test_the_reporters_note_is_shown_as_text_never_as_markup(reporter, editor_client):
    article = make_article(reporter)
    workflow.submit(article, reporter, note="<script>alert(1)</script> & <b>bold</b>")
    response = editor_client.get(QUEUE_URL)
    assert "<script>alert(1)</script>" not in response.content.decode()
    note = entry_for(response, article).select_one(".submit-note")
    assert note.select("script, b") == []
    assert note.text.strip() == "<script>alert(1)</script> & <b>bold</b>"


# -- what changed since the last review ----------------------------------------------------------


def test_a_first_submission_links_to_the_whole_story(reporter, editor, editor_client):
    article = make_article(reporter, status="review")
    (story,) = desk.review_queue(editor)
    assert story.reviewed_revision_id is None
    link = entry_for(editor_client.get(QUEUE_URL), article).select_one("a.changes-link")
    assert link["href"] == reverse("admin:articles_article_preview", args=[article.pk])
    assert link.text == "read the whole story"
    page = parse(editor_client.get(link["href"]))
    assert article.headline in page.select_one("h1").text


def test_a_resubmission_links_to_what_changed_since_it_was_sent_back(
    reporter, editor, editor_client
):
    said = "The council voted on Tuesday night to repair the harbour wall before the winter storms."
    article = make_article(reporter, standfirst=said)
    workflow.submit(article, reporter)
    rewritten = said.replace("voted on", "voted 5–2 on")
    article = resubmitted(article, reporter, editor, standfirst=rewritten)
    (story,) = desk.review_queue(editor)
    assert story.reviewed_revision_id == revision(article, "send_back").pk
    assert story.newest_revision_id == StoryRevision.objects.filter(article=article).first().pk
    link = entry_for(editor_client.get(QUEUE_URL), article).select_one("a.changes-link")
    assert link.text == "What changed since it was sent back"
    compare = reverse("admin:articles_article_compare", args=[article.pk])
    expected = f"{compare}?from={story.reviewed_revision_id}&to={story.newest_revision_id}"
    assert link["href"] == expected
    diff = parse(editor_client.get(link["href"])).select_one("#diff-story")
    (standfirst,) = [row for row in diff.select("tbody tr") if row.th.text == "Standfirst"]
    assert [ins.text for ins in standfirst.select("ins")] == ["5–2"]


def test_the_second_resubmission_compares_with_the_latest_send_back(
    reporter, editor, editor_client
):
    article = make_article(reporter, status="review")
    article = resubmitted(article, reporter, editor, standfirst="First rewrite.")
    article = resubmitted(article, reporter, editor, standfirst="Second rewrite.")
    (story,) = desk.review_queue(editor)
    assert story.reviewed_revision_id == revision(article, "send_back").pk
    assert StoryRevision.objects.filter(article=article, action="send_back").count() == 2


def test_an_unpublished_story_sent_again_compares_with_what_readers_last_saw(
    reporter, editor, editor_client
):
    article = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(article, editor, "The council has not voted yet.")
    article = Article.objects.get(pk=article.pk)
    article.standfirst = "The council votes next week."
    editing.save(article, reporter, expected_version=article.version)
    workflow.submit(Article.objects.get(pk=article.pk), reporter)
    (story,) = desk.review_queue(editor)
    assert story.reviewed_revision_id == revision(article, "unpublish").pk
    link = entry_for(editor_client.get(QUEUE_URL), article).select_one("a.changes-link")
    assert link.text == "What changed since it was unpublished"


# -- who may open it ---------------------------------------------------------------------------


def test_only_editors_get_the_queue_from_the_desk(reporter, editor):
    make_article(reporter, status="review")
    assert len(desk.review_queue(editor)) == 1
    with pytest.raises(PermissionDenied, match="Only editors review stories"):
        desk.review_queue(reporter)


def test_someone_without_a_role_is_refused_the_queue(db):
    with pytest.raises(PermissionDenied):
        desk.review_queue(make_user("visitor", is_staff=True))


def test_a_reporter_opening_the_queue_is_told_why_on_an_admin_page(reporter, reporter_client):
    article = make_article(make_reporter("rhys"), status="review")
    response = reporter_client.get(QUEUE_URL)
    assert response.status_code == 403
    page = parse(response)
    assert "Only editors review stories" in page.select_one(".queue-refused").text
    assert article.headline not in response.content.decode()


def test_someone_signed_out_is_sent_to_sign_in(client):
    response = client.get(QUEUE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999999999", "1e9", "9" * 400, ""])
def test_any_page_number_answers_with_a_page(reporter, editor_client, page):
    make_article(reporter, status="review")
    response = editor_client.get(QUEUE_URL, {"page": page})
    assert response.status_code == 200
    assert len(entries(response)) == 1


# -- the home page ---------------------------------------------------------------------------


def test_the_home_pages_count_leads_editors_to_the_queue(reporter, editor_client):
    make_article(reporter, status="review")
    make_article(reporter, status="review")
    link = parse(editor_client.get("/admin/")).select_one(".review-queue a")
    assert (link.text, link["href"]) == ("2 stories await review", QUEUE_URL)


def test_the_story_lists_review_queue_link_opens_the_queue(reporter, editor_client):
    make_article(reporter, status="review")
    page = parse(editor_client.get(reverse("admin:articles_article_changelist")))
    assert page.find("a", string="Review queue (1 story)")["href"] == QUEUE_URL


# -- what it costs ---------------------------------------------------------------------------


def queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(QUEUE_URL)
    assert response.status_code == 200
    return len(captured.captured_queries)


def waiting_stories(reporter, editor, count):
    """`count` stories in review, every other one resubmitted after a send back, each with
    two authors and a note."""
    for n in range(count):
        article = make_article(reporter)
        article.bylines.create(author=make_reporter(f"coauthor{next(_coauthors)}"))
        workflow.submit(article, reporter, note=f"Note {n}")
        if n % 2:
            resubmitted(article, reporter, editor, standfirst=f"Rewritten {n}.", note="Fixed.")


def test_the_queue_costs_the_same_queries_for_1_and_20_stories(reporter, editor, editor_client):
    waiting_stories(reporter, editor, 2)
    few = queue_queries(editor_client)
    waiting_stories(reporter, editor, 18)
    assert len(entries(editor_client.get(QUEUE_URL))) == 20
    assert queue_queries(editor_client) == few
