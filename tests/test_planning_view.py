"""The planning view: stories still to come by day for the next three weeks, with the overdue,
the later and the undated apart; filters by section, person and status; editors change a
story's plan on its row, reporters read their own; a constant number of queries."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import planning, workflow
from articles.models import Article, Byline
from tests.factories import make_article, make_full_story, make_section, make_user
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# A Monday morning in the newsroom's time zone (settings.TIME_ZONE).
MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=LONDON)
TODAY = MONDAY.date()


def planning_url(query: str = "") -> str:
    return reverse("admin:articles_article_planning") + (f"?{query}" if query else "")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def buckets(response) -> dict[str, list[int]]:
    """Each bucket of the page (by its id) with the ids of the stories listed in it."""
    assert response.status_code == 200
    return {
        section["id"]: [
            int(li["id"].removeprefix("story-")) for li in section.select("li.planning-story")
        ]
        for section in parse(response).select("section.planning-bucket")
    }


def listed(response) -> set[int]:
    return {pk for pks in buckets(response).values() for pk in pks}


def day_id(offset: int) -> str:
    return f"day-{TODAY + timedelta(days=offset):%Y-%m-%d}"


def planned(article: Article, day: date | None, *people, note: str = "") -> Article:
    """Write a plan straight to the row (the service refuses past days; tests need them)."""
    Article.objects.filter(pk=article.pk).update(planned_for=day, planning_note=note)
    article.assignees.through.objects.bulk_create(
        article.assignees.through(article_id=article.pk, user_id=p.pk) for p in people
    )
    return article


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(MONDAY, tick=False)


# -- days and buckets ---------------------------------------------------------------------------


def test_stories_sit_on_their_planned_day_over_three_weeks_with_overdue_later_and_undated(
    monday, editor_client, reporter, second_editor
):
    today = planned(make_article(reporter), TODAY)
    tomorrow = planned(make_article(reporter), TODAY + timedelta(days=1))
    last_day = planned(make_article(reporter), TODAY + timedelta(days=20))
    later = planned(make_article(reporter), TODAY + timedelta(days=21))
    overdue = planned(make_article(reporter), TODAY - timedelta(days=1))
    undated = make_article(reporter)
    in_review = planned(make_article(reporter, status="review"), TODAY + timedelta(days=5))
    scheduled = make_article(reporter, status="review")
    workflow.publish(scheduled, second_editor, at=MONDAY + timedelta(days=3, hours=1))
    planned(scheduled, TODAY + timedelta(days=10))  # its publication time decides its day
    live = planned(make_full_story(reporter, second_editor), TODAY + timedelta(days=2))

    found = buckets(editor_client.get(planning_url()))

    assert list(found) == [
        "overdue",
        *[day_id(n) for n in range(planning.HORIZON_DAYS)],
        "later",
        "undated",
    ]
    assert found["overdue"] == [overdue.pk]
    assert found[day_id(0)] == [today.pk]
    assert found[day_id(1)] == [tomorrow.pk]
    assert found[day_id(3)] == [scheduled.pk]
    assert found[day_id(5)] == [in_review.pk]
    assert found[day_id(20)] == [last_day.pk]
    assert found["later"] == [later.pk]
    assert found["undated"] == [undated.pk]
    assert live.pk not in listed(editor_client.get(planning_url()))


def test_the_days_are_headed_today_tomorrow_then_by_weekday(monday, editor_client):
    page = parse(editor_client.get(planning_url()))
    headings = [" ".join(h.text.split()) for h in page.select("section.planning-bucket h2")]

    assert headings[:4] == [
        "Overdue",
        "Today, Monday 1 March",
        "Tomorrow, Tuesday 2 March",
        "Wednesday 3 March",
    ]
    assert headings[-3:] == ["Sunday 21 March", "Later than 21 days from now", "No planned date"]


def test_within_a_day_scheduled_stories_come_first_by_time_then_review_then_drafts(
    monday, editor_client, reporter, second_editor
):
    day = TODAY + timedelta(days=2)
    draft = planned(make_article(reporter, headline="A draft"), day)
    in_review = planned(make_article(reporter, status="review", headline="Z in review"), day)
    late, early = make_article(reporter, status="review"), make_article(reporter, status="review")
    workflow.publish(late, second_editor, at=MONDAY + timedelta(days=2, hours=8))
    workflow.publish(early, second_editor, at=MONDAY + timedelta(days=2, hours=1))

    found = buckets(editor_client.get(planning_url()))

    assert found[day_id(2)] == [early.pk, late.pk, in_review.pk, draft.pk]


def test_the_undated_bucket_shows_the_latest_changed_and_says_there_are_more(
    monday, editor_client, reporter, monkeypatch
):
    monkeypatch.setattr(planning, "UNDATED_SHOWN", 2)
    oldest, middle, newest = (make_article(reporter) for _ in range(3))
    for n, article in enumerate((oldest, middle, newest)):
        Article.objects.filter(pk=article.pk).update(updated_at=MONDAY - timedelta(days=3 - n))

    response = editor_client.get(planning_url())

    assert buckets(response)["undated"] == [newest.pk, middle.pk]
    undated = parse(response).select_one("#undated")
    assert "(2+)" in undated.h2.text
    assert "The 2 most recently changed" in undated.text


def test_a_story_shows_its_status_people_plan_and_latest_workflow_note(
    monday, editor_client, editor, reporter, other_reporter
):
    story = make_article(reporter, headline="Ferry timetable to change")
    Byline.objects.create(article=story, author=other_reporter)
    workflow.submit(story, reporter, "Figures checked with the operator.")
    workflow.send_back(story, editor, "Add the council's response.")
    planning.plan(editor, story, TODAY + timedelta(days=2), [other_reporter, editor], "Photo?")

    row = parse(editor_client.get(planning_url())).select_one(f"#story-{story.pk}")

    facts = {
        dt.text: dd.text.strip() for dt, dd in zip(row.select("dt"), row.select("dd"), strict=True)
    }
    assert facts == {
        "Section": "City",
        "Authors": "Rosa, Rhys",
        "Assigned": "Marek, Rhys",
        "Planned for": "Wed 3 Mar",
    }
    assert row.select_one(".planning-status").text == "Draft"
    assert " ".join(row.select_one(".planning-note").text.split()) == "Plan: Photo?"
    note = " ".join(row.select_one(".planning-workflow-note").text.split())
    assert note == "Sent back by Marek (1 Mar 09:00): Add the council's response."


# -- filters ------------------------------------------------------------------------------------


def test_the_filters_pick_by_section_person_and_status(
    monday, editor_client, editor, reporter, other_reporter, second_editor
):
    coast = make_section("Coast")
    mine = make_article(reporter)
    theirs = make_article(other_reporter, section=coast)
    bylined = make_article(other_reporter)
    Byline.objects.create(article=bylined, author=reporter)
    assigned = make_article(other_reporter, status="review")
    planning.plan(editor, assigned, None, [reporter])
    scheduled = make_article(other_reporter, status="review", section=coast)
    workflow.publish(scheduled, second_editor, at=MONDAY + timedelta(days=1))

    def pick(query: str) -> set[int]:
        return listed(editor_client.get(planning_url(query)))

    assert pick(f"section={coast.pk}") == {theirs.pk, scheduled.pk}
    assert pick(f"person={reporter.pk}") == {mine.pk, bylined.pk, assigned.pk}
    assert pick("state=draft") == {mine.pk, theirs.pk, bylined.pk}
    assert pick("state=review") == {assigned.pk}
    assert pick("state=scheduled") == {scheduled.pk}
    assert pick(f"section={coast.pk}&state=draft") == {theirs.pk}
    assert pick("") == {mine.pk, theirs.pk, bylined.pk, assigned.pk, scheduled.pk}


@pytest.mark.parametrize(
    "query",
    [
        "person=abc&state=review",
        "section=99999999999999999999&state=review",
        "section=-1&state=review&person=",
        "state=review&person=99999",
    ],
)
def test_a_filter_value_that_is_not_a_choice_is_named_and_the_others_still_apply(
    monday, editor_client, reporter, query
):
    make_article(reporter)
    in_review = make_article(reporter, status="review")

    response = editor_client.get(planning_url(query))

    assert listed(response) == {in_review.pk}
    page = parse(response)
    assert "A filter was not understood" in page.select_one(".planning-filters .errornote").text
    assert page.select(".planning-filters .errorlist")
    assert form_fields(response, "planning-filters")["state"] == "review"


# -- who sees and changes what ------------------------------------------------------------------


def test_someone_signed_out_is_sent_to_the_login(client):
    response = client.get(planning_url())

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_who_do_not_write_stories_are_refused(client):
    client.force_login(make_user("clerk", is_staff=True))

    assert client.get(planning_url()).status_code == 403


def test_a_reporter_sees_their_own_stories_plans_read_only(
    monday, reporter_client, reporter, other_reporter, editor
):
    own = planned(make_article(reporter), TODAY + timedelta(days=2), editor, note="Photo?")
    other = make_article(other_reporter)
    assigned_to_them = make_article(other_reporter)
    planning.plan(editor, assigned_to_them, None, [reporter])

    response = reporter_client.get(planning_url())

    assert listed(response) == {own.pk}
    page = parse(response)
    assert page.select("form.planning-form") == []
    assert page.select_one("select[name=person]") is None
    assert "Photo?" in page.select_one(f"#story-{own.pk}").text
    assert other.pk not in listed(response)


def test_a_reporter_posting_a_plan_is_refused_and_nothing_changes(
    monday, reporter_client, reporter
):
    own = make_article(reporter)

    response = reporter_client.post(
        planning_url(),
        {"story": own.pk, "planned_for": "2027-03-05", "assignees": [reporter.pk]},
    )

    assert response.status_code == 403
    fresh = Article.objects.get(pk=own.pk)
    assert (fresh.planned_for, list(fresh.assignees.all())) == (None, [])


def test_an_editor_changes_a_plan_on_its_row_and_comes_back_to_the_same_view(
    monday, editor_client, reporter, other_reporter
):
    story = make_article(reporter, headline="Ferry timetable to change")
    url = planning_url(f"state=draft&section={story.section_id}")
    form = form_fields(editor_client.get(url), f"plan-{story.pk}")
    form.update(
        planned_for="2027-03-04",
        assignees=[str(reporter.pk), str(other_reporter.pk)],
        planning_note="Front page on Thursday",
    )

    response = editor_client.post(url, form)

    assert response.status_code == 302
    assert response["Location"] == f"{url}#story-{story.pk}"
    fresh = Article.objects.get(pk=story.pk)
    assert fresh.planned_for == date(2027, 3, 4)
    assert set(fresh.assignees.all()) == {reporter, other_reporter}
    assert fresh.planning_note == "Front page on Thursday"
    page = editor_client.get(url)
    assert buckets(page)[day_id(3)] == [story.pk]
    assert "Plan saved: “Ferry timetable to change”." in page.content.decode()


def test_a_refused_plan_comes_back_open_on_its_row_with_what_was_typed(
    monday, editor_client, reporter, other_reporter
):
    story = make_article(reporter)
    form = form_fields(editor_client.get(planning_url()), f"plan-{story.pk}")
    form.update(
        planned_for="2027-02-26", assignees=[str(other_reporter.pk)], planning_note="Hold it"
    )

    response = editor_client.post(planning_url(), form)

    assert response.status_code == 200
    row = parse(response).select_one(f"#story-{story.pk}")
    assert row.select_one("details.planning-change").has_attr("open")
    assert "Choose today or a later day." in row.select_one(".errorlist").text
    kept = form_fields(response, f"plan-{story.pk}")
    assert (kept["planned_for"], kept["assignees"], kept["planning_note"]) == (
        "2027-02-26",
        str(other_reporter.pk),
        "Hold it",
    )
    assert Article.objects.get(pk=story.pk).planned_for is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"planned_for": "31/02/2027"}, "Enter a valid date."),
        ({"planned_for": "99999-01-01"}, "Enter a valid date."),
        ({"assignees": ["abc"]}, "Select a valid choice."),
        ({"planning_note": "x" * 281}, "at most 280 characters"),
    ],
)
def test_a_plan_that_does_not_make_sense_is_named_on_its_row(
    monday, editor_client, reporter, fields, message
):
    story = make_article(reporter)

    response = editor_client.post(planning_url(), {"story": story.pk, **fields})

    assert response.status_code == 200
    assert message in parse(response).select_one(f"#story-{story.pk} .errorlist").text
    fresh = Article.objects.get(pk=story.pk)
    assert (fresh.planned_for, fresh.planning_note) == (None, "")


def test_a_user_who_is_not_staff_cannot_be_assigned_through_the_form(
    monday, editor_client, reporter
):
    story = make_article(reporter)
    reader = make_user("reader")

    response = editor_client.post(planning_url(), {"story": story.pk, "assignees": [reader.pk]})

    assert "Select a valid choice." in parse(response).select_one(f"#story-{story.pk}").text
    assert list(Article.objects.get(pk=story.pk).assignees.all()) == []


@pytest.mark.parametrize("story", ["", "abc", "-3", "1e3", "99999999999999999999"])
def test_a_plan_for_no_story_is_named_above_the_days(monday, editor_client, story):
    response = editor_client.post(planning_url(), {"story": story, "planned_for": "2027-03-04"})

    assert response.status_code == 200
    assert "That plan was not saved" in parse(response).select_one(".planning-stray").text


def test_a_plan_for_a_story_that_does_not_exist_is_not_found(monday, editor_client):
    response = editor_client.post(planning_url(), {"story": 987654, "planned_for": "2027-03-04"})

    assert response.status_code == 404


def test_a_plan_for_a_live_story_is_refused_with_the_reason(
    monday, editor_client, reporter, second_editor
):
    live = make_full_story(reporter, second_editor)

    response = editor_client.post(planning_url(), {"story": live.pk, "planned_for": "2027-03-04"})

    assert "This story is already live" in parse(response).select_one(".planning-stray").text
    assert Article.objects.get(pk=live.pk).planned_for is None


def test_a_plan_posted_without_the_csrf_token_is_refused(monday, editor, reporter):
    story = make_article(reporter)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(planning_url(), {"story": story.pk, "planned_for": "2027-03-04"})

    assert response.status_code == 403
    assert Article.objects.get(pk=story.pk).planned_for is None


def test_only_get_and_post_are_answered(monday, editor_client):
    assert editor_client.put(planning_url()).status_code == 405
    assert editor_client.delete(planning_url()).status_code == 405


def test_what_writers_typed_is_shown_as_text(monday, editor_client, editor, reporter):
    story = make_article(reporter, headline="<script>alert('headline')</script>")
    workflow.submit(story, reporter, "<img src=x onerror=alert('note')>")
    planning.plan(editor, story, TODAY, [], "<b onmouseover=alert('plan')>bold</b>")

    response = editor_client.get(planning_url())

    row = parse(response).select_one(f"#story-{story.pk}")
    assert row.select("script, img, b[onmouseover]") == []
    assert "<script>alert('headline')</script>" in row.select_one(".planning-headline").text
    assert "<img src=x onerror=alert('note')>" in row.select_one(".planning-workflow-note").text
    assert "<b onmouseover=alert('plan')>bold</b>" in row.select_one(".planning-note").text


# -- cost -------------------------------------------------------------------------------------


def _fill_desk(count: int, reporter, editor, second_editor) -> None:
    """`count` stories of every kind the view lists, each with bylines, assignees and notes."""
    for n in range(count):
        draft = make_article(reporter)
        Byline.objects.create(article=draft, author=make_user(f"writer{n}-{count}", "Reporters"))
        workflow.submit(draft, reporter, "Ready")
        workflow.send_back(draft, editor, "Not yet")
        planning.plan(editor, draft, TODAY + timedelta(days=n % 25), [reporter, editor], "Plan")
        make_article(reporter, status="review")  # undated
        scheduled = make_article(reporter, status="review")
        workflow.publish(scheduled, second_editor, at=MONDAY + timedelta(days=n % 25, hours=1))
        planning.plan(editor, scheduled, None, [reporter])
        planned(make_article(reporter), TODAY - timedelta(days=1 + n))


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(planning_url())
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["editor", "reporter"])
def test_the_view_asks_the_same_number_of_queries_however_many_stories_it_lists(
    monday, who, editor, reporter, second_editor
):
    client = client_for(editor if who == "editor" else reporter)
    _fill_desk(2, reporter, editor, second_editor)
    few = _queries(client)

    _fill_desk(10, reporter, editor, second_editor)
    many = _queries(client)

    assert len(listed(client.get(planning_url()))) == 48
    assert many == few


def test_the_page_is_linked_from_the_story_list(editor_client, reporter_client):
    for client in (editor_client, reporter_client):
        page = parse(client.get(reverse("admin:articles_article_changelist")))
        link = page.select_one("a.planning-link")
        assert link is not None and link["href"] == planning_url()


def test_the_filter_form_and_every_row_form_have_ids_of_their_own(monday, editor_client, reporter):
    make_article(reporter), make_article(reporter)

    html = editor_client.get(planning_url()).content.decode()

    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
