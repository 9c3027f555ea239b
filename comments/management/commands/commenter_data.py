"""`manage.py commenter_data export|delete|anonymise EMAIL --by USERNAME`: a commenter's data
request from the command line, under an editor's name (the same rules as the admin page)."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.json import DjangoJSONEncoder

from comments import data_rights


class Command(BaseCommand):
    help = (
        "Export (JSON on standard output), delete or anonymise every comment sent with an "
        "email address, acting as the editor named by --by."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["export", "delete", "anonymise"])
        parser.add_argument("email")
        parser.add_argument(
            "--by", required=True, help="the username of the editor handling the request"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        users = get_user_model()
        try:
            editor = users.objects.get(**{users.USERNAME_FIELD: options["by"]})
        except users.DoesNotExist as error:
            raise CommandError(f"No user {options['by']!r}.") from error
        email, action = options["email"], options["action"]
        try:
            if action == "export":
                document = data_rights.export(email, editor)
                self.stdout.write(json.dumps(document, cls=DjangoJSONEncoder, indent=2))
                return
            erase = data_rights.erase if action == "delete" else data_rights.anonymise
            erasure = erase(email, editor)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        verb = "Deleted" if action == "delete" else f"Anonymised {erasure.anonymised} of"
        self.stderr.write(
            f"{verb} {erasure.comments} comment(s) sent with this address; "
            f"{erasure.replies} repl(ies) by other readers went with them."
        )
