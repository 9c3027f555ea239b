"""Second factors in the audit trail: a device set up or removed, whichever door it went
through (the enrolment pages, turning it off, a superuser's reset, `two_factor_disable`,
the admin's device lists), and new recovery codes."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from two_factor.plugins.webauthn.models import WebauthnDevice

import audit

# What the trail calls each kind of device.
KINDS = {
    TOTPDevice: "authenticator app",
    StaticDevice: "recovery codes",
    WebauthnDevice: "passkey or security key",
}


def _enrolled(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if created and instance.confirmed and not raw:
        audit.record("2fa.enrolled", target=instance.user, device=KINDS[sender])


def _removed(sender: type, instance: Any, **kwargs: Any) -> None:
    audit.record("2fa.removed", target=instance.user, device=KINDS[sender])


def recovery_codes_made(user: Any, count: int) -> None:
    audit.record("2fa.backup_codes_made", target=user, codes=count)


def connect() -> None:
    for model in (TOTPDevice, WebauthnDevice):
        post_save.connect(
            _enrolled, sender=model, dispatch_uid=f"accounts.trail.enrolled.{model.__name__}"
        )
    for model in KINDS:
        post_delete.connect(
            _removed, sender=model, dispatch_uid=f"accounts.trail.removed.{model.__name__}"
        )
