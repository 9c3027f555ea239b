"""How long comments and what came with them are kept (run by `manage.py purge_comments`).

- Rejected comments, and spam an editor has confirmed, go COMMENTS_REJECTED_RETENTION_DAYS
  after that decision (with any replies to them, which were never shown without them). Spam
  the machine held and no editor has looked at yet stays in the queue until someone decides:
  it may be a real comment caught by mistake.
- Every comment's client address and browser are blanked COMMENTS_CLIENT_DATA_DAYS after it
  was sent: they are kept to fight abuse while a comment is fresh, not for ever. So is the
  keyed hash of each reader's report (it counts a reader once while the report is fresh;
  after that the same reader's new report counts again, which is the price of forgetting).

0 switches either rule off. Nothing here changes what readers see (only comments that are not
public are removed), so no thread is purged from the caches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Comment, Report

Status = Comment.Status


@dataclass(frozen=True)
class Purged:
    removed: int  # rejected and spam comments removed (replies to them included)
    client_data_blanked: int  # comments whose address and browser were blanked
    report_clients_blanked: int  # readers' reports whose client hash was blanked


def removable(now: datetime | None = None) -> Q | None:
    """The rejected and decided spam comments past their time (None: the rule is off)."""
    days = settings.COMMENTS_REJECTED_RETENTION_DAYS
    if days <= 0:
        return None
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Q(
        status__in=[Status.REJECTED, Status.SPAM],
        moderated_at__isnull=False,
        moderated_at__lt=cutoff,
    )


def remove_rejected(now: datetime | None = None) -> int:
    rule = removable(now)
    if rule is None:
        return 0
    _, per_model = Comment.objects.filter(rule).delete()
    return per_model.get(Comment._meta.label, 0)


def client_data_cutoff(now: datetime | None = None) -> datetime | None:
    """Client data sent before this goes (None: the rule is off)."""
    days = settings.COMMENTS_CLIENT_DATA_DAYS
    if days <= 0:
        return None
    return (now or timezone.now()) - timedelta(days=days)


def blank_client_data(now: datetime | None = None) -> int:
    cutoff = client_data_cutoff(now)
    if cutoff is None:
        return 0
    return (
        Comment.objects.filter(created_at__lt=cutoff)
        .filter(Q(ip_address__isnull=False) | ~Q(user_agent=""))
        .update(ip_address=None, user_agent="")
    )


def blank_report_clients(now: datetime | None = None) -> int:
    cutoff = client_data_cutoff(now)
    if cutoff is None:
        return 0
    return Report.objects.filter(created_at__lt=cutoff).exclude(client="").update(client="")


def purge(now: datetime | None = None) -> Purged:
    """Apply every rule as of `now`."""
    return Purged(
        removed=remove_rejected(now),
        client_data_blanked=blank_client_data(now),
        report_clients_blanked=blank_report_clients(now),
    )
