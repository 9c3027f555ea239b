"""Writing to the audit trail: one function, called from wherever something happens."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest

from edge.clients import client_ip

from . import actions
from .context import current_request
from .models import Entry

Target = models.Model | str | None


def record(
    code: str,
    *,
    actor: Any = None,
    target: Target = None,
    label: str | None = None,
    request: HttpRequest | None = None,
    **detail: Any,
) -> Entry:
    """Add one entry: `code` from audit.actions, who did it (`actor`, else the signed-in user
    of the request), to what (a model instance, or a label for what has no row), and any
    small JSON-ready `detail`. `label` replaces the target's own name, e.g. to keep a
    commenter's name out of the trail. Without a request (given, or left by the middleware)
    the entry comes from a command. Inside a transaction, the entry lives or dies with it."""
    area = actions.action(code).area
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    entry = Entry(
        action=code,
        area=area,
        actor=actor,
        actor_name=actor.get_username() if actor is not None else "",
        detail=detail,
    )
    if isinstance(target, models.Model):
        entry.content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        entry.object_id = str(target.pk)
        entry.target_label = str(target if label is None else label)[:200]
    elif target:
        entry.target_label = str(target)[:200]
    if request is not None:
        entry.origin = Entry.Origin.WEB
        entry.address = client_ip(request) or None
        entry.browser = request.META.get("HTTP_USER_AGENT", "")[:300]
    else:
        entry.origin = Entry.Origin.COMMAND
    entry.save()
    return entry
