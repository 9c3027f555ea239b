"""A person's own passkeys and security keys beside their authenticator app: the keys listed
on their "Two-factor sign-in" page and removed one at a time (a lost security key, a phone
sold), never the last second factor; an app added beside a key keeps the key first.

Removing the key that was the account's default (the one the code step asks for) hands that
role to the account's authenticator app when it has one, else to the oldest key left. Each
removal is in the audit trail (accounts.trail records every device removed, whatever the door).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice
from two_factor.utils import USER_DEFAULT_DEVICE_ATTR_NAME, default_device

DEFAULT = "default"  # django-two-factor-auth asks for the device of this name first
OTHER = "passkey"  # any further key (accounts.views.AddPasskeyView names them so)
APP_BESIDE = "app"  # an authenticator app added beside a passkey (AddAuthenticatorView)


def of(user: Any) -> list[WebauthnDevice]:
    """The person's keys, oldest first."""
    return list(
        WebauthnDevice.objects.filter(user=user, confirmed=True).order_by("created_at", "pk")
    )


def own(user: Any, key_id: Any) -> WebauthnDevice:
    """The person's key with this id; anyone else's, or none, is a 404."""
    try:
        return WebauthnDevice.objects.get(user=user, pk=int(key_id), confirmed=True)
    except (TypeError, ValueError, OverflowError, WebauthnDevice.DoesNotExist):
        raise Http404("No such passkey.") from None


def _apps(user: Any):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


def has_app(user: Any) -> bool:
    return _apps(user).exists()


def app_beside_passkey(user: Any) -> None:
    """The app just added answers to another name while a key is the account's default."""
    if WebauthnDevice.objects.filter(user=user, confirmed=True, name=DEFAULT).exists():
        _apps(user).filter(name=DEFAULT).update(name=APP_BESIDE)


def may_remove(user: Any, key: WebauthnDevice) -> bool:
    """Another second factor stays: an authenticator app or another key. (Recovery codes are
    a way back in, not a factor to sign in with every day; the last factor goes only by
    turning two-factor sign-in off, where the account may.)"""
    others = WebauthnDevice.objects.filter(user=user, confirmed=True).exclude(pk=key.pk)
    return others.exists() or has_app(user)


def only_factor_message() -> str:
    return _(
        "This is your only second factor. Add another passkey, security key or authenticator "
        "app first, or use “Turn off” if your account may do without one."
    )


@dataclass(frozen=True)
class Removed:
    added: datetime
    persistent_id: str  # as django-otp names the device in a session


def remove(user: Any, key_id: Any) -> Removed:
    """Remove one of the person's keys (as they are in the database now)."""
    with transaction.atomic():
        # One removal at a time per person, so two at once cannot take the last two keys.
        list(WebauthnDevice.objects.select_for_update().filter(user=user).values_list("pk"))
        key = own(user, key_id)
        if not may_remove(user, key):
            raise PermissionDenied(only_factor_message())
        removed = Removed(added=key.created_at, persistent_id=key.persistent_id)
        was_default = key.name == DEFAULT
        key.delete()
        if was_default:
            _hand_on_default(user)
    return removed


def keep_session_verified(request: Any, removed: Removed) -> None:
    """A session verified with the key just removed stays verified with the account's
    default factor: it passed a second factor, and removing a lost key from a phone signed
    in with it should not send its owner back to the sign-in page."""
    if request.session.get(DEVICE_ID_SESSION_KEY) != removed.persistent_id:
        return
    # default_device() keeps its first answer on the user; the removed key may be it.
    if hasattr(request.user, USER_DEFAULT_DEVICE_ATTR_NAME):
        delattr(request.user, USER_DEFAULT_DEVICE_ATTR_NAME)
    device = default_device(request.user)
    if device is not None:
        otp_login(request, device)


def _hand_on_default(user: Any) -> None:
    if (
        _apps(user).filter(name=DEFAULT).exists()
        or WebauthnDevice.objects.filter(user=user, confirmed=True, name=DEFAULT).exists()
    ):
        return
    app = _apps(user).order_by("pk").first()
    if app is not None:
        app.name = DEFAULT
        app.save(update_fields=["name"])
        return
    oldest = of(user)[0]  # may_remove left at least one
    oldest.name = DEFAULT
    oldest.save(update_fields=["name"])
