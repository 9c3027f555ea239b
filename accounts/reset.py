"""Resetting someone's second factor when they lost their phone: who may, and what it does.

The admin's action calls this; so may a command or a test. Nobody resets their own (that
would let a stolen session swap the phone): a superuser may reset anyone else's, an editor
that of any other staff member who is not a superuser.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_otp import devices_for_user

import audit
from staff.permissions import EDITORS


def may_reset_second_factor(actor: Any, member: Any) -> bool:
    if not (actor.is_active and actor.is_staff) or actor.pk == member.pk:
        return False
    if actor.is_superuser:
        return True
    return (
        member.is_staff and not member.is_superuser and actor.groups.filter(name=EDITORS).exists()
    )


@transaction.atomic
def reset_second_factor(actor: Any, member: Any) -> int:
    """Remove every device of `member` (app and recovery codes); their next request is sent
    to set up a new one if they must use it. Returns how many devices went."""
    if not may_reset_second_factor(actor, member):
        raise PermissionDenied("You may not reset this person's two-factor sign-in.")
    removed = 0
    for device in devices_for_user(member, confirmed=None):
        device.delete()  # each removal is in the audit trail (accounts.trail)
        removed += 1
    audit.record("2fa.reset", actor=actor, target=member, devices=removed)
    return removed
