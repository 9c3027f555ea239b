"""The code fields of the sign-in and setup steps, made for pasting.

A password manager or a person copying from an app pastes "123 456" or "123-456"; spaces and
dashes are dropped before the code is checked. The fields ask phones for the number pad and
let browsers offer a one-time code (autocomplete="one-time-code").
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from two_factor.forms import (
    AuthenticationTokenForm,
    BackupTokenForm,
    MethodForm,
    TOTPDeviceForm,
)
from two_factor.plugins.webauthn.forms import WebauthnAuthenticationTokenForm

import audit

SEPARATORS = re.compile(r"[\s\-]+")
CODE_ATTRS = {"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}


def without_separators(value: str) -> str:
    return SEPARATORS.sub("", value or "")


class CodeField(forms.CharField):
    """Six digits from an authenticator app; spaces and dashes are ignored."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Code from your authenticator app"))
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({**CODE_ATTRS, "inputmode": "numeric", "autofocus": True})

    def to_python(self, value: str | None) -> str:
        return without_separators(super().to_python(value))

    def validate(self, value: str) -> None:
        super().validate(value)
        if value and not re.fullmatch(r"\d{6}", value):
            raise forms.ValidationError(_("Enter the six digits your app shows."), code="digits")


class RecoveryCodeField(forms.CharField):
    """A recovery code as printed (letters and digits); spaces and dashes are ignored."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Recovery code"))
        kwargs.setdefault("max_length", 40)
        super().__init__(**kwargs)
        self.widget.attrs.update({**CODE_ATTRS, "autofocus": True})

    def to_python(self, value: str | None) -> str:
        return without_separators(super().to_python(value)).lower()


THROTTLED = _(
    "Too many wrong codes in a row (%(failure_count)d). Wait a little and try again: "
    "each further mistake doubles the wait."
)


class RefusedCodesAudited:
    """A refused second-factor code is a failed sign-in: the audit trail keeps it (never the
    code), as it keeps a wrong password."""

    user: object
    kind = ""

    def clean(self) -> dict:
        try:
            return super().clean()  # type: ignore[misc]
        except forms.ValidationError as refused:
            why = getattr(refused, "code", None) or "invalid"
            audit.record("auth.code_refused", target=self.user, code_kind=self.kind, reason=why)
            raise


class SignInCodeForm(RefusedCodesAudited, AuthenticationTokenForm):
    """The second step of signing in: the code from the person's authenticator app."""

    kind = "authenticator app"

    otp_token = CodeField()
    otp_error_messages = {
        **AuthenticationTokenForm.otp_error_messages,
        "invalid_token": _("That code is wrong or has already been used. Enter the current one."),
        "n_failed_attempts": THROTTLED,
    }


class SignInRecoveryCodeForm(RefusedCodesAudited, BackupTokenForm):
    """The second step with one of the printed recovery codes instead (each works once)."""

    kind = "recovery code"

    otp_token = RecoveryCodeField()
    otp_error_messages = {
        **BackupTokenForm.otp_error_messages,
        "invalid_token": _("That recovery code is wrong or has already been used."),
        "n_failed_attempts": THROTTLED,
    }


class EnrolmentCodeForm(TOTPDeviceForm):
    """Setting up: the first code the app shows proves it holds the secret."""

    token = CodeField()

    def clean_token(self) -> int:
        self.cleaned_data["token"] = int(self.cleaned_data["token"])
        return super().clean_token()


class PasskeySignInForm(RefusedCodesAudited, WebauthnAuthenticationTokenForm):
    """The second step with a passkey or security key: the plugin's script asks the browser
    for the key's answer and sends it in the hidden field; the server checks it."""

    kind = "passkey"

    otp_error_messages = {
        **WebauthnAuthenticationTokenForm.otp_error_messages,
        "invalid_token": _("The passkey's answer was not accepted. Try again."),
        "n_failed_attempts": THROTTLED,
    }

    def _verify_token(self, user: Any, token: str, device: Any = None) -> Any:
        # The plugin checks the answer without django-otp's throttle; it is applied here, on
        # the passkey the step was opened for, as for codes (each mistake doubles the wait).
        throttled = self.initial_device
        allowed, extra = throttled.verify_is_allowed() if throttled else (True, {})
        if not allowed:
            raise forms.ValidationError(
                self.otp_error_messages["n_failed_attempts"] % extra, "n_failed_attempts"
            )
        try:
            # An answer sent without the challenge this page made (a replay, a second tab
            # that already used it) is refused, not a server error.
            if "webauthn_request_challenge" not in self.request.session:
                raise forms.ValidationError("no challenge", "invalid_token")
            self.request.session.setdefault("webauthn_request_options", None)
            verified = super()._verify_token(user, token, device)
        except forms.ValidationError as refused:
            if throttled:
                throttled.refresh_from_db()
                throttled.throttle_increment()
            raise forms.ValidationError(
                self.otp_error_messages["invalid_token"], "invalid_token"
            ) from refused
        if throttled:
            # Fresh from the database: the check just saved the key's count and last use.
            throttled.refresh_from_db()
            throttled.throttle_reset()
        return verified


# What the setup page calls each second factor (the library's own names are technical).
METHOD_LABELS = {
    "generator": _("A code from an authenticator app"),
    "webauthn": _("A passkey or security key"),
}


class SecondFactorChoiceForm(MethodForm):
    """The setup page's choice of second factor, in words a newsroom uses."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        field = self.fields["method"]
        field.label = _("Second factor")
        field.choices = [(code, METHOD_LABELS.get(code, name)) for code, name in field.choices]
