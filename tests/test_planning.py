"""Planning a story: editors set the day it is planned for, who works on it and a short note;
nobody else can, and a plan changes nothing readers see, nor the story itself."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils import timezone

from articles import editing, planning, search, workflow
from articles.models import Article, StoryRender, StoryRevision, WorkflowEvent
from edge import contentkeys
from tests.factories import make_article, make_full_story, make_profile, make_user
from tests.page_cache_support import cached, fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(reporter):
    return make_article(reporter, headline="Ferry timetable to change")


def next_week():
    return timezone.localdate() + timedelta(days=7)


def plan_of(article: Article) -> tuple:
    fresh = Article.objects.get(pk=article.pk)
    people = sorted(person.username for person in fresh.assignees.all())
    return fresh.planned_for, people, fresh.planning_note


# -- who plans ----------------------------------------------------------------------------------


def test_an_editor_plans_a_storys_day_assignees_and_note(editor, reporter, other_reporter, draft):
    planning.plan(editor, draft, next_week(), [reporter, other_reporter], "  Needs a photo.  ")

    assert plan_of(draft) == (next_week(), ["rhys", "rosa"], "Needs a photo.")
    assert (draft.planned_for, draft.planning_note) == (next_week(), "Needs a photo.")


def test_a_reporter_cannot_plan_even_their_own_story(reporter, draft):
    with pytest.raises(PermissionDenied):
        planning.plan(reporter, draft, next_week(), [reporter], "Mine")

    assert plan_of(draft) == (None, [], "")


@pytest.mark.parametrize("who", ["inactive editor", "editor without staff status", "reader"])
def test_nobody_but_an_active_staff_editor_plans(who, draft, reporter):
    if who == "reader":
        user = make_user("reader")
    else:
        user = make_user("ed", "Editors")
        user.is_active = who != "inactive editor"
        user.is_staff = who != "editor without staff status"
        user.save()

    with pytest.raises(PermissionDenied):
        planning.plan(user, draft, next_week(), [reporter])

    assert plan_of(draft) == (None, [], "")


def test_only_active_reporters_and_editors_can_be_assigned(editor, reporter, draft):
    reader = make_user("reader", first_name="Rita", last_name="Reader")
    gone = make_user("gone", "Reporters", first_name="Gwen", last_name="Gone", is_active=False)

    with pytest.raises(ValidationError) as refused:
        planning.plan(editor, draft, next_week(), [reporter, reader, gone])

    assert refused.value.message_dict["assignees"] == [
        "Only active reporters and editors can be assigned; not Rita Reader, Gwen Gone."
    ]
    assert plan_of(draft) == (None, [], "")


def test_a_new_planned_day_cannot_be_in_the_past(editor, draft):
    yesterday = timezone.localdate() - timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        planning.plan(editor, draft, yesterday, [])

    assert refused.value.message_dict == {"planned_for": ["Choose today or a later day."]}
    assert plan_of(draft) == (None, [], "")


def test_an_overdue_day_can_be_kept_while_the_assignees_change(editor, reporter, draft):
    yesterday = timezone.localdate() - timedelta(days=1)
    Article.objects.filter(pk=draft.pk).update(planned_for=yesterday)

    planning.plan(editor, draft, yesterday, [reporter])

    assert plan_of(draft) == (yesterday, ["rosa"], "")


def test_a_planning_note_has_a_length_limit(editor, draft):
    with pytest.raises(ValidationError) as refused:
        planning.plan(editor, draft, None, [], "x" * (planning.NOTE_MAX_LENGTH + 1))

    assert refused.value.message_dict == {
        "planning_note": ["A planning note can be at most 280 characters; this one has 281."]
    }


def test_a_live_story_is_not_planned(editor, reporter, second_editor):
    live = make_full_story(reporter, second_editor)

    with pytest.raises(ValidationError) as refused:
        planning.plan(editor, live, next_week(), [reporter])

    assert refused.value.message_dict == {
        NON_FIELD_ERRORS: ["This story is already live; plans are for stories still to come."]
    }
    assert plan_of(live) == (None, [], "")


def test_a_scheduled_story_can_be_planned(editor, reporter, second_editor):
    scheduled = make_article(reporter, status="review")
    workflow.publish(scheduled, second_editor, at=timezone.now() + timedelta(days=2))

    planning.plan(editor, scheduled, next_week(), [reporter], "Embargoed until Friday")

    assert plan_of(scheduled) == (next_week(), ["rosa"], "Embargoed until Friday")


def test_assignees_are_replaced_and_the_note_kept_when_none_is_given(
    editor, reporter, other_reporter, draft
):
    planning.plan(editor, draft, next_week(), [reporter, editor], "Keep this")

    planning.plan(editor, draft, None, [other_reporter])

    assert plan_of(draft) == (None, ["rhys"], "Keep this")


# -- what a plan leaves alone -------------------------------------------------------------------


def test_planning_leaves_the_story_its_version_revisions_and_history(
    editor, reporter, second_editor
):
    story = make_article(reporter, status="review")
    workflow.publish(story, second_editor, at=timezone.now() + timedelta(days=1))
    before = Article.objects.get(pk=story.pk)
    revisions, events = StoryRevision.objects.count(), WorkflowEvent.objects.count()

    planning.plan(editor, story, next_week(), [reporter], "Check the embargo")

    after = Article.objects.get(pk=story.pk)
    assert (after.version, after.updated_at, after.page_token) == (
        before.version,
        before.updated_at,
        before.page_token,
    )
    assert StoryRevision.objects.count() == revisions
    assert WorkflowEvent.objects.count() == events


def test_an_open_story_form_is_not_made_stale_by_a_plan(editor, reporter, draft):
    """The reporter opened the story at its version; an editor planning it meanwhile must not
    turn their save into an edit conflict."""
    opened_at = draft.version
    planning.plan(editor, draft, next_week(), [reporter])

    story = Article.objects.get(pk=draft.pk)
    story.headline = "Ferry timetable to change in spring"
    editing.save(story, reporter, expected_version=opened_at)

    assert Article.objects.get(pk=draft.pk).headline == "Ferry timetable to change in spring"
    assert plan_of(draft)[0] == next_week()


def test_planning_does_not_refresh_the_public_caches(
    client, page_cache, committed, editor, reporter, second_editor
):
    live = make_full_story(reporter, second_editor)
    upcoming = make_article(reporter, status="review", section=live.section)
    workflow.publish(upcoming, second_editor, at=timezone.now() + timedelta(days=1))
    draft = make_article(reporter)
    urls = ["/", live.get_absolute_url(), "/api/v1/stories/", "/feeds/rss/"]
    for url in urls:
        cached(client, url)
    renders = list(StoryRender.objects.values_list("article_id", "token"))

    with contentkeys.recorded() as purged, committed():
        planning.plan(editor, draft, next_week(), [reporter], "Front page on Monday?")
        planning.plan(editor, upcoming, next_week(), [reporter, editor], "Embargo")
        planning.plan(editor, upcoming, None, [])

    assert purged == []
    for url in urls:
        assert fetch(client, url)[1] == 0, f"{url} was rendered again"
    assert list(StoryRender.objects.values_list("article_id", "token")) == renders


def test_the_cache_check_above_would_see_a_story_change(
    client, page_cache, committed, reporter, second_editor, editor
):
    """The control for the test above: an edit of the same scheduled story does purge its
    keys, so "nothing purged" there means planning did not touch the caches."""
    upcoming = make_article(reporter, status="review")
    workflow.publish(upcoming, second_editor, at=timezone.now() + timedelta(days=1))

    with contentkeys.recorded() as purged, committed():
        story = Article.objects.get(pk=upcoming.pk)
        story.headline = "Ferry timetable to change in spring"
        editing.save(story, editor, expected_version=story.version)

    assert f"story:{upcoming.pk}" in purged[0]


# -- reading the desk -----------------------------------------------------------------------------


def test_the_desk_holds_drafts_stories_in_review_and_scheduled_stories_only(
    editor, reporter, second_editor
):
    draft = make_article(reporter)
    in_review = make_article(reporter, status="review")
    scheduled = make_article(reporter, status="review")
    workflow.publish(scheduled, second_editor, at=timezone.now() + timedelta(hours=2))
    live = make_full_story(reporter, second_editor)

    on_desk = set(planning.on_the_desk(editor))

    assert {draft, in_review, scheduled} <= on_desk
    assert live not in on_desk


def test_a_reporters_desk_is_their_own_stories(reporter, other_reporter, editor):
    own = make_article(reporter)
    assigned_only = make_article(other_reporter)
    planning.plan(editor, assigned_only, None, [reporter])

    assert list(planning.on_the_desk(reporter)) == [own]


# -- the migration ------------------------------------------------------------------------------


def test_search_still_finds_stories_after_the_planning_migration(editor, reporter, second_editor):
    """On SQLite, adding the planning note rebuilds the story table, which drops the full-text
    index's triggers unless the migration makes them again."""
    story = make_full_story(reporter, second_editor, headline="Dredgers find an old wreck")

    found = search.search(Article.objects.published(), "wreck")

    assert list(found) == [story]


# -- what readers never see -----------------------------------------------------------------------


def test_a_published_storys_plan_shows_nowhere_public(client, editor, reporter, second_editor):
    """The planning note, the assignee (a name readers know from no byline) and the planned
    day stay behind on the row once the story goes live: no public door shows them."""
    story = make_article(reporter, status="review", headline="Harbour toll explained")
    planner = make_user("quillon", "Editors", first_name="Quillon", last_name="Thistlewood")
    planned = timezone.localdate() + timedelta(days=9)
    planning.plan(editor, story, planned, [planner], "Zqxjv: hold for the toll vote")
    workflow.publish(story, second_editor)
    make_profile(reporter, slug="rosa-penrose")
    urls = [
        "/",
        story.get_absolute_url(),
        "/articles/",
        story.section.get_absolute_url(),
        "/authors/rosa-penrose/",
        "/feeds/rss/",
        "/feeds/atom/",
        "/sitemap-stories.xml",
        "/sitemap-news.xml",
        "/api/v1/stories/",
        f"/api/v1/stories/{story.slug}/",
        f"/api/v1/stories/{story.slug}/ninjs/",
        "/api/v1/authors/",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        # The page is about the story (or, for the authors list, its writer).
        assert story.slug in body or "rosa-penrose" in body, url
        for secret in ("Zqxjv", "Quillon", "Thistlewood", "quillon", planned.isoformat()):
            assert secret not in body, f"{secret} on {url}"
    assert client.get("/authors/quillon/").status_code == 404
