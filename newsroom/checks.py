"""System checks for how the deployment uses SQLite (run by `manage.py check` and `make serve`),
and for a page cache that the worker processes would not share.

SQLite before 3.51.3 has a WAL race that can corrupt a database written by several processes
at once, so several gunicorn workers on one SQLite file need a fixed SQLite; the answer for a
multi-process site is PostgreSQL. mmap_size is never to be set: WAL plus memory-mapped I/O is
where the corruption reports cluster.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from django.conf import settings
from django.core.checks import Error, Warning

FIXED_SQLITE = (3, 51, 3)


def worker_processes() -> int:
    """How many worker processes gunicorn is told to start (WEB_CONCURRENCY; gunicorn.conf.py
    starts one on SQLite otherwise)."""
    value = os.environ.get("WEB_CONCURRENCY", "").strip()
    return int(value) if value.isdigit() else 1


def sqlite_deployment_messages(
    databases: dict[str, dict[str, Any]], workers: int, version: tuple[int, ...]
) -> list:
    """What is wrong with how these databases use SQLite, given the workers and SQLite version."""
    messages: list = []
    for alias, database in databases.items():
        if database["ENGINE"] != "django.db.backends.sqlite3":
            continue
        pragmas = database.get("OPTIONS", {}).get("init_command", "").lower().replace(" ", "")
        if "mmap_size" in pragmas:
            messages.append(
                Error(
                    f"Database '{alias}' sets PRAGMA mmap_size.",
                    hint="Remove it: memory-mapped I/O with WAL risks corrupting the database.",
                    id="newsroom.E001",
                )
            )
        if "journal_mode=wal" in pragmas and workers > 1 and version < FIXED_SQLITE:
            shown = ".".join(str(part) for part in version)
            messages.append(
                Warning(
                    f"SQLite {shown} with WAL and {workers} worker processes: releases before "
                    "3.51.3 can corrupt a database written by several processes.",
                    hint="Run one worker process (with threads), or move to PostgreSQL "
                    "(DATABASE_URL), or upgrade SQLite to 3.51.3 or newer.",
                    id="newsroom.W001",
                )
            )
    return messages


def check_sqlite_deployment(app_configs: Any = None, **kwargs: Any) -> list:
    return sqlite_deployment_messages(
        settings.DATABASES, worker_processes(), sqlite3.sqlite_version_info
    )


def page_cache_messages(seconds: int, cache_backend: str, workers: int) -> list:
    """A page cache in each process's own memory goes stale in the others: a change made
    in one process purges only that process's pages."""
    if seconds <= 0 or workers <= 1 or not cache_backend.endswith("LocMemCache"):
        return []
    return [
        Warning(
            f"The page cache is on with the local-memory cache and {workers} worker processes: "
            "a change made in one process would not refresh the pages the others keep.",
            hint="Set REDIS_URL (a cache shared by every process), or PAGE_CACHE_SECONDS=0.",
            id="newsroom.W002",
        )
    ]


def check_page_cache_sharing(app_configs: Any = None, **kwargs: Any) -> list:
    on_sqlite = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    if on_sqlite or os.environ.get("WEB_CONCURRENCY"):
        workers = worker_processes()
    else:  # gunicorn.conf.py's default on PostgreSQL
        workers = 2 * (os.cpu_count() or 1) + 1
    return page_cache_messages(
        settings.PAGE_CACHE_SECONDS, settings.CACHES["default"]["BACKEND"], workers
    )
