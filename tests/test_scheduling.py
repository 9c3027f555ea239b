"""Scheduled stories appear on their own at their time; approval binds to what was reviewed."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, WorkflowEvent
from tests.factories import author_page, make_article, make_tag
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db

START = timezone.now().replace(second=0, microsecond=0) + timedelta(days=1)


def transition_url(article, action, **query):
    url = reverse("admin:articles_article_transition", args=[article.pk, action])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def public_surfaces(client, article) -> dict[str, bool]:
    """Where an anonymous reader can see the story."""
    listed = {
        "front": reverse("articles:front"),
        "section": article.section.get_absolute_url(),
        "tag": reverse("articles:tag", args=["tides"]),
        "author": author_page(article.created_by),
    }
    seen = {
        name: article.headline in client.get(url).content.decode() for name, url in listed.items()
    }
    seen["page"] = client.get(article.get_absolute_url()).status_code == 200
    return seen


def test_a_scheduled_story_appears_on_every_surface_at_its_time(reporter, editor, client):
    """A5: publish at now + 1 h; hidden at now and now + 59 min, everywhere at now + 61 min."""
    with time_machine.travel(START, tick=False) as clock:
        article = make_article(reporter, status="review", headline="Spring tide warning")
        article.tags.add(make_tag("Tides"))
        workflow.publish(article, editor, at=START + timedelta(hours=1))
        assert set(public_surfaces(client, article).values()) == {False}
        clock.move_to(START + timedelta(minutes=59))
        assert set(public_surfaces(client, article).values()) == {False}
        clock.move_to(START + timedelta(minutes=61))
        assert set(public_surfaces(client, article).values()) == {True}


def test_editor_reschedules_a_scheduled_story(reporter, second_editor, editor_client):
    with time_machine.travel(START, tick=False):
        article = make_article(reporter, status="review")
        workflow.publish(article, second_editor, at=START + timedelta(hours=1))
        article.refresh_from_db()
        later = timezone.localtime(START + timedelta(hours=5))
        page = parse(editor_client.get(reverse("admin:articles_article_change", args=[article.pk])))
        assert page.select_one("a.workflow-reschedule") is not None
        response = editor_client.post(
            transition_url(article, "reschedule"),
            {"when": "later", "at": later.strftime("%Y-%m-%dT%H:%M"), "version": article.version},
        )
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.published_at == later and article.first_published_at == later
        assert article.is_scheduled
        assert WorkflowEvent.objects.filter(article=article, action="reschedule").count() == 1


def test_publish_now_instead_of_at_the_scheduled_time(reporter, editor, client):
    with time_machine.travel(START, tick=False):
        article = make_article(reporter, status="review")
        workflow.publish(article, editor, at=START + timedelta(days=2))
        workflow.reschedule(article, editor)
        article.refresh_from_db()
        assert article.is_live and article.published_at == START
        assert client.get(article.get_absolute_url()).status_code == 200


def test_a_live_story_cannot_be_rescheduled(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    assert not workflow.can(editor, workflow.RESCHEDULE, article)
    with pytest.raises(Exception, match="Only a scheduled story"):
        workflow.reschedule(article, editor, at=timezone.now() + timedelta(hours=1))


def test_reporter_cannot_reschedule(reporter, editor):
    from django.core.exceptions import PermissionDenied

    article = make_article(reporter, status="review")
    workflow.publish(article, editor, at=timezone.now() + timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        workflow.reschedule(article, reporter)


def test_publishing_a_story_changed_since_review_is_refused(
    reporter, editor, second_editor, editor_client
):
    """E5: the publish page carries the version reviewed; a later edit makes it stale."""
    article = make_article(reporter, status="review", headline="Council budget")
    change_page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    publish_link = parse(change_page).select_one("a.workflow-publish")["href"]
    publish_form = form_fields(editor_client.get(publish_link), "transition-form")
    assert publish_form["version"] == str(article.version)

    article.refresh_from_db()
    article.headline = "Council budget (changed after review)"
    article.save()  # another editor's edit, after the review

    response = editor_client.post(publish_link, {**publish_form, "when": "now"}, follow=True)
    messages = [li.text for li in parse(response).select(".messagelist li")]
    assert any("changed since you reviewed it" in message for message in messages)
    assert Article.objects.get(pk=article.pk).status == "review"
    assert not WorkflowEvent.objects.filter(action="publish").exists()


def test_publish_with_the_reviewed_version_goes_through(reporter, editor):
    article = make_article(reporter, status="review")
    workflow.publish(article, editor, expected_version=article.version)
    assert Article.objects.get(pk=article.pk).status == "published"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_publishing_at_the_same_instant_record_one_event(
    reporter, editor, second_editor
):
    """E6: both click Publish; one publishes, the other is told it is already published."""
    article = make_article(reporter, status="review")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def click(user):
        try:
            barrier.wait(timeout=10)
            workflow.publish(Article.objects.get(pk=article.pk), user)
            outcomes.append("published")
        except Exception as error:  # the loser's refusal is the point of the test
            outcomes.append(" ".join(getattr(error, "messages", [str(error)])))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click, args=(user,)) for user in (editor, second_editor)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes)[0].startswith("Only a story in review can be published")
    assert sorted(outcomes)[1] == "published"
    assert WorkflowEvent.objects.filter(article=article, action="publish").count() == 1
    assert article.revisions.filter(action="publish").count() == 1
