"""When things happened in the demo newsroom: each story's history, step by step, at its time.

A story's `history` in demo_newsroom/newsroom.json lists what happened to it — written, then
submitted, sent back, published, scheduled or corrected — each on a day relative to the
newsroom's today (0 is today, -1 yesterday) at a local clock time. Each step runs through the
same doors as in the admin (the importer, the editing service, the workflow), with the clock
set to the step's moment: every time the step leaves behind (its workflow event, its revision,
the story's publication or correction time, the correction's note) is the planned one, and
no time is rewritten afterwards.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import time_machine
from django.utils import timezone

from . import editing, workflow
from .models import Article

WRITE = "write"
SUBMIT = "submit"
SEND_BACK = "send_back"
PUBLISH = "publish"
SCHEDULE = "schedule"
CORRECT = "correct"
MOVES = (SUBMIT, SEND_BACK, PUBLISH, SCHEDULE, CORRECT)


def _clock_time(step: dict) -> datetime.time:
    return datetime.time.fromisoformat(step["at"])


def newsroom_today(stories: Iterable[dict], now: datetime.datetime) -> datetime.date:
    """The demo's today: the real date once every step planned for today has had its time,
    else yesterday, so that whenever the demo is loaded its whole history is in the past."""
    local = timezone.localtime(now)
    today_steps = [
        _clock_time(step) for story in stories for step in story["history"] if step["day"] == 0
    ]
    if today_steps and local.time() < max(today_steps):
        return local.date() - datetime.timedelta(days=1)
    return local.date()


def moment(today: datetime.date, when: dict) -> datetime.datetime:
    """The aware time of a step (or of a schedule's `for`): `day` days from today, at `at`."""
    day = today + datetime.timedelta(days=when["day"])
    return timezone.make_aware(datetime.datetime.combine(day, _clock_time(when)))


@contextmanager
def happening(when: datetime.datetime) -> Iterator[None]:
    """Run the block as if it were `when`: everything it stamps with the time gets that time."""
    with time_machine.travel(when, tick=False):
        yield


def first_written(text: str, history: list[dict]) -> str:
    """The story's text as first written: before the corrections its history makes later
    (each correction's `fixes` say what the text was and what it became)."""
    for step in history:
        for fix in step.get("fixes", []):
            if text.count(fix["now"]) != 1:
                raise ValueError(f"A demo correction's text must appear once: {fix['now']!r}")
            text = text.replace(fix["now"], fix["was"])
    return text


def _fix_parts(fixes: list[dict]) -> editing.Write:
    """A write that puts the corrected words back into the story's takeaways and claims."""

    def write(article: Article) -> None:
        for part in [*article.takeaways.all(), *article.claims.all()]:
            text = part.text
            for fix in fixes:
                text = text.replace(fix["was"], fix["now"])
            if text != part.text:
                part.text = text
                part.save()

    return write


def move(article: Article, step: dict, users: dict[str, Any], today: datetime.date) -> None:
    """Take one step of the story's history after it was written, as its person, at its time."""
    user = users[step["by"]]
    action = step["does"]
    with happening(moment(today, step)):
        if action == SUBMIT:
            workflow.submit(article, user, step.get("note", ""))
        elif action == SEND_BACK:
            workflow.send_back(article, user, step["note"])
        elif action == PUBLISH:
            workflow.publish(article, user)
        elif action == SCHEDULE:
            workflow.publish(article, user, at=moment(today, step["for"]))
        elif action == CORRECT:
            story = Article.objects.get(pk=article.pk)
            editing.save(
                story,
                user,
                _fix_parts(step["fixes"]),
                expected_version=story.version,
                change=editing.CORRECTION,
                correction=step["note"],
                comment=step["note"],
            )
        else:
            raise ValueError(f"A demo story's history has no step {action!r}.")
