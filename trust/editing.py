"""The one door for changing policies and the publisher: only Editors (and superusers) may.

The admin calls these; so does anything else that writes the records (the demo loader passes
a user too). A person without the permission gets PermissionDenied whatever door they used.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from .models import Policy, Publisher


def _require(user: Any, permission: str) -> None:
    if not (user and user.is_active and user.has_perm(permission)):
        raise PermissionDenied(f"Only editors may change {permission.split('_', 1)[1]} records.")


def may_edit(user: Any) -> bool:
    """Whether `user` may change the newsroom's policies and publisher record."""
    return bool(
        user
        and user.is_active
        and user.has_perm("trust.change_policy")
        and user.has_perm("trust.change_publisher")
    )


def save_policy(policy: Policy, user: Any) -> Policy:
    """Check and store a policy (its HTML is rendered in save)."""
    _require(user, "trust.add_policy" if policy._state.adding else "trust.change_policy")
    policy.full_clean()
    with transaction.atomic():
        policy.save()
    return policy


def delete_policy(policy: Policy, user: Any) -> None:
    _require(user, "trust.delete_policy")
    with transaction.atomic():
        policy.delete()


def save_publisher(publisher: Publisher, user: Any) -> Publisher:
    """Check and store the publisher record (the one row)."""
    _require(user, "trust.change_publisher")
    publisher.full_clean()
    with transaction.atomic():
        publisher.save()
    return publisher
