"""The sign-in pages, dressed as the Django admin: the two-step login (password, then code),
enrolment, recovery codes and the person's own "Two-factor sign-in" page.

They are django-two-factor-auth's views with pastable code fields, the admin's look and
the newsroom's rules on removing a device (accounts.rules).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from two_factor import views as two_factor_views
from two_factor.plugins.webauthn.models import WebauthnDevice
from two_factor.utils import default_device

from accounts import forms, passkeys, rules, trail


class AdminContextMixin:
    """What admin/base_site.html needs: the site's header, title and user links."""

    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(admin.site.each_context(self.request))
        context.setdefault("title", self.page_title)
        return context

    page_title = ""


class AdminLoginView(AdminContextMixin, two_factor_views.LoginView):
    """The admin's login: a staff password, then (for an account with a device) its code
    or a recovery code. django-axes counts failed passwords through the admin form."""

    template_name = "two_factor/core/login.html"
    form_list = (
        (two_factor_views.LoginView.AUTH_STEP, AdminAuthenticationForm),
        (two_factor_views.LoginView.TOKEN_STEP, forms.SignInCodeForm),
        (two_factor_views.LoginView.BACKUP_STEP, forms.SignInRecoveryCodeForm),
    )

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return _("Log in")

    def get_form_list(self) -> dict:
        # The library swaps in its own token form per device; ours accepts pasted codes (an
        # authenticator app's). A passkey keeps the plugin's form, which its script fills.
        form_list = super().get_form_list()
        if self.TOKEN_STEP in form_list:
            passkey = self._passkey_step()
            form_list[self.TOKEN_STEP] = (
                forms.PasskeySignInForm if passkey else forms.SignInCodeForm
            )
        return form_list

    def _passkey_step(self) -> bool:
        """Whether the code step asks for a passkey (the device chosen, else the default)."""
        if not self.get_user():
            return False
        cached = self.device_cache
        device = self.get_device()
        # The library picks the recovery codes' device only when nothing is cached yet.
        self.device_cache = cached
        return isinstance(device, WebauthnDevice)

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        context["passkey_step"] = self.steps.current == self.TOKEN_STEP and self._passkey_step()
        # Each other second factor the code step may switch to, named for what it is.
        context["alternatives"] = [
            (
                other.persistent_id,
                _("Use your passkey or security key instead")
                if isinstance(other, WebauthnDevice)
                else _("Use a code from your authenticator app instead"),
            )
            for other in context.get("other_devices", [])
        ]
        return context


class EnrolmentView(AdminContextMixin, two_factor_views.SetupView):
    """Setting up an authenticator app: a QR code (an image from our own URL, as the CSP
    allows) or the secret to type in, then the first code it shows."""

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return _("Set up two-factor sign-in")

    def get_form_list(self) -> dict:
        form_list = super().get_form_list()
        if "generator" in form_list:
            form_list["generator"] = forms.EnrolmentCodeForm
        if "method" in form_list:
            form_list["method"] = forms.SecondFactorChoiceForm
        return form_list

    def get_success_url(self) -> str:
        # Always by the "it is on" page, which asks for recovery codes, then on to `next`.
        after = self.get_redirect_url()
        done = reverse("two_factor:setup_complete")
        return f"{done}?{urlencode({'next': after})}" if after else done

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if rules.needs_enrolment(request.user):
            messages.warning(
                request,
                _("Your account needs a second factor before it can use the admin. Set it up now."),
            )
        return super().get(request, *args, **kwargs)


class AddBesideView(EnrolmentView):
    """Adding a second way to sign in beside the first (the library's setup page only sets up
    a first device): one method, then back to the person's "Two-factor sign-in" page."""

    method_code = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # GET and POST alike: a first second factor is set up on the setup page.
        if request.user.is_authenticated and not default_device(request.user):
            return redirect("two_factor:setup")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Skip the library's "already set up" redirect: that is the point here.
        return super(two_factor_views.SetupView, self).get(request, *args, **kwargs)

    def get_available_methods(self) -> list:
        return [m for m in super().get_available_methods() if m.code == self.method_code]

    def get_success_url(self) -> str:
        return reverse("two_factor:profile")


class AddPasskeyView(AddBesideView):
    """A passkey or security key beside the authenticator app (or another key): the first
    factor stays the one asked for; the code step offers the key instead."""

    method_code = "webauthn"

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return _("Add a passkey or security key")

    def get_device(self, **kwargs: Any) -> Any:
        device = super().get_device(**kwargs)
        if device is not None:
            device.name = passkeys.OTHER  # not a second "default": the first stays first
        return device

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        context["adding_passkey"] = True
        return context


class AddAuthenticatorView(AddBesideView):
    """An authenticator app beside the passkey set up first: the passkey stays the first
    asked for; the code step offers the app instead (and a lost phone's passkey can then be
    removed without losing the last second factor)."""

    method_code = "generator"

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return _("Add an authenticator app")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and passkeys.has_app(request.user):
            messages.info(request, _("You already have an authenticator app set up."))
            return redirect("two_factor:profile")
        return super().dispatch(request, *args, **kwargs)

    def done(self, form_list: Any, **kwargs: Any) -> HttpResponse:
        response = super().done(form_list, **kwargs)
        # The library names every new app "default"; the passkey keeps that role.
        passkeys.app_beside_passkey(self.request.user)
        messages.success(self.request, _("Your authenticator app is set up."))
        return response

    def get_context_data(self, form: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(form=form, **kwargs)
        context["adding_app"] = True
        return context


class EnrolmentCompleteView(AdminContextMixin, two_factor_views.SetupCompleteView):
    page_title = _("Two-factor sign-in is on")  # type: ignore[assignment]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # Unlike the library's, this page is always shown once: it asks for recovery codes.
        return TemplateView.get(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        after = self.request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(
            after, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        )
        context["continue_url"] = after if after and safe else reverse("admin:index")
        return context


class RecoveryCodesView(AdminContextMixin, two_factor_views.BackupTokensView):
    page_title = _("Recovery codes")  # type: ignore[assignment]

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        trail.recovery_codes_made(self.request.user, self.number_of_tokens)
        return response


class TwoFactorProfileView(AdminContextMixin, two_factor_views.ProfileView):
    page_title = _("Two-factor sign-in")  # type: ignore[assignment]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["may_remove"] = rules.may_remove_own_devices(self.request.user)
        context["passkeys"] = passkeys.of(self.request.user)
        context["has_app"] = passkeys.has_app(self.request.user)
        context["passkey_is_default"] = isinstance(context.get("default_device"), WebauthnDevice)
        return context


@method_decorator([never_cache, login_required], name="dispatch")
class RemovePasskeyView(AdminContextMixin, TemplateView):
    """GET: which key, and whether it may go (accounts.passkeys). POST: remove it."""

    template_name = "two_factor/profile/remove_passkey.html"
    page_title = _("Remove a passkey or security key")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        key = passkeys.own(self.request.user, kwargs["key_id"])
        context["key"] = key
        if not passkeys.may_remove(self.request.user, key):
            context["refusal"] = passkeys.only_factor_message()
        return context

    def post(self, request: HttpRequest, key_id: str) -> HttpResponse:
        try:
            removed = passkeys.remove(request.user, key_id)
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
            return redirect("two_factor:profile")
        passkeys.keep_session_verified(request, removed)
        messages.success(
            request,
            _("Removed the passkey or security key added on %(day)s. It no longer signs you in.")
            % {"day": date_format(timezone.localtime(removed.added), "j F Y")},
        )
        return redirect("two_factor:profile")


class RemoveDevicesView(AdminContextMixin, two_factor_views.DisableView):
    """Turning two-factor sign-in off: only for accounts the rule does not require it of."""

    page_title = _("Turn off two-factor sign-in")  # type: ignore[assignment]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not rules.may_remove_own_devices(request.user):
            messages.error(
                request,
                _(
                    "Your account must use two-factor sign-in, so it cannot be turned off. "
                    "If you lost your phone, ask a superuser to reset it."
                ),
            )
            return redirect("two_factor:profile")
        return super().dispatch(request, *args, **kwargs)


@require_POST
@csrf_protect
def sign_out(request: HttpRequest) -> HttpResponse:
    """Signing out while the second factor is still owed. The admin's own logout serves only
    those the admin admits (anyone else is sent to its index, still signed in)."""
    logout(request)
    return redirect("admin:login")
