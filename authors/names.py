"""The name readers see for a writer: never a login name."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from .models import Profile


def profile_of(user: Any) -> Profile | None:
    """The writer's profile, if any (read with the user by select_related("author_profile"),
    else one query)."""
    if user is None:
        return None
    try:
        return user.author_profile
    except Profile.DoesNotExist:
        return None


def public_profile(user: Any) -> Profile | None:
    profile = profile_of(user)
    return profile if profile is not None and profile.is_public else None


def public_name(user: Any, credit: str = "") -> str:
    """The profile's display name, else the credit given, else the full name — and when none
    of these exists a neutral "Staff writer", never the login name."""
    profile = profile_of(user)
    if profile is not None and profile.display_name:
        return profile.display_name
    login = user.get_username() if user is not None else None
    if credit and credit != login:
        return credit
    if user is not None and user.get_full_name():
        return user.get_full_name()
    return gettext("Staff writer")
