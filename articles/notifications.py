"""Workflow emails: editors hear of stories submitted for review, authors of what happened to
theirs (sent back with the note, published or scheduled, rescheduled, unpublished).

Workflow tells this module of each transition inside its transaction; the emails are queued
with transaction.on_commit, so a transition that rolls back sends nothing. Nobody is emailed
about their own action, and anyone can switch these emails off (NotificationPreference).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import workflow
from .models import Article, NotificationPreference, WorkflowEvent

logger = logging.getLogger(__name__)

_SUBJECTS = {
    workflow.SUBMIT: _("For review: “%(headline)s”"),
    workflow.SEND_BACK: _("Sent back to you: “%(headline)s”"),
    workflow.PUBLISH: _("Published: “%(headline)s”"),
    workflow.UNPUBLISH: _("Unpublished: “%(headline)s”"),
    workflow.RESCHEDULE: _("New publication time: “%(headline)s”"),
}


def register() -> None:
    workflow.on_transition(_queue)


def _queue(article: Article, event: WorkflowEvent) -> None:
    event_id = event.pk

    def send_workflow_email() -> None:  # a named function: Django logs its __qualname__
        send_for_event(event_id)

    # robust: a mail server failure is logged; the transition has committed and stands.
    transaction.on_commit(send_workflow_email, robust=True)


def editors() -> QuerySet:
    """Active newsroom staff who hold the publish permission (the Editors group, superusers)."""
    via_group = Q(
        groups__permissions__codename="publish_article",
        groups__permissions__content_type__app_label="articles",
    )
    direct = Q(
        user_permissions__codename="publish_article",
        user_permissions__content_type__app_label="articles",
    )
    return get_user_model().objects.filter(via_group | direct | Q(is_superuser=True)).distinct()


def authors(article: Article) -> QuerySet:
    """The story's bylined authors and whoever created it."""
    return (
        get_user_model()
        .objects.filter(Q(bylines__article=article) | Q(pk=article.created_by_id))
        .distinct()
    )


def recipients(event: WorkflowEvent) -> list[Any]:
    people = editors() if event.action == workflow.SUBMIT else authors(event.article)
    people = people.filter(is_active=True, is_staff=True).exclude(email="")
    if event.actor_id:
        people = people.exclude(pk=event.actor_id)
    return list(NotificationPreference.objects.wanting_email(people).order_by("pk"))


def send_for_event(event_id: int) -> int:
    """Email everyone who should hear of this transition; return how many emails went out."""
    event = WorkflowEvent.objects.select_related("article", "actor").filter(pk=event_id).first()
    if event is None or event.action not in _SUBJECTS:
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
    subject = _SUBJECTS[event.action] % {"headline": article.headline}
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
