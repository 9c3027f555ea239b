"""The editorial rulebook: who may move a story, when, and what it needs (SECURITY.md A13, A14)."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from articles import workflow
from articles.models import Article, Claim, KeyTakeaway, Quote, WorkflowEvent
from tests.factories import make_article, make_person

pytestmark = pytest.mark.django_db


def events(article, action):
    return WorkflowEvent.objects.filter(article=article, action=action)


# -- submit ------------------------------------------------------------------------------


def test_author_submits_own_draft_for_review(reporter):
    article = make_article(reporter)
    event = workflow.submit(article, reporter)
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert (event.actor, event.from_status, event.to_status) == (reporter, "draft", "review")
    assert events(article, "submit").count() == 1


def test_editor_may_submit_a_reporters_draft(reporter, editor):
    article = make_article(reporter)
    workflow.submit(article, editor)
    assert article.status == Article.Status.REVIEW


def test_another_reporter_cannot_submit_someone_elses_draft(reporter, other_reporter):
    article = make_article(reporter)
    with pytest.raises(PermissionDenied):
        workflow.submit(article, other_reporter)
    assert Article.objects.get(pk=article.pk).status == "draft"
    assert not WorkflowEvent.objects.exists()


def test_anonymous_cannot_submit(reporter):
    article = make_article(reporter)
    with pytest.raises(PermissionDenied):
        workflow.submit(article, AnonymousUser())


def test_submit_names_every_missing_part(reporter):
    article = make_article(reporter, takeaways=0, standfirst="")
    with pytest.raises(ValidationError) as error:
        workflow.submit(article, reporter)
    assert error.value.messages == [
        "The story needs a standfirst.",
        "The story needs at least one key takeaway.",
    ]
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_a_story_in_review_cannot_be_submitted_again(reporter):
    article = make_article(reporter, status="review")
    with pytest.raises(ValidationError, match="Only a draft can be submitted"):
        workflow.submit(article, reporter)
    assert events(article, "submit").count() == 1


# -- send back ---------------------------------------------------------------------------


def test_editor_sends_back_with_a_note_the_author_sees(reporter, editor):
    article = make_article(reporter, status="review")
    workflow.send_back(article, editor, "Please source the second claim.")
    article.refresh_from_db()
    assert article.status == "draft"
    assert workflow.last_note_for_author(article).note == "Please source the second claim."


def test_send_back_requires_a_note(reporter, editor):
    article = make_article(reporter, status="review")
    with pytest.raises(ValidationError, match="A note is required"):
        workflow.send_back(article, editor, "   ")
    assert Article.objects.get(pk=article.pk).status == "review"


def test_reporter_cannot_send_back(reporter):
    article = make_article(reporter, status="review")
    with pytest.raises(PermissionDenied):
        workflow.send_back(article, reporter, "no")


# -- publish -----------------------------------------------------------------------------


def test_editor_publishes_a_reviewed_story_now(reporter, editor):
    article = make_article(reporter, status="review")
    before = timezone.now()
    workflow.publish(article, editor)
    article.refresh_from_db()
    assert article.status == "published"
    assert before <= article.published_at <= timezone.now()
    assert article.first_published_at == article.published_at
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert events(article, "publish").get().actor == editor


def test_reporter_cannot_publish_own_story(reporter):
    article = make_article(reporter, status="review")
    with pytest.raises(PermissionDenied):
        workflow.publish(article, reporter)
    assert Article.objects.get(pk=article.pk).status == "review"


def test_reporter_cannot_skip_review_and_publish_a_draft(reporter):
    article = make_article(reporter)
    with pytest.raises(PermissionDenied):
        workflow.publish(article, reporter)


def test_editor_cannot_publish_a_story_that_is_still_a_draft(reporter, editor):
    article = make_article(reporter)
    with pytest.raises(ValidationError, match="Only a story in review can be published"):
        workflow.publish(article, editor)
    assert not events(article, "publish").exists()


def test_editor_cannot_publish_their_own_story(editor):
    article = make_article(editor, status="review")
    with pytest.raises(PermissionDenied, match="another editor must publish"):
        workflow.publish(article, editor)


def test_another_editor_publishes_an_editors_story(editor, second_editor):
    article = make_article(editor, status="review")
    workflow.publish(article, second_editor)
    assert article.status == "published"


@override_settings(NEWSROOM_REQUIRE_SECOND_EDITOR=False)
def test_self_publishing_allowed_when_four_eyes_is_off(editor):
    article = make_article(editor, status="review")
    workflow.publish(article, editor)
    assert article.status == "published"


def test_publish_names_each_verified_claim_without_a_source(reporter, editor):
    article = make_article(reporter, verified_claims=0)
    Claim.objects.create(article=article, text="The council met on Tuesday.", status="verified")
    Claim.objects.create(article=article, text="Rumour has it.", status="unconfirmed")
    workflow.submit(article, reporter)
    with pytest.raises(ValidationError) as error:
        workflow.publish(article, editor)
    assert error.value.messages == [
        "Verified claim 1 (“The council met on Tuesday.”) cites no source."
    ]
    assert Article.objects.get(pk=article.pk).status == "review"


def test_publish_requires_the_pull_quote_speakers_role(reporter, editor):
    article = make_article(reporter)
    speaker = make_person("Ben Yarrow", role="")
    Quote.objects.create(article=article, speaker=speaker, text="We will see.", is_pull=True)
    workflow.submit(article, reporter)
    with pytest.raises(ValidationError, match="pull quote needs the speaker's role"):
        workflow.publish(article, editor)


def test_publish_in_the_past_is_refused(reporter, editor):
    article = make_article(reporter, status="review")
    with pytest.raises(ValidationError, match="in the future"):
        workflow.publish(article, editor, at=timezone.now() - timedelta(hours=1))


def test_two_publish_clicks_record_one_event(reporter, editor):
    article = make_article(reporter, status="review")
    stale_copy = Article.objects.get(pk=article.pk)
    workflow.publish(article, editor)
    with pytest.raises(ValidationError, match="this story is “Published”"):
        workflow.publish(stale_copy, editor)
    assert events(article, "publish").count() == 1


# -- scheduling --------------------------------------------------------------------------


def test_scheduled_story_is_invisible_until_its_time_then_visible_without_cron(reporter, editor):
    start = timezone.now()
    article = make_article(reporter, status="review")
    workflow.publish(article, editor, at=start + timedelta(hours=1))
    assert article.is_scheduled
    with time_machine.travel(start + timedelta(minutes=59), tick=False):
        assert not Article.objects.published().filter(pk=article.pk).exists()
    with time_machine.travel(start + timedelta(minutes=61), tick=False):
        assert Article.objects.published().filter(pk=article.pk).exists()


# -- unpublish ---------------------------------------------------------------------------


def test_unpublish_takes_the_story_off_at_once_with_a_note(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(article, editor, "Legal asked us to hold it.")
    assert not Article.objects.published().filter(pk=article.pk).exists()
    article.refresh_from_db()
    assert article.status == "draft"
    assert article.first_published_at is not None
    assert events(article, "unpublish").get().note == "Legal asked us to hold it."


def test_unpublish_without_a_note_is_refused(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    with pytest.raises(ValidationError, match="A note is required"):
        workflow.unpublish(article, editor, "")
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_reporter_cannot_unpublish(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    with pytest.raises(PermissionDenied):
        workflow.unpublish(article, reporter, "oops")


# -- the model refuses a status change that skips the workflow (A14) --------------------


def test_setting_status_and_saving_is_refused(reporter):
    article = make_article(reporter)
    article.status = Article.Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        article.save()
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_creating_a_story_as_published_is_refused(reporter):
    with pytest.raises(PermissionDenied):
        Article.objects.create(headline="Shortcut", status="published", created_by=reporter)


# -- can(): the admin's buttons and the rules agree ---------------------------------------

ROLES = ["anonymous", "author", "other_reporter", "editor"]
EXPECTED = {
    # (status, action): roles allowed
    ("draft", "submit"): {"author", "editor"},
    ("draft", "send_back"): set(),
    ("draft", "publish"): set(),
    ("draft", "unpublish"): set(),
    ("draft", "change"): {"author", "editor"},
    ("draft", "delete"): {"author", "editor"},
    ("review", "submit"): set(),
    ("review", "send_back"): {"editor"},
    ("review", "publish"): {"editor"},
    ("review", "unpublish"): set(),
    ("review", "change"): {"editor"},
    ("review", "delete"): {"editor"},
    ("published", "submit"): set(),
    ("published", "send_back"): set(),
    ("published", "publish"): set(),
    ("published", "unpublish"): {"editor"},
    ("published", "change"): {"editor"},
    ("published", "delete"): set(),
}


@pytest.mark.parametrize(("status", "action"), sorted(EXPECTED))
def test_can_matches_the_role_table(status, action, reporter, other_reporter, editor):
    publisher = None
    if status == "published":
        from tests.factories import make_editor

        publisher = make_editor("publisher")
    article = make_article(reporter, status=status, editor=publisher)
    people = {
        "anonymous": AnonymousUser(),
        "author": reporter,
        "other_reporter": other_reporter,
        "editor": editor,
    }
    allowed = {role for role in ROLES if workflow.can(people[role], action, article)}
    assert allowed == EXPECTED[(status, action)]


def test_each_legal_transition_writes_exactly_one_event(reporter, editor):
    article = make_article(reporter)
    workflow.submit(article, reporter)
    workflow.send_back(article, editor, "More detail, please.")
    KeyTakeaway.objects.create(article=article, text="A second point")
    workflow.submit(article, reporter)
    workflow.publish(article, editor)
    workflow.unpublish(article, editor, "Held for legal.")
    assert list(article.events.values_list("action", flat=True)) == [
        "submit",
        "send_back",
        "submit",
        "publish",
        "unpublish",
    ]
