"""Load the demo newsroom (development only): sections, people, sources, stories, logins."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles import demo


class Command(BaseCommand):
    help = "Create the demo newsroom and its reporter and editor logins. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo creates known passwords; it runs only with DEBUG=1.")
        report = demo.load()
        for headline in report.pictured_stories:
            self.stdout.write(f"  + picture for {headline}")
        if report.created_stories:
            for headline in report.created_stories:
                self.stdout.write(f"  + {headline}")
        elif not report.pictured_stories:
            self.stdout.write("Demo newsroom already loaded; nothing added.")
        self.stdout.write(self.style.SUCCESS("Demo logins (admin at /admin/):"))
        for username, password, group in report.logins:
            self.stdout.write(f"  {group[:-1].lower():9} {username} / {password}")
