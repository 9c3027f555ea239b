"""Who may edit a profile, and the one door that saves one (the admin calls it too).

A writer edits their own profile; editors (the `edit_any_profile` permission, which the
Editors group holds) and superusers edit anyone's.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Profile

EDIT_ANY = "authors.edit_any_profile"
EDIT_OWN = "authors.change_profile"


def edits_any(user: Any) -> bool:
    return bool(user.is_active and user.has_perm(EDIT_ANY))


def can_edit(user: Any, profile: Profile) -> bool:
    """Whether `user` may change `profile` (or create it, when it is new)."""
    if not user.is_active:
        return False
    if edits_any(user):
        return True
    return user.has_perm(EDIT_OWN) and profile.user_id == user.pk


def save_profile(user: Any, profile: Profile) -> Profile:
    """Validate and save `profile` as `user`; PermissionDenied when it is not theirs to edit
    (a writer may neither edit another's profile nor hand their own to someone else)."""
    if profile.pk is not None and not edits_any(user):
        owner = Profile.objects.filter(pk=profile.pk).values_list("user_id", flat=True).first()
        if owner != user.pk:
            raise PermissionDenied(_("You may edit only your own profile."))
    if not can_edit(user, profile):
        raise PermissionDenied(_("You may edit only your own profile."))
    profile.full_clean()
    with transaction.atomic():
        profile.save()
    return profile
