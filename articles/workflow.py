"""How a story moves: draft → review → published, and back.

Each transition checks who is acting (PermissionDenied), then the story's state and the
editorial rules its row in articles.transitions names (ValidationError naming every unmet
rule), changes the state inside one transaction and records a WorkflowEvent — then, in the
same transaction and in plain sight, keeps a revision, queues its emails for after the commit
and refreshes the copies readers are served. `can()` answers the same question for the
admin's buttons and permission methods, so the interface and the rule never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from staff.names import display_name

from . import freshness, notifications, revisions, roles, versions
from .models import Article, WorkflowEvent
from .transitions import (
    PUBLISH,
    RESCHEDULE,
    SEND_BACK,
    SUBMIT,
    TRANSITIONS,
    UNPUBLISH,
)

CHANGE = "change"
DELETE = "delete"
VIEW = "view"

# Notes are read in the admin and in emails; a longer one is a story of its own.
NOTE_MAX_LENGTH = 5000

__all__ = [
    "CHANGE",
    "DELETE",
    "NOTE_MAX_LENGTH",
    "PUBLISH",
    "RESCHEDULE",
    "SEND_BACK",
    "SUBMIT",
    "TRANSITIONS",
    "UNPUBLISH",
    "VIEW",
    "can",
    "check_can_edit",
    "last_note_for_author",
    "last_submit_note",
    "publish",
    "record",
    "reschedule",
    "send_back",
    "submit",
    "unpublish",
    "was_public",
    "why_not",
    "withdrawals",
]

Status = Article.Status


# -- who may do what -----------------------------------------------------------------------


def _role_problem(user: Any, action: str, article: Article) -> str | None:
    """Why this person may not take this action on this story at all, or None."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return _("You must be signed in as newsroom staff.")
    editor = roles.is_editor(user)
    transition = TRANSITIONS.get(action)
    if transition is not None and transition.editors_only:
        if not editor:
            return str(transition.editors_only_reason or _("Only an editor can do that."))
        if (
            action in (PUBLISH, RESCHEDULE)
            and settings.NEWSROOM_REQUIRE_SECOND_EDITOR
            and article.is_owned_by(user)
        ):
            return _("You wrote this story, so another editor must publish it.")
        return None
    if editor:
        return None
    if not roles.is_reporter(user):
        return _("Only reporters and editors work on stories.")
    if not article.is_owned_by(user):
        return _("This is not your story.")
    return None


def _state_problem(action: str, article: Article) -> str | None:
    """Why the story's current state does not allow the transition, or None."""
    transition = TRANSITIONS[action]
    if action == RESCHEDULE:
        if article.is_scheduled:
            return None
        return str(transition.wrong_state) % (
            _("live") if article.is_live else article.get_status_display()
        )
    if article.status == transition.source:
        return None
    return str(transition.wrong_state) % article.get_status_display()


def why_not(user: Any, action: str, article: Article) -> str | None:
    """Why this person may not take this action on this story now, in words they can act on;
    None when they may. The admin shows it beside every move it cannot offer."""
    problem = _role_problem(user, action, article)
    if problem or action in TRANSITIONS:
        return problem or _state_problem(action, article)
    editor = roles.is_editor(user)
    if action == CHANGE:
        # Writers edit their own stories only while they are drafts; editors edit any.
        if editor or article.status == Status.DRAFT:
            return None
        return _("Once a story is submitted only editors change it; this story is “%s”.") % (
            article.get_status_display()
        )
    if action == DELETE:
        # A story readers have seen is never deleted, by anyone: unpublish it, and the
        # withdrawals feed goes on telling partners it is gone (a deleted story would vanish
        # from it). Writers may delete only their own drafts that were never published.
        if article.status == Status.PUBLISHED or was_public(article):
            return _("A story readers have seen is never deleted; unpublish it instead.")
        if editor:
            return None
        if article.status != Status.DRAFT:
            return _("Once a story is submitted only editors delete it; this story is “%s”.") % (
                article.get_status_display()
            )
        if article.first_published_at is not None:
            return _("This story was scheduled to go live once, so only editors delete it.")
        return None
    if action == VIEW:
        return None
    return _("The newsroom has no such action.")


def can(user: Any, action: str, article: Article) -> bool:
    """May this person take this action on this story now?"""
    return why_not(user, action, article) is None


def withdrawals() -> QuerySet:
    """Unpublish events that took a story down after readers could see it (a scheduled story
    withdrawn before its time was never public)."""
    return WorkflowEvent.objects.filter(action=UNPUBLISH, article__first_published_at__lte=F("at"))


def was_public(article: Article) -> bool:
    """Whether readers have ever seen the story: live now, or withdrawn after going live."""
    if article.first_published_at is None:
        return False
    if article.status == Status.PUBLISHED:
        return article.first_published_at <= timezone.now()
    return withdrawals().filter(article=article).exists()


def check_can_edit(user: Any, article: Article) -> None:
    """Refuse an edit (PermissionDenied) by someone the rules do not allow."""
    problem = why_not(user, CHANGE, article)
    if problem:
        raise PermissionDenied(problem)


# -- the record of moves ---------------------------------------------------------------------


def record(
    article: Article,
    user: Any,
    action: str,
    note: str = "",
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    scheduled_for: datetime | None = None,
) -> WorkflowEvent:
    """Add an event to the story's workflow history (a move, or the story's import)."""
    return WorkflowEvent.objects.create(
        article=article,
        action=action,
        from_status=from_status or article.status,
        to_status=to_status or article.status,
        actor=user,
        actor_name=display_name(user),
        note=note,
        scheduled_for=scheduled_for,
    )


# -- transitions ---------------------------------------------------------------------------


def _lock(article: Article) -> Article:
    """Re-read the story under a row lock so two clicks cannot both move it."""
    return Article.objects.select_for_update().get(pk=article.pk)


def _check(user: Any, action: str, article: Article) -> None:
    """Who is acting, the story's state, then every rule the transition names."""
    problem = _role_problem(user, action, article)
    if problem:
        raise PermissionDenied(problem)
    problem = _state_problem(action, article)
    if problem:
        raise ValidationError(problem, code="state")
    messages = [message for rule in TRANSITIONS[action].rules for message in rule(article)]
    if messages:
        raise ValidationError(messages, code="rules")


def _move(
    article: Article,
    user: Any,
    action: str,
    note: str = "",
    scheduled_for: datetime | None = None,
) -> WorkflowEvent:
    """Change the status (the only place that does) and record the event."""
    transition = TRANSITIONS[action]
    article.status = transition.target
    article._workflow_transition = True
    article.save()
    audit_code = "schedule" if action == PUBLISH and scheduled_for else action
    audit.record(
        f"workflow.{audit_code}", actor=user, target=article, note=note, scheduled_for=scheduled_for
    )
    return record(
        article,
        user,
        action,
        note,
        from_status=transition.source,
        to_status=transition.target,
        scheduled_for=scheduled_for,
    )


def _refresh(target: Article, source: Article) -> None:
    """Copy the new state onto the caller's instance, so it is not left stale."""
    for field in ("status", "published_at", "first_published_at", "version", "updated_at"):
        setattr(target, field, getattr(source, field))
    target._saved_status = source.status


def _note(note: str, *, required: bool = False) -> str:
    note = (note or "").strip()
    if required and not note:
        raise ValidationError(_("A note is required, so the author knows why."), code="note")
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            _("A note can be at most %(limit)d characters; this one has %(length)d.")
            % {"limit": NOTE_MAX_LENGTH, "length": len(note)},
            code="note",
        )
    return note


def submit(article: Article, user: Any, note: str = "") -> WorkflowEvent:
    """Send a draft to the editors' review queue, with an optional note to them."""
    with transaction.atomic():
        locked = _lock(article)
        before = freshness.before_change(locked)
        _check(user, SUBMIT, locked)
        event = _move(locked, user, SUBMIT, note=_note(note))
        revisions.record(locked, user, SUBMIT, event.note)
        notifications.queue(event)  # the editors, with the note
        freshness.story_changed(locked, before)
    _refresh(article, locked)
    return event


def send_back(article: Article, user: Any, note: str) -> WorkflowEvent:
    """Return a story in review to its author as a draft, with the editor's note."""
    with transaction.atomic():
        locked = _lock(article)
        before = freshness.before_change(locked)
        _check(user, SEND_BACK, locked)
        event = _move(locked, user, SEND_BACK, note=_note(note, required=True))
        revisions.record(locked, user, SEND_BACK, event.note)
        notifications.queue(event)  # the authors, with the note
        freshness.story_changed(locked, before)
    _refresh(article, locked)
    return event


def _check_time(at: datetime | None, now: datetime) -> None:
    if at is not None:
        if timezone.is_naive(at):
            raise ValidationError(_("The publication time needs a time zone."), code="time")
        if at < now:
            raise ValidationError(
                _("Choose a publication time in the future, or publish now."), code="time"
            )


def publish(
    article: Article,
    user: Any,
    at: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> WorkflowEvent:
    """Publish a reviewed story now, or schedule it for a future time (no cron needed).

    With `expected_version` (the version the editor reviewed), a story changed since is refused.
    """
    now = timezone.now()
    _check_time(at, now)
    with transaction.atomic():
        locked = _lock(article)
        before = freshness.before_change(locked)
        _check(user, PUBLISH, locked)
        versions.check(locked, expected_version, versions.REVIEW_AGAIN)
        locked.published_at = at or now
        if locked.first_published_at is None:
            locked.first_published_at = locked.published_at
        event = _move(locked, user, PUBLISH, scheduled_for=at)
        locked.refresh_search_document()
        revisions.record(locked, user, PUBLISH)
        notifications.queue(event)  # the authors
        freshness.story_changed(locked, before)
    _refresh(article, locked)
    return event


def reschedule(
    article: Article,
    user: Any,
    at: datetime | None = None,
    *,
    expected_version: int | None = None,
) -> WorkflowEvent:
    """Move a scheduled story to another future time, or publish it now (`at=None`)."""
    now = timezone.now()
    _check_time(at, now)
    with transaction.atomic():
        locked = _lock(article)
        before = freshness.before_change(locked)
        _check(user, RESCHEDULE, locked)
        versions.check(locked, expected_version, versions.REVIEW_AGAIN)
        if locked.first_published_at == locked.published_at:  # never live yet
            locked.first_published_at = at or now
        locked.published_at = at or now
        event = _move(locked, user, RESCHEDULE, scheduled_for=at)
        revisions.record(locked, user, RESCHEDULE)
        notifications.queue(event)  # the authors
        freshness.story_changed(locked, before)
    _refresh(article, locked)
    return event


def unpublish(article: Article, user: Any, note: str) -> WorkflowEvent:
    """Take a published (or scheduled) story off the site at once, back to draft."""
    with transaction.atomic():
        locked = _lock(article)
        before = freshness.before_change(locked)
        _check(user, UNPUBLISH, locked)
        note = _note(note, required=True)
        locked.published_at = None
        event = _move(locked, user, UNPUBLISH, note=note)
        revisions.record(locked, user, UNPUBLISH, note)
        notifications.queue(event)  # the authors, with the note
        freshness.story_changed(locked, before)
    _refresh(article, locked)
    return event


def last_submit_note(article: Article) -> WorkflowEvent | None:
    """The note the author sent with the story to review, for the editor reviewing it: from
    the latest submit only (an earlier round's note is answered), None if it had none."""
    if article.pk is None or article.status != Status.REVIEW:
        return None
    event = article.events.filter(action=SUBMIT).last()
    return event if event is not None and event.note else None


def last_note_for_author(article: Article) -> WorkflowEvent | None:
    """The latest send-back or unpublish note, shown to the author on their draft."""
    return (
        article.events.filter(action__in=[SEND_BACK, UNPUBLISH]).exclude(note="").last()
        if article.pk
        else None
    )
