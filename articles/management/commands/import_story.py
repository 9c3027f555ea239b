"""Import stories from text files as drafts: every file in the run, or none of them."""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

import audit
from articles import importing, roles, storytext


class Command(BaseCommand):
    help = (
        "Create one draft per text file, owned by --user (a reporter or editor). If any file "
        "has a problem, every problem is listed as FILE:LINE and nothing is imported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 story text")
        parser.add_argument("--user", required=True, help="username who will own the drafts")

    def handle(self, *args: Any, files: list[str], user: str, **options: Any) -> None:
        owner = get_user_model().objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"There is no user “{user}”.")
        if not roles.is_reporter(owner):
            raise CommandError(f"“{user}” may not write stories (not a reporter or editor).")
        stories, problems = [], []
        for name in files:
            try:
                data = Path(name).read_bytes()
            except OSError as error:
                problems.append(f"{name}: cannot read it: {error.strerror}")
                continue
            parsed = storytext.parse(data)
            problems += [f"{name}:{problem.line}: {problem.message}" for problem in parsed.problems]
            stories.append((name, parsed.story))
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(problems)} problem(s) found; nothing was imported. Fix them and run again."
            )
        with transaction.atomic():
            done = [
                (name, importing.create_draft(story, owner, origin=Path(name).name))
                for name, story in stories
            ]
        for name, summary in done:
            article = summary.article
            audit.record("story.imported", target=article, file=name, owner=owner.get_username())
            self.stdout.write(f"{name}: draft “{article.headline}” ({article.slug}): {summary}")
