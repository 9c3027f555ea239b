"""A commenter's data on request: find every comment sent with an email address, export them,
delete them, or anonymise them.

Only editors (who moderate comments) may do any of this; each function checks, so the admin's
"Commenter data" page, the `commenter_data` command and tests go through the same rule. Each
action is one function, so it is one call to record it.

- Delete removes the comments, and with them the replies other readers wrote to them (a reply
  cannot be shown without the comment it answers; Anonymise keeps a conversation whole).
- Anonymise keeps the text of approved comments under ANONYMOUS_NAME, with the email, client
  address and browser blanked; comments that were never published are removed.

Either way, nothing in the comments' tables holds the address afterwards, and the threads of
every story touched are purged from the caches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from articles import cachekeys
from edge import contentkeys

from . import moderation
from .models import Comment

ANONYMOUS_NAME = gettext_lazy("Former reader")
ADDRESS_REMOVED = gettext_lazy("[address removed]")
# How the audit trail names the subject of a data request (never the address itself).
WHOSE = gettext_lazy("A commenter's comments")
EXPORT_FORMAT = "newsroom-commenter-data/1"
EMAIL_MAX_LENGTH = Comment._meta.get_field("email").max_length


def normalise(email: str) -> str:
    """The address as typed, trimmed; matched without regard to case."""
    return (email or "").strip()


def _sent_with(email: str) -> QuerySet[Comment]:
    """The comments sent with `email`; none for what no stored address can be (empty, longer
    than the column, a NUL: databases refuse such a pattern rather than match nothing)."""
    if not email or len(email) > EMAIL_MAX_LENGTH or "\x00" in email:
        return Comment.objects.none()
    return Comment.objects.filter(email__iexact=email)


def _check(user: Any) -> None:
    if not moderation.can_moderate(user):
        raise PermissionDenied(_("Only an editor can handle a commenter's data."))


def comments_sent_with(email: str, user: Any) -> list[Comment]:
    """Every comment sent with `email`, newest first, with its story (one query)."""
    _check(user)
    return list(
        _sent_with(normalise(email))
        .select_related("article", "moderated_by")
        .order_by("-created_at", "-pk")
    )


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def as_record(comment: Comment) -> dict[str, Any]:
    """Every stored field of a comment, and the story it is on, as JSON-ready values."""
    return {
        "id": comment.pk,
        "story": {
            "id": comment.article_id,
            "headline": comment.article.headline,
            "url": comment.article.get_absolute_url(),
        },
        "reply_to": comment.parent_id,
        "name": comment.name,
        "email": comment.email,
        "comment": comment.body,
        "status": comment.status,
        "held_as_spam_because": comment.spam_reason,
        "sent_at": _when(comment.created_at),
        "moderated_at": _when(comment.moderated_at),
        "moderated_by": comment.moderated_by.get_username() if comment.moderated_by else None,
        "client_address": comment.ip_address,
        "browser": comment.user_agent,
    }


def export(email: str, user: Any) -> dict[str, Any]:
    """Every comment sent with `email`, every field, as one JSON-ready document."""
    comments = comments_sent_with(email, user)
    # The trail says a request was answered, never whose: the address stays out of it.
    audit.record("comments.data_exported", actor=user, target=str(WHOSE), comments=len(comments))
    return {
        "format": EXPORT_FORMAT,
        "email": normalise(email),
        "exported_at": timezone.now().isoformat(),
        "comments": [as_record(comment) for comment in comments],
    }


@dataclass(frozen=True)
class Erasure:
    comments: int  # the commenter's comments removed or anonymised
    replies: int = 0  # other readers' replies removed with them
    anonymised: int = 0  # of `comments`, kept with their text


def _without_address(text: str, email: str) -> str:
    """The text with the address itself (if the commenter wrote it in) taken out."""
    return re.sub(re.escape(email), str(ADDRESS_REMOVED), text, flags=re.IGNORECASE)


def _threads_changed(story_ids: Iterable[int]) -> None:
    contentkeys.changed(cachekeys.thread(pk) for pk in set(story_ids))


def replies_by_others(comments: list[Comment]) -> int:
    """How many replies by other readers would go with these comments."""
    ids = [comment.pk for comment in comments]
    return Comment.objects.filter(parent_id__in=ids).exclude(pk__in=ids).count() if ids else 0


def _delete(ids: list[int]) -> int:
    """Delete these comments and their replies; the number of replies by others that went."""
    if not ids:
        return 0
    replies = Comment.objects.filter(parent_id__in=ids).exclude(pk__in=ids).count()
    Comment.objects.filter(pk__in=ids).delete()  # each delete names its thread's key
    return replies


def erase(email: str, user: Any) -> Erasure:
    """Delete every comment sent with `email` (and the replies to them)."""
    _check(user)
    email = normalise(email)
    with transaction.atomic():
        rows = list(_sent_with(email).select_for_update())
        ids = [row.pk for row in rows]
        replies = _delete(ids)
        _threads_changed(row.article_id for row in rows)
        audit.record(
            "comments.data_erased",
            actor=user,
            target=str(WHOSE),
            how="deleted",
            comments=len(ids),
            replies=replies,
        )
    return Erasure(comments=len(ids), replies=replies)


def anonymise(email: str, user: Any) -> Erasure:
    """Keep the approved comments sent with `email` as ANONYMOUS_NAME's, with nothing that
    identifies the sender; remove the ones never published."""
    _check(user)
    email = normalise(email)
    with transaction.atomic():
        rows = list(_sent_with(email).select_for_update())
        gone = [row.pk for row in rows if row.status != Comment.Status.APPROVED]
        kept = [row for row in rows if row.status == Comment.Status.APPROVED]
        for row in kept:
            row.name, row.email, row.ip_address, row.user_agent = str(ANONYMOUS_NAME), "", None, ""
            row.body = _without_address(row.body, email)
        Comment.objects.bulk_update(kept, ["name", "email", "ip_address", "user_agent", "body"])
        replies = _delete(gone)
        _threads_changed(row.article_id for row in rows)
        audit.record(
            "comments.data_erased",
            actor=user,
            target=str(WHOSE),
            how="anonymised",
            comments=len(rows),
            anonymised=len(kept),
            replies=replies,
        )
    return Erasure(comments=len(rows), replies=replies, anonymised=len(kept))
