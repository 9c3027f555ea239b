"""Purge content keys from the page cache and every frontend cache, as a change would."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from edge import contentkeys


class Command(BaseCommand):
    help = (
        "Purge content keys (e.g. story:12 front) from the page cache and the frontend caches "
        "in FRONTEND_CACHE_URLS; --all purges every cached answer (after a deploy)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("keys", nargs="*", help="content keys, e.g. story:12 tag:5 front")
        parser.add_argument("--all", action="store_true", help="every cached answer")

    def handle(self, *args: Any, **options: Any) -> None:
        keys = set(options["keys"])
        if options["all"]:
            keys.add(contentkeys.ALL)
        if not keys:
            raise CommandError("Name the content keys to purge, or --all.")
        if any(not key or any(c.isspace() for c in key) for key in keys):
            raise CommandError("A content key has no spaces, e.g. story:12.")
        contentkeys.purge(frozenset(keys))
        self.stdout.write(f"Purged {len(keys)} content key(s): {' '.join(sorted(keys))}")
