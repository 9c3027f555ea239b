"""Time the public pages of a newsroom of N stories and M comments (see README: Performance)."""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import queue
import time
import traceback
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, connections
from django.test.utils import override_settings

from bench import build, measure
from bench.database import scratch_database


class Command(BaseCommand):
    help = (
        "Build N published stories and M comments in a throwaway database, then time every "
        "kind of public page cold (no page cache) and warm, against a do-nothing floor."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stories", type=int, default=10_000, help="default 10,000")
        parser.add_argument("--comments", type=int, default=100_000, help="default 100,000")
        parser.add_argument("--runs", type=int, default=30, help="timed requests per page")
        parser.add_argument("--seed", type=int, default=8, help="for the generated content")
        parser.add_argument("--json", dest="json_path", help="also write the results here")

    def handle(self, *args: Any, **options: Any) -> None:
        stories, comments, runs = options["stories"], options["comments"], options["runs"]
        if stories < 1 or comments < 0 or runs < 1:
            raise CommandError("--stories and --runs must be at least 1, --comments at least 0.")
        with override_settings(DEBUG=False), scratch_database() as database:
            self.stdout.write(
                f"Building {stories:,} stories and {comments:,} comments in {database}"
            )
            newsroom, build_seconds = _build_apart(stories, comments, options["seed"])
            self.stdout.write(
                f"Built {newsroom.rows:,} rows ({newsroom.stories:,} stories, "
                f"{newsroom.comments:,} comments) in {build_seconds:.1f} s"
            )
            results = measure.measure(newsroom, runs)
            machine = _machine()
        self.stdout.write(f"Machine: {machine['summary']}")
        self.stdout.write(measure.table(results))
        if options["json_path"]:
            report = {
                "stories": newsroom.stories,
                "comments": newsroom.comments,
                "rows": newsroom.rows,
                "build_seconds": round(build_seconds, 2),
                "machine": machine,
                "results": [result.as_dict() for result in results],
            }
            Path(options["json_path"]).write_text(json.dumps(report, indent=2) + "\n")
            self.stdout.write(f"Wrote {options['json_path']}")


def _build_apart(stories: int, comments: int, seed: int) -> tuple[build.Newsroom, float]:
    """Build in a forked child process, so the process that measures holds nothing of the
    build (millions of objects made and freed leave a heap no server process would have;
    in-process, some pages measured up to twice as slow)."""
    connections.close_all()
    context = multiprocessing.get_context("fork")
    outcome: Any = context.Queue()
    child = context.Process(target=_build_child, args=(outcome, stories, comments, seed))
    child.start()
    while True:
        try:
            status, value, seconds = outcome.get(timeout=1)
            break
        except queue.Empty:
            if not child.is_alive():
                raise CommandError("The build process stopped without a result.") from None
    child.join()
    if status != "ok":
        raise CommandError(f"The build failed:\n{value}")
    return value, seconds


def _build_child(outcome: Any, stories: int, comments: int, seed: int) -> None:
    try:
        started = time.perf_counter()
        newsroom = build.build(stories, comments, seed=seed)
        outcome.put(("ok", newsroom, time.perf_counter() - started))
    except BaseException:  # reported to the parent, which fails the command with it
        outcome.put(("error", traceback.format_exc(), 0.0))
    finally:
        connections.close_all()


def _machine() -> dict[str, Any]:
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    version = ".".join(str(part) for part in connection.get_database_version())
    database = f"{connection.display_name} {version}"
    cpus = os.cpu_count()
    python = platform.python_version()
    summary = (
        f"{cpus} CPUs ({platform.machine()}), Python {python}, Django {django.get_version()}, "
        f"{database}, {cache}"
    )
    return {
        "cpus": cpus,
        "platform": platform.platform(),
        "python": python,
        "django": django.get_version(),
        "database": database,
        "cache": cache,
        "summary": summary,
    }
