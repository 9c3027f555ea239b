"""Time the public pages of a newsroom of N stories and M comments (see README: Performance)."""

from __future__ import annotations

import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test.utils import override_settings

from newsroom.bench import build, measure
from newsroom.bench.database import scratch_database


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
            started = time.perf_counter()
            newsroom = build.build(stories, comments, seed=options["seed"])
            build_seconds = time.perf_counter() - started
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
