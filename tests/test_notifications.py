"""Workflow emails: once each, to the right people, after the commit, unless switched off."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse

from articles import notifications, workflow
from articles.models import NotificationPreference
from tests.factories import make_article, make_user
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_submit_emails_each_editor_once_with_a_link_to_the_story(
    reporter, editor, second_editor, django_capture_on_commit_callbacks
):
    article = make_article(reporter, headline="Pier repairs")
    make_user("retired", "Editors", is_active=False)
    make_user("noaddress", "Editors", email="")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, reporter)
    assert recipients() == ["marek@newsroom.example", "nadia@newsroom.example"]
    message = mail.outbox[0]
    assert message.subject == "For review: “Pier repairs”"
    admin_url = reverse("admin:articles_article_change", args=[article.pk])
    assert f"http://127.0.0.1:8000{admin_url}" in message.body
    assert "Rosa submitted “Pier repairs” for review." in message.body


def test_an_editor_submitting_is_not_emailed_about_it(
    editor, second_editor, django_capture_on_commit_callbacks
):
    article = make_article(editor)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, editor)
    assert recipients() == ["nadia@newsroom.example"]


def test_history_written_after_the_fact_emails_nobody_and_later_moves_email_again(
    reporter, editor, django_capture_on_commit_callbacks
):
    article = make_article(reporter, status="review")
    with django_capture_on_commit_callbacks(execute=True), notifications.silenced():
        workflow.send_back(article, editor, "From last week's desk.")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, reporter)
    assert recipients() == ["marek@newsroom.example"]


def test_send_back_gives_the_authors_the_editors_note(
    reporter, other_reporter, editor, django_capture_on_commit_callbacks
):
    article = make_article(reporter, status="review")
    article.bylines.create(author=other_reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.send_back(article, editor, "Name the second source & the date.")
    assert recipients() == ["rhys@newsroom.example", "rosa@newsroom.example"]
    assert "Name the second source & the date." in mail.outbox[0].body  # not HTML-escaped


def test_publish_and_unpublish_tell_the_authors(
    reporter, editor, django_capture_on_commit_callbacks
):
    article = make_article(reporter, status="review", headline="Night buses return")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(article, editor)
    assert [m.subject for m in mail.outbox] == ["Published: “Night buses return”"]
    assert article.get_absolute_url() in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(article, editor, "The timetable was wrong.")
    assert [m.subject for m in mail.outbox][1] == "Unpublished: “Night buses return”"
    assert "The timetable was wrong." in mail.outbox[1].body
    assert recipients() == ["rosa@newsroom.example"] * 2


def test_nothing_is_sent_when_the_transaction_rolls_back(
    reporter, editor, django_capture_on_commit_callbacks
):
    article = make_article(reporter)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            workflow.submit(article, reporter)
            raise RuntimeError("something later in the same request failed")
    assert callbacks == [] and mail.outbox == []
    article.refresh_from_db()
    assert article.status == "draft"


def test_people_who_switched_emails_off_get_none(
    reporter, editor, second_editor, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=editor, email_workflow=False)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(make_article(reporter), reporter)
    assert recipients() == ["nadia@newsroom.example"]


def test_each_person_switches_their_own_emails_off_in_the_admin(reporter, reporter_client):
    page = reporter_client.get(reverse("admin:articles_notificationpreference_changelist"))
    assert page.status_code == 302
    own = NotificationPreference.objects.get(user=reporter)
    data = form_fields(reporter_client.get(page["Location"]), "notificationpreference_form")
    data.pop("email_workflow", None)  # untick the box
    assert reporter_client.post(page["Location"], data).status_code == 302
    own.refresh_from_db()
    assert own.email_workflow is False


def test_nobody_can_open_someone_elses_settings(reporter, editor, reporter_client):
    theirs = NotificationPreference.objects.create(user=editor)
    url = reverse("admin:articles_notificationpreference_change", args=[theirs.pk])
    assert reporter_client.get(url).status_code in (302, 404)
    reporter_client.post(url, {})
    theirs.refresh_from_db()
    assert theirs.email_workflow is True


def test_admin_index_offers_the_settings_and_the_review_queue(reporter, editor_client):
    make_article(reporter, status="review")
    page = parse(editor_client.get(reverse("admin:index")))
    assert page.select_one(".review-queue").text.strip() == "1 story awaits review"
    settings_url = reverse("admin:articles_notificationpreference_changelist")
    assert page.find("a", href=settings_url) is not None


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


def test_a_mail_server_failure_does_not_undo_the_transition(
    reporter, editor, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.test_notifications.BrokenMailServer"
    article = make_article(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, reporter)
    article.refresh_from_db()
    assert article.status == "review"
    assert "the mail server is down" in caplog.text
