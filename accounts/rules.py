"""Who must sign in with a second factor, and what they may do about their devices.

NEWSROOM_2FA_REQUIRED is "editors" (Editors and superusers) or "staff" (every staff account).
With DEBUG on, the demo logins are let through without one, so `make run` stays one command.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_otp import user_has_device

from staff.permissions import EDITORS

EDITORS_ONLY = "editors"
ALL_STAFF = "staff"
CHOICES = (EDITORS_ONLY, ALL_STAFF)


def is_demo_login(user: Any) -> bool:
    from accounts.models import DemoLogin

    return DemoLogin.objects.filter(user_id=user.pk).exists()


def must_use_second_factor(user: Any) -> bool:
    """True for a signed-in account that may not reach the admin on a password alone."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if settings.DEBUG and is_demo_login(user):
        return False
    if user.is_superuser or settings.NEWSROOM_2FA_REQUIRED == ALL_STAFF:
        return True
    return user.groups.filter(name=EDITORS).exists()


def needs_enrolment(user: Any) -> bool:
    """Required to use a second factor but without a confirmed device yet."""
    return must_use_second_factor(user) and not user_has_device(user)


def is_verified(user: Any) -> bool:
    """The session passed the second factor (django-otp's middleware sets is_verified)."""
    return bool(getattr(user, "is_verified", lambda: False)())


def may_sign_in_to_admin(user: Any) -> bool:
    """The admin site's check on top of is_staff: the second factor when it is required."""
    return not must_use_second_factor(user) or is_verified(user)


def may_remove_own_devices(user: Any) -> bool:
    """An account that must use a second factor keeps its device; it may make new recovery
    codes, and a lost phone is reset by a superuser (README, "Two-factor sign-in")."""
    return not must_use_second_factor(user)
