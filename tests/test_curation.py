"""Choosing what leads a page (articles.curation): editors only, published stories only, each
story once, a few pins, end times in the future; every change logged with who and when."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import curation, workflow
from articles.curation import Slot
from articles.models import MAX_PINS, Curation, CurationChange, Pin
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db


def publish_stories(reporter, editor, numbers: range) -> list:
    return [
        make_article(reporter, status="published", editor=editor, headline=f"Story {n}")
        for n in numbers
    ]


@pytest.fixture
def live(reporter, editor):
    """Six published stories, "Story 0" to "Story 5"."""
    return publish_stories(reporter, editor, range(6))


def chosen_headlines(section=None) -> tuple[str | None, list[str]]:
    shown = curation.showing(section)
    return (shown.lead.headline if shown.lead else None, [s.headline for s in shown.pins])


def test_an_editor_chooses_the_front_pages_lead_and_top_stories_in_order(editor, live):
    curation.set_front(editor, Slot(live[3]), [Slot(live[5]), Slot(live[1]), Slot(live[2])])
    assert chosen_headlines() == ("Story 3", ["Story 5", "Story 1", "Story 2"])


def test_a_new_choice_replaces_the_old_one(editor, live):
    curation.set_front(editor, Slot(live[3]), [Slot(live[5]), Slot(live[1])])
    curation.set_front(editor, None, [Slot(live[1])])
    assert chosen_headlines() == (None, ["Story 1"])
    assert Pin.objects.count() == 1


def test_each_section_has_its_own_choice_apart_from_the_front_page(editor, live):
    city, sport = make_section("City"), make_section("Sport")
    curation.set_front(editor, Slot(live[0]), [])
    curation.set_section(editor, city, Slot(live[1]), [Slot(live[2])])
    curation.set_section(editor, sport, None, [Slot(live[3])])
    assert chosen_headlines() == ("Story 0", [])
    assert chosen_headlines(city) == ("Story 1", ["Story 2"])
    assert chosen_headlines(sport) == (None, ["Story 3"])
    assert Curation.objects.count() == 3


@pytest.mark.parametrize("who", ["reporter", "inactive editor", "staff without a role"])
def test_only_editors_may_choose(reporter, live, who):
    user = {
        "reporter": reporter,
        "inactive editor": make_user("ex", "Editors", is_active=False),
        "staff without a role": make_user("clerk", is_staff=True),
    }[who]
    with pytest.raises(PermissionDenied):
        curation.set_front(user, Slot(live[0]), [])
    with pytest.raises(PermissionDenied):
        curation.set_section(user, make_section("City"), None, [Slot(live[1])])
    assert not Pin.objects.exists() and not CurationChange.objects.exists()


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_only_published_stories_can_lead_or_be_pinned(reporter, editor, live, state):
    story = make_article(reporter, status="review" if state != "draft" else "draft")
    if state == "scheduled":
        workflow.publish(story, editor, at=timezone.now() + timedelta(hours=2))
    if state == "unpublished":
        workflow.publish(story, editor)
        workflow.unpublish(story, editor, "A fact to check.")
    with pytest.raises(ValidationError) as refused:
        curation.set_front(editor, Slot(story), [Slot(live[0]), Slot(story)])
    assert refused.value.message_dict == {
        "lead": [f"“{story.headline}” is not published, so it cannot lead or be pinned."],
        "pin-2": [
            f"“{story.headline}” is not published, so it cannot lead or be pinned.",
            f"“{story.headline}” is chosen twice: a story is shown once on a page.",
        ],
    }
    assert not Pin.objects.exists()


def test_a_story_is_chosen_once_per_page(editor, live):
    with pytest.raises(ValidationError) as refused:
        curation.set_front(editor, Slot(live[0]), [Slot(live[1]), Slot(live[0])])
    assert refused.value.message_dict == {
        "pin-2": ["“Story 0” is chosen twice: a story is shown once on a page."]
    }


def test_the_database_also_holds_a_story_to_one_slot_per_page(editor, live):
    place = curation.set_front(editor, Slot(live[0]), [])
    with pytest.raises(IntegrityError), transaction.atomic():
        Pin.objects.create(curation=place, position=1, story=live[0])


def test_at_most_six_top_stories_are_pinned(reporter, editor, live):
    assert MAX_PINS == 6
    live += publish_stories(reporter, editor, range(6, 7))
    with pytest.raises(ValidationError) as refused:
        curation.set_front(editor, None, [Slot(story) for story in live[:7]])
    assert refused.value.message_dict == {"__all__": ["At most 6 top stories can be pinned."]}
    curation.set_front(editor, None, [Slot(story) for story in live[:6]])
    assert len(curation.showing(None).pins) == 6


def test_an_end_time_must_be_in_the_future(editor, live):
    past = timezone.now() - timedelta(minutes=1)
    with pytest.raises(ValidationError) as refused:
        curation.set_front(editor, Slot(live[0], until=past), [])
    assert refused.value.message_dict == {
        "lead": ["The end time for “Story 0” has already passed."]
    }


def test_every_change_is_logged_with_who_when_and_the_choice(editor, second_editor, live):
    moment = timezone.now().replace(microsecond=0) + timedelta(minutes=1)
    until = moment + timedelta(hours=6)
    with time_machine.travel(moment, tick=False):
        curation.set_front(editor, Slot(live[2], until=until), [Slot(live[4]), Slot(live[5])])
    with time_machine.travel(moment + timedelta(minutes=5), tick=False):
        place = curation.set_front(second_editor, None, [])
    assert (place.changed_by, place.changed_at, place.version) == (
        second_editor,
        moment + timedelta(minutes=5),
        2,
    )
    log = list(place.changes.all())  # newest first
    assert [(c.changed_by, c.changed_by_name, c.changed_at) for c in log] == [
        (second_editor, "Nadia", moment + timedelta(minutes=5)),
        (editor, "Marek", moment),
    ]
    local = timezone.localtime(until).strftime("%Y-%m-%d %H:%M")
    assert log[1].summary == (
        f"Lead: “Story 2” until {local}. Top stories: 1. “Story 4”; 2. “Story 5”."
    )
    assert log[0].summary == "Lead: the newest story. No top stories pinned."


def test_the_log_is_never_rewritten(editor, live):
    curation.set_front(editor, Slot(live[0]), [])
    change = CurationChange.objects.get()
    change.summary = "Nothing happened."
    with pytest.raises(PermissionDenied):
        change.save()


def test_a_choice_read_before_someone_elses_save_is_refused_and_says_who(
    editor, second_editor, live
):
    seen = curation.chosen(None).version
    curation.set_front(second_editor, Slot(live[1]), [])
    with pytest.raises(ValidationError) as refused:
        curation.set_front(editor, Slot(live[2]), [], expected_version=seen)
    assert refused.value.code == "conflict"
    assert refused.value.messages[0].startswith("Nadia changed this page at ")
    assert chosen_headlines() == ("Story 1", [])
    curation.set_front(editor, Slot(live[2]), [], expected_version=seen + 1)
    assert chosen_headlines() == ("Story 2", [])


def test_a_pin_whose_story_is_unpublished_is_skipped_not_an_error(editor, second_editor, live):
    curation.set_front(editor, Slot(live[0]), [Slot(live[1]), Slot(live[2])])
    workflow.unpublish(live[0], second_editor, "A name was wrong.")
    workflow.unpublish(live[1], second_editor, "A name was wrong.")
    assert chosen_headlines() == (None, ["Story 2"])
    choice = curation.chosen(None)
    assert choice.lead is None and [pin.story for pin in choice.pins] == [live[2]]
    assert [(pin.story, why) for pin, why in choice.gone] == [
        (live[0], "no longer published"),
        (live[1], "no longer published"),
    ]


def test_a_pin_is_shown_until_its_end_time_and_not_after(editor, live):
    start = timezone.now().replace(microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=False) as clock:
        curation.set_front(
            editor,
            Slot(live[0], until=start + timedelta(hours=2)),
            [Slot(live[1], until=start + timedelta(hours=1)), Slot(live[2])],
        )
        assert curation.next_expiry() == start + timedelta(hours=1)
        clock.move_to(start + timedelta(minutes=59))
        assert chosen_headlines() == ("Story 0", ["Story 1", "Story 2"])
        clock.move_to(start + timedelta(hours=1))
        assert chosen_headlines() == ("Story 0", ["Story 2"])
        assert curation.next_expiry() == start + timedelta(hours=2)
        clock.move_to(start + timedelta(hours=2, seconds=1))
        assert chosen_headlines() == (None, ["Story 2"])
        assert curation.next_expiry() is None
        ended = [why for _pin, why in curation.chosen(None).gone]
        assert ended == [
            "its time ended at "
            + timezone.localtime(start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "its time ended at "
            + timezone.localtime(start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        ]
