"""Who reads which part of the audit trail.

Superusers read every area. Anyone else holding `audit.view_entry` (the Editors group, from
this app's migration) reads the newsroom's and the comments' areas only: who signed in, who
changed whose account and what backups ran stay with the superusers.
"""

from __future__ import annotations

from typing import Any

from . import actions

PERMISSION = "audit.view_entry"
STAFF_AREAS = (actions.NEWSROOM, actions.COMMENTS)


def readable_areas(user: Any) -> tuple[str, ...]:
    """The areas of the trail this person may read (empty: none)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return ()
    if user.is_superuser:
        return tuple(actions.AREAS)
    if user.has_perm(PERMISSION):
        return STAFF_AREAS
    return ()


def can_read(user: Any) -> bool:
    return bool(readable_areas(user))
