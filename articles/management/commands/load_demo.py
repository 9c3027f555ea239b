"""Load the demo newsroom (development only): sections, people, sources, stories, logins."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"


class Command(BaseCommand):
    help = (
        "Create the demo newsroom and its logins (two reporters, two editors). Safe to run twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("load_demo creates known passwords; it runs only with DEBUG=1.")
        try:
            # The demo writes its history with time-machine, which comes with the dev extra
            # (`make run` installs it); a production install has no need of it.
            from articles import demo
        except ModuleNotFoundError as missing:
            raise CommandError(
                f"load_demo needs the project's dev extra (pip install -e '.[dev]'): {missing}"
            ) from missing
        report = demo.load()
        for headline in report.pictured_stories:
            self.stdout.write(f"  + picture for {headline}")
        for name in report.standards:
            self.stdout.write(f"  + {name}")
        for name in report.profiles:
            self.stdout.write(f"  + author profile of {name}")
        if report.created_stories:
            for headline in report.created_stories:
                self.stdout.write(f"  + {headline}")
        elif not (report.pictured_stories or report.standards or report.profiles):
            self.stdout.write("Demo newsroom already loaded; nothing added.")
        self.stdout.write(self.style.SUCCESS("Demo logins (admin at /admin/):"))
        for login in report.logins:
            role = login.group[:-1].lower()
            self.stdout.write(
                f"  {role:9} {login.username} / {login.password}  "
                f"({login.full_name}, {login.email})"
            )
        if settings.EMAIL_BACKEND == CONSOLE_EMAIL:
            self.stdout.write(
                "Workflow emails to these people are printed in the server's console."
            )
