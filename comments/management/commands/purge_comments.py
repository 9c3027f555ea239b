"""`manage.py purge_comments`: apply the comments' retention rules (for cron or a timer)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from comments import retention


class Command(BaseCommand):
    help = (
        "Remove rejected and spam comments older than COMMENTS_REJECTED_RETENTION_DAYS and "
        "blank client addresses, browsers and reporters' hashes older than "
        "COMMENTS_CLIENT_DATA_DAYS."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        purged = retention.purge()
        rejected_days = settings.COMMENTS_REJECTED_RETENTION_DAYS
        client_days = settings.COMMENTS_CLIENT_DATA_DAYS
        if rejected_days > 0:
            self.stdout.write(
                f"Removed {purged.removed} rejected or spam comment(s) decided more than "
                f"{rejected_days} day(s) ago."
            )
        else:
            self.stdout.write(
                "Rejected and spam comments are kept (COMMENTS_REJECTED_RETENTION_DAYS=0)."
            )
        if client_days > 0:
            self.stdout.write(
                f"Blanked the client address and browser of {purged.client_data_blanked} "
                f"comment(s) sent more than {client_days} day(s) ago."
            )
            self.stdout.write(
                f"Forgot the reader behind {purged.report_clients_blanked} report(s) made more "
                f"than {client_days} day(s) ago."
            )
        else:
            self.stdout.write(
                "Client addresses, browsers and reporters' hashes are kept "
                "(COMMENTS_CLIENT_DATA_DAYS=0)."
            )
