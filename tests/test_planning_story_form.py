"""The plan on the story form (the editor's side panel): editors change it with the story and
it is saved through the planning service; reporters read it; a page that did not show it
never clears it; a plan's problem keeps the whole form as typed."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from articles import planning
from articles.models import Article, StoryRevision
from tests.factories import make_article, make_full_story, make_section
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=ZoneInfo("Europe/London"))
THURSDAY = date(2027, 3, 4)


@pytest.fixture(autouse=True)
def monday(time_machine):
    time_machine.move_to(MONDAY, tick=False)


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def opened(client, article: Article | None = None) -> dict:
    """The story form as the browser holds it, with the plan block the side panel shows."""
    url = change_url(article) if article else reverse("admin:articles_article_add")
    response = client.get(url)
    form = response.context["adminform"].form
    data = form_fields(response, "article_form")
    data["plan_shown"] = "True"
    data["planned_for"] = form["planned_for"].value() or ""
    data["assignees"] = [str(pk) for pk in form["assignees"].value() or []]
    data["planning_note"] = form["planning_note"].value() or ""
    return data


def plan_of(article: Article) -> tuple:
    fresh = Article.objects.get(pk=article.pk)
    return fresh.planned_for, {p.username for p in fresh.assignees.all()}, fresh.planning_note


def test_the_story_form_holds_the_storys_plan(editor_client, editor, reporter):
    story = make_article(reporter)
    planning.plan(editor, story, THURSDAY, [reporter], "Photo?")

    form = editor_client.get(change_url(story)).context["adminform"].form

    assert form["planned_for"].value() == THURSDAY
    assert form["assignees"].value() == [str(reporter.pk)]
    assert form["planning_note"].value() == "Photo?"
    assert not form.fields["planned_for"].disabled
    assert (str(reporter.pk), "Rosa") in form.fields["assignees"].choices


def test_an_editor_changes_the_plan_with_the_story(editor_client, reporter, other_reporter):
    story = make_article(reporter)
    data = opened(editor_client, story)
    data.update(
        headline="Ferry timetable to change",
        planned_for="2027-03-04",
        assignees=[str(reporter.pk), str(other_reporter.pk)],
        planning_note="Lead on Thursday",
    )

    response = editor_client.post(change_url(story), data)

    assert response.status_code == 302, parse(response).select(".errorlist")
    assert plan_of(story) == (THURSDAY, {"rosa", "rhys"}, "Lead on Thursday")
    assert Article.objects.get(pk=story.pk).headline == "Ferry timetable to change"
    comment = StoryRevision.objects.filter(article=story).first().revision.get_comment()
    assert "headline" in comment.lower() and "plan" not in comment.lower()


def test_an_editor_plans_a_new_story_as_it_is_written(editor_client, reporter):
    data = opened(editor_client)
    data.update(
        headline="Harbour toll explained",
        standfirst="What the toll means for boats.",
        section=str(make_section("City").pk),
        planned_for="2027-03-04",
        assignees=[str(reporter.pk)],
    )

    response = editor_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, parse(response).select(".errorlist")
    assert plan_of(Article.objects.get()) == (THURSDAY, {"rosa"}, "")


def test_a_reporter_sees_the_plan_but_what_they_post_of_it_is_ignored(
    reporter_client, reporter, editor
):
    story = make_article(reporter)
    planning.plan(editor, story, THURSDAY, [editor], "Editor's plan")
    data = opened(reporter_client, story)
    assert (
        reporter_client.get(change_url(story))
        .context["adminform"]
        .form.fields["planned_for"]
        .disabled
    )
    data.update(
        standfirst="A new standfirst.",
        planned_for="2027-03-02",
        assignees=[str(reporter.pk)],
        planning_note="Mine now",
    )

    response = reporter_client.post(change_url(story), data)

    assert response.status_code == 302, parse(response).select(".errorlist")
    assert Article.objects.get(pk=story.pk).standfirst == "A new standfirst."
    assert plan_of(story) == (THURSDAY, {"marek"}, "Editor's plan")


def test_a_form_that_did_not_show_the_plan_leaves_it_alone(editor_client, editor, reporter):
    story = make_article(reporter)
    planning.plan(editor, story, THURSDAY, [reporter], "Keep me")
    data = form_fields(editor_client.get(change_url(story)), "article_form")
    data["headline"] = "Saved from a form without the plan"

    response = editor_client.post(change_url(story), data)

    assert response.status_code == 302, parse(response).select(".errorlist")
    assert plan_of(story) == (THURSDAY, {"rosa"}, "Keep me")


def test_a_plans_problem_keeps_the_whole_form_as_typed_and_saves_nothing(editor_client, reporter):
    story = make_article(reporter, headline="Ferry timetable")
    data = opened(editor_client, story)
    data.update(headline="Ferry timetable to change", planned_for="2027-02-20")

    response = editor_client.post(change_url(story), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["planned_for"] == ["Choose today or a later day."]
    assert form["headline"].value() == "Ferry timetable to change"
    assert Article.objects.get(pk=story.pk).headline == "Ferry timetable"
    assert plan_of(story) == (None, set(), "")


def test_a_live_storys_plan_is_read_only_on_its_form(editor_client, reporter, second_editor):
    live = make_full_story(reporter, second_editor)
    data = opened(editor_client, live)
    data.update(change="update", planned_for="2027-03-04", assignees=[str(reporter.pk)])

    response = editor_client.post(change_url(live), data)

    assert response.status_code == 302, parse(response).select(".errorlist")
    assert plan_of(live) == (None, set(), "")
