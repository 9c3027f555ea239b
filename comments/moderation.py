"""How a comment is decided: approve, reject, mark as spam, or return it to the queue.

The admin's bulk actions and the queue's buttons call these functions, and so do tests. Each
checks the moderator's permission, then re-reads the comment under a lock inside one
transaction: of two editors who decide the same comment at the same moment, one wins and the
other is told it was already moderated (and by whom), so nothing is decided twice.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

import audit

from . import events
from .models import Comment

PERMISSION = "comments.moderate_comment"
Status = Comment.Status

APPROVE = "approve"
REJECT = "reject"
SPAM = "spam"
REOPEN = "reopen"
# What each decision makes of the comment.
OUTCOMES = {
    APPROVE: Status.APPROVED,
    REJECT: Status.REJECTED,
    SPAM: Status.SPAM,
    REOPEN: Status.PENDING,
}
# Each decision's code in the audit trail (audit.actions).
AUDITED = {
    APPROVE: "comments.approved",
    REJECT: "comments.rejected",
    SPAM: "comments.spam",
    REOPEN: "comments.reopened",
}


class AlreadyModerated(ValidationError):
    pass


def can_moderate(user: Any) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm(PERMISSION))


def open_decisions(comment: Comment) -> tuple[str, ...]:
    """The decisions the comment can take now: a waiting comment is decided once; a decided
    one only goes back to the queue (to be decided again there)."""
    return (APPROVE, REJECT, SPAM) if comment.awaits_decision else (REOPEN,)


def _already(comment: Comment) -> AlreadyModerated:
    if comment.awaits_decision:
        return AlreadyModerated(_("This comment is already in the moderation queue."))
    return AlreadyModerated(
        _("This comment was already moderated (%(status)s by %(who)s at %(when)s).")
        % {
            "status": comment.get_status_display().lower(),
            "who": comment.moderated_by or _("a deleted user"),
            "when": date_format(timezone.localtime(comment.moderated_at), "DATETIME_FORMAT"),
        }
    )


def decide(comment: Comment, user: Any, decision: str) -> Comment:
    """Make `decision` (APPROVE, REJECT, SPAM or REOPEN) on the comment as it is in the
    database now, not as the caller last saw it."""
    status = OUTCOMES[decision]
    if not can_moderate(user):
        raise PermissionDenied(_("Only an editor can moderate comments."))
    with transaction.atomic():
        # Lock the comment row only: PostgreSQL cannot lock the nullable side of the outer
        # join to the moderator (and refuses the whole query if asked to).
        current = Comment.objects.select_for_update(of=("self",)).select_related("moderated_by")
        current = current.get(pk=comment.pk)
        if decision not in open_decisions(current):
            raise _already(current)
        current.status = status
        current.moderated_by = user
        current.moderated_at = timezone.now()
        current.save(update_fields=["status", "moderated_by", "moderated_at"])
        # Labelled by number only: the commenter's name stays out of the trail.
        label = _("comment #%(id)s") % {"id": current.pk}
        audit.record(AUDITED[decision], actor=user, target=current, label=label)
    events.record("moderated", comment=current.pk, status=status, by=user.pk)
    return current


def approve(comment: Comment, user: Any) -> Comment:
    """Publish the comment on its story (at once: the page reads approved comments)."""
    return decide(comment, user, APPROVE)


def reject(comment: Comment, user: Any) -> Comment:
    return decide(comment, user, REJECT)


def mark_spam(comment: Comment, user: Any) -> Comment:
    return decide(comment, user, SPAM)


def reopen(comment: Comment, user: Any) -> Comment:
    """Return a decided comment to the queue, e.g. to take down one approved by mistake."""
    return decide(comment, user, REOPEN)
