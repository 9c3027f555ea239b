"""Workflow emails: editors hear of stories submitted for review (with the author's note, if
any), authors of what happened to theirs (sent back with the note, published or scheduled,
rescheduled, unpublished).

Each transition in articles.workflow calls `queue` inside its transaction; the emails go out
with transaction.on_commit, so a transition that rolls back sends nothing. Nobody is emailed
about their own action, and anyone can switch these emails off (NotificationPreference).
History written after the fact (the demo loader's) runs inside `silenced()` and emails nobody.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse

from . import roles
from .models import Article, NotificationPreference, WorkflowEvent
from .transitions import SUBMIT, TRANSITIONS

logger = logging.getLogger(__name__)

_silenced: ContextVar[bool] = ContextVar("workflow_emails_silenced", default=False)


@contextmanager
def silenced() -> Iterator[None]:
    """Transitions inside the block email nobody: their emails would have gone out when the
    history happened, not when it is written down (the demo newsroom's past days)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def queue(event: WorkflowEvent) -> None:
    """Send this transition's emails once its transaction commits (nothing if it rolls back)."""
    if _silenced.get():
        return
    event_id = event.pk

    def send_workflow_email() -> None:  # a named function: Django logs its __qualname__
        send_for_event(event_id)

    # robust: a mail server failure is logged; the transition has committed and stands.
    transaction.on_commit(send_workflow_email, robust=True)


def authors(article: Article) -> QuerySet:
    """The story's bylined authors and whoever created it."""
    return (
        get_user_model()
        .objects.filter(Q(bylines__article=article) | Q(pk=article.created_by_id))
        .distinct()
    )


def recipients(event: WorkflowEvent) -> list[Any]:
    people = roles.editors() if event.action == SUBMIT else authors(event.article)
    people = people.filter(is_active=True, is_staff=True).exclude(email="")
    if event.actor_id:
        people = people.exclude(pk=event.actor_id)
    return list(NotificationPreference.objects.wanting_email(people).order_by("pk"))


def send_for_event(event_id: int) -> int:
    """Email everyone who should hear of this transition; return how many emails went out."""
    event = WorkflowEvent.objects.select_related("article", "actor").filter(pk=event_id).first()
    if event is None or event.action not in TRANSITIONS:
        return 0
    article = event.article
    site = settings.NEWSROOM_SITE_URL
    context = {
        "event": event,
        "article": article,
        "actor": event.actor_name,
        "admin_url": site + reverse("admin:articles_article_change", args=[article.pk]),
        "public_url": site + article.get_absolute_url(),
        "settings_url": site + reverse("admin:articles_notificationpreference_changelist"),
    }
    subject = TRANSITIONS[event.action].email_subject % {"headline": article.headline}
    body = render_to_string(f"articles/email/{event.action}.txt", context)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
        for person in recipients(event)
    ]
    if messages:
        sent = get_connection().send_messages(messages) or 0
        logger.info("workflow email: %s on story %s, %s sent", event.action, article.pk, sent)
        return sent
    return 0
