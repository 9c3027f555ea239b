"""Write a story in the plain-text format that import_story reads."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

import audit
from articles import storytext
from articles.models import Article


class Command(BaseCommand):
    help = "Write the story with this slug as text, to stdout or --output FILE (UTF-8)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--output", metavar="FILE", help="write here instead of stdout")

    def handle(self, *args: Any, slug: str, output: str | None, **options: Any) -> None:
        article = Article.objects.filter(slug=slug).first()
        if article is None:
            raise CommandError(f"There is no story with the slug “{slug}”.")
        text, notes = storytext.export(article)
        audit.record("story.exported", target=article, output=output or "stdout")
        if output:
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}") from error
            self.stdout.write(f"Wrote “{article.headline}” to {output}.")
        else:
            self.stdout.write(text, ending="")
        for note in notes:
            self.stderr.write(note)
