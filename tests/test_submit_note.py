"""Submitting for review takes an optional note to the editor: kept in the history, shown to
whoever reviews the story, sent with the editors' email, and never longer than a note."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import workflow
from articles.models import Article, WorkflowEvent
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db

NOTE = "The second source calls back at 4pm; the vote count is from the minutes."


def transition_url(article, action):
    return reverse("admin:articles_article_transition", args=[article.pk, action])


def status_of(article):
    return Article.objects.get(pk=article.pk).status


# -- the workflow --------------------------------------------------------------------------


def test_submit_keeps_the_authors_note_in_the_history(reporter):
    article = make_article(reporter)
    event = workflow.submit(article, reporter, note=f"  {NOTE}\n")
    assert event.note == NOTE
    assert WorkflowEvent.objects.get(article=article, action="submit").note == NOTE


def test_submit_without_a_note_records_none(reporter):
    article = make_article(reporter)
    assert workflow.submit(article, reporter).note == ""
    assert workflow.last_submit_note(article) is None


def test_the_editor_reviewing_the_story_gets_the_note(reporter):
    article = make_article(reporter)
    workflow.submit(article, reporter, note=NOTE)
    note = workflow.last_submit_note(article)
    assert (note.note, note.actor) == (NOTE, reporter)


def test_only_the_latest_submits_note_counts(reporter, editor):
    """A note answered in an earlier round of review does not come back."""
    article = make_article(reporter)
    workflow.submit(article, reporter, note=NOTE)
    workflow.send_back(article, editor, "Which minutes?")
    workflow.submit(article, reporter)
    assert workflow.last_submit_note(article) is None


def test_the_note_is_only_for_a_story_in_review(reporter, editor):
    article = make_article(reporter)
    workflow.submit(article, reporter, note=NOTE)
    workflow.publish(article, editor)
    assert workflow.last_submit_note(article) is None


def test_a_note_over_the_limit_is_refused_and_the_story_stays_a_draft(reporter):
    article = make_article(reporter)
    with pytest.raises(ValidationError, match="at most 5000 characters; this one has 5001"):
        workflow.submit(article, reporter, note="x" * 5001)
    assert status_of(article) == "draft"
    assert not WorkflowEvent.objects.exists()


def test_a_note_of_exactly_the_limit_is_kept(reporter):
    article = make_article(reporter)
    assert len(workflow.submit(article, reporter, note="x" * 5000).note) == 5000


def test_the_editors_email_carries_the_note(reporter, editor, django_capture_on_commit_callbacks):
    article = make_article(reporter, headline="Pier repairs")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, reporter, note="Check the figures & the date.")
    (message,) = mail.outbox
    assert "Their note:\n\nCheck the figures & the date.\n" in message.body  # not HTML-escaped


def test_the_editors_email_without_a_note_says_nothing_of_one(
    reporter, editor, django_capture_on_commit_callbacks
):
    article = make_article(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, reporter)
    assert "note" not in mail.outbox[0].body.split("Review it:")[0]


# -- the admin -----------------------------------------------------------------------------


def test_the_submit_page_offers_an_optional_note_to_the_editor(reporter, reporter_client):
    page = parse(reporter_client.get(transition_url(make_article(reporter), "submit")))
    note = page.select_one("#transition-form textarea[name=note]")
    assert note is not None and not note.has_attr("required")
    assert note["maxlength"] == "5000"
    assert page.select_one(f"label[for={note['id']}]").text == "Note to the editor (optional):"


def test_submitting_with_a_note_from_the_admin_keeps_it(reporter, reporter_client):
    article = make_article(reporter)
    response = reporter_client.post(transition_url(article, "submit"), {"note": NOTE})
    assert response.status_code == 302
    assert workflow.last_submit_note(Article.objects.get(pk=article.pk)).note == NOTE


def test_submitting_without_a_note_from_the_admin_works(reporter, reporter_client):
    article = make_article(reporter)
    response = reporter_client.post(transition_url(article, "submit"), {"note": ""})
    assert response.status_code == 302
    assert status_of(article) == "review"


def test_a_note_over_the_limit_keeps_what_was_typed(reporter, reporter_client):
    article = make_article(reporter)
    typed = "A long note. " * 400  # 5,200 characters
    response = reporter_client.post(transition_url(article, "submit"), {"note": typed})
    assert response.status_code == 200
    page = parse(response)
    assert "at most 5000 characters" in page.select_one(".errorlist").text
    assert page.select_one("textarea[name=note]").text.strip() == typed.strip()
    assert status_of(article) == "draft"


def test_the_editor_sees_the_note_when_publishing_or_sending_back(reporter, editor_client):
    article = make_article(reporter)
    workflow.submit(article, reporter, note=NOTE)
    for action in ("publish", "send_back"):
        note = parse(editor_client.get(transition_url(article, action))).select_one(".submit-note")
        assert note is not None and NOTE in note.text, action
        assert "Rosa" in note.text


def test_the_revision_history_shows_the_note(reporter, reporter_client):
    article = make_article(reporter)
    reporter_client.post(transition_url(article, "submit"), {"note": NOTE})
    page = parse(reporter_client.get(reverse("admin:articles_article_history", args=[article.pk])))
    rows = page.select("#revision-list tbody tr")
    assert any(NOTE in [cell.text for cell in row.select("td")] for row in rows)


def test_bulk_submit_still_submits_without_a_note(reporter, reporter_client):
    article = make_article(reporter)
    reporter_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "submit_selected", "_selected_action": [article.pk]},
    )
    assert status_of(article) == "review"
    assert WorkflowEvent.objects.get(article=article, action="submit").note == ""


# -- answering an editor's note --------------------------------------------------------------

EDITOR_NOTE = "Which minutes? Cite the page, and say who counted the votes."


def test_the_submit_page_of_a_story_sent_back_shows_the_editors_note_to_answer(
    reporter, editor, reporter_client
):
    article = make_article(reporter, status="review")
    workflow.send_back(article, editor, EDITOR_NOTE)
    page = parse(reporter_client.get(transition_url(article, "submit")))
    shown = page.select_one(".editor-note")
    assert shown.h2.text == "Answer the editor's note"
    assert EDITOR_NOTE in shown.text and "Sent back by Marek" in shown.text
    note = page.select_one("#transition-form textarea[name=note]")
    assert note.text.strip() == ""  # nothing prefilled: the answer is the reporter's own
    assert page.select_one(f"label[for={note['id']}]").text == "Your answer (optional):"
    # the editor's note comes before the field that answers it
    assert shown.sourceline < note.sourceline


def test_the_submit_page_of_a_first_submission_has_no_editors_note(reporter, reporter_client):
    page = parse(reporter_client.get(transition_url(make_article(reporter), "submit")))
    assert page.select_one(".editor-note") is None


def test_the_submit_page_of_an_unpublished_story_shows_why_it_was_taken_down(
    reporter, editor, reporter_client
):
    article = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(article, editor, "The council withdrew the plan.")
    shown = parse(reporter_client.get(transition_url(article, "submit"))).select_one(".editor-note")
    assert "Unpublished by Marek" in shown.text and "The council withdrew the plan." in shown.text


def test_the_editors_note_is_shown_as_text_on_the_submit_page(reporter, editor, reporter_client):
    article = make_article(reporter, status="review")
    workflow.send_back(article, editor, "<script>alert(1)</script>")
    shown = parse(reporter_client.get(transition_url(article, "submit"))).select_one(".editor-note")
    assert shown.select("script") == [] and "<script>alert(1)</script>" in shown.text


def test_the_answer_and_the_note_it_answers_stay_in_the_storys_history(
    reporter, editor, reporter_client
):
    article = make_article(reporter)
    workflow.submit(article, reporter, note=NOTE)
    workflow.send_back(article, editor, EDITOR_NOTE)
    answer = "Minutes of 4 March, page 7; the clerk counted."
    response = reporter_client.post(transition_url(article, "submit"), {"note": answer})
    assert response.status_code == 302
    notes = list(WorkflowEvent.objects.filter(article=article).values_list("action", "note"))
    assert notes == [("submit", NOTE), ("send_back", EDITOR_NOTE), ("submit", answer)]
    page = parse(reporter_client.get(reverse("admin:articles_article_history", args=[article.pk])))
    details = [row.select("td")[6].text for row in page.select("#revision-list tbody tr")]
    assert details[:3] == [answer, EDITOR_NOTE, NOTE]  # newest first
