"""Readers report an approved comment; reports from enough readers send it back to the queue.

`report()` is the one door: the public report page calls it, and so do tests. It counts one
report per client and comment (a second click, or a second reason, from the same reader is not
counted again) and, at COMMENTS_REPORT_THRESHOLD open reports, returns the comment to the
moderation queue with its reports, which takes it off the public thread at once (its thread's
content key is purged like on any decision). An editor's next decision deals with every report
made before it (Report.is_open), so approving the comment again does not let the same reports
pull it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Q
from django.utils.crypto import salted_hmac

from articles.models import Article

from . import events, ratelimit
from .models import Comment, Report, as_comment_id

Reason = Report.Reason


@dataclass(frozen=True)
class Outcome:
    counted: bool  # a new report from this client (not a repeat)
    returned: bool  # this report sent the comment back to the queue


def client_key(address: str | None) -> str:
    """A keyed hash of the reader's rate-limit bucket (their address, or its /64): enough to
    count each reader once without storing where they read from."""
    bucket = ratelimit.bucket(address)
    return salted_hmac("comments.report.client", bucket, algorithm="sha256").hexdigest()


def reportable(comment_id: Any) -> Comment | None:
    """The comment a reader may report: approved, on a published story; else None (a 404)."""
    pk = as_comment_id(comment_id)
    if pk is None:
        return None
    return (
        Comment.objects.approved()
        .filter(pk=pk, article__in=Article.objects.published())
        .select_related("article")
        .only("pk", "name", "body", "status", "created_at", "article__slug", "article__headline")
        .first()
    )


def open_reports_q(comment: Comment) -> Q:
    """Reports made since the comment's last decision."""
    if comment.moderated_at is None:
        return Q()
    return Q(created_at__gt=comment.moderated_at)


def open_reports_of_row_q() -> Q:
    """The same rule for a subquery beside the comments' rows: the row's reports made since
    its last decision (or all of them, if it was never decided)."""
    return Q(comment=OuterRef("pk")) & (
        Q(created_at__gt=OuterRef("moderated_at")) | Q(comment__moderated_at__isnull=True)
    )


def report(comment: Comment, reason: str, note: str, address: str | None) -> Outcome:
    """Record a reader's report of `comment` (as it is in the database now) and, at the
    threshold, return the comment to the moderation queue."""
    if reason not in Reason.values:
        raise ValueError(f"unknown reason {reason!r}")
    key = client_key(address)
    returned = False
    with transaction.atomic():
        current = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if current is None or current.status != Comment.Status.APPROVED:
            return Outcome(counted=False, returned=False)
        _, created = Report.objects.get_or_create(
            comment=current, client=key, defaults={"reason": reason, "note": note}
        )
        if not created:
            return Outcome(counted=False, returned=False)
        threshold = settings.COMMENTS_REPORT_THRESHOLD
        if threshold > 0 and current.reports.filter(open_reports_q(current)).count() >= threshold:
            current.status = Comment.Status.PENDING
            current.save(update_fields=["status"])  # names the thread's key (comments.stored)
            returned = True
    events.record("reported", comment=current.pk, reason=reason, returned=returned)
    return Outcome(counted=True, returned=returned)


def open_reports(comment: Comment) -> list[Report]:
    """The comment's reports since its last decision, from `comment.reports.all()` (the queue
    prefetches them, so this reads nothing more)."""
    return [entry for entry in comment.reports.all() if entry.is_open(comment)]
