"""The Django side of `make bench-http` (bench/httpbench.py), run as its own processes with the
database of the run in DATABASE_URL:

    python -m bench.http_newsroom build --stories N --comments M   # prints the landmarks (JSON)
    python -m bench.http_newsroom work --seconds S                 # the working newsroom

`build` fills the (migrated, empty) database with bench.build, as `make bench` does, except
that the database stays for the servers to read. `work` is the newsroom at work while readers
read: a reporter saves a draft every second and an editor publishes a story every minute (the
first half a minute in), each through the editing service and the workflow, so each change
reaches the caches exactly as an edit in the admin does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def build(stories: int, comments: int, seed: int) -> dict[str, Any]:
    from bench.build import build as build_newsroom

    started = time.perf_counter()
    newsroom = build_newsroom(stories, comments, seed=seed)
    return {**asdict(newsroom), "build_seconds": round(time.perf_counter() - started, 1)}


def _staff() -> tuple[Any, Any]:
    """A reporter and an editor of the bench newsroom (it has writers, but no groups)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from staff.permissions import EDITORS, REPORTERS

    people = []
    for username, group in (("bench-reporter", REPORTERS), ("bench-editor", EDITORS)):
        user, _ = get_user_model().objects.get_or_create(
            username=username,
            defaults={"first_name": username.split("-")[1].title(), "is_staff": True},
        )
        user.groups.add(Group.objects.get(name=group))
        people.append(get_user_model().objects.get(pk=user.pk))  # fresh permission cache
    return people[0], people[1]


def _new_story(reporter: Any, headline: str) -> Any:
    from articles import editing
    from articles.models import KeyTakeaway, Section

    def takeaway(article: Any) -> None:
        KeyTakeaway.objects.create(article=article, text="The council voted on Tuesday.")

    return editing.create(
        reporter,
        takeaway,
        headline=headline,
        standfirst="What the working newsroom wrote while readers read.",
        section=Section.objects.order_by("pk").first(),
    )


def work(seconds: float) -> dict[str, Any]:
    """Save a draft every second and publish a story every minute, for `seconds`."""
    from articles import editing, workflow
    from articles.models import Article

    reporter, editor = _staff()
    draft = _new_story(reporter, "A draft the reporter keeps saving")
    saved = published = 0
    save_ms: list[float] = []
    started = time.monotonic()
    next_publication = started + 30
    while (now := time.monotonic()) < started + seconds:
        if now >= next_publication:
            story = _new_story(reporter, f"Breaking: the working newsroom's story {published + 1}")
            workflow.submit(story, reporter)
            workflow.publish(Article.objects.get(pk=story.pk), editor)
            published += 1
            next_publication += 60
        draft = Article.objects.get(pk=draft.pk)
        draft.standfirst = f"Rewritten {saved + 1} times while readers read."
        began = time.perf_counter()
        editing.save(draft, reporter, expected_version=draft.version)
        save_ms.append((time.perf_counter() - began) * 1000)
        saved += 1
        time.sleep(max(0.0, started + saved - time.monotonic()))
    save_ms.sort()
    return {
        "drafts_saved": saved,
        "stories_published": published,
        "draft_save_median_ms": round(save_ms[len(save_ms) // 2], 1) if save_ms else None,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.http_newsroom")
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build")
    building.add_argument("--stories", type=int, default=1_000)
    building.add_argument("--comments", type=int, default=10_000)
    building.add_argument("--seed", type=int, default=8)
    working = commands.add_parser("work")
    working.add_argument("--seconds", type=float, default=60)
    options = parser.parse_args(argv)
    _setup()
    if options.command == "build":
        result = build(options.stories, options.comments, options.seed)
    else:
        result = work(options.seconds)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
