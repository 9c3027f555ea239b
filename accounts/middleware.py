"""Two doors every staff request passes: the idle-time limit, and the second-factor rule.

Both act only when the request carries a session cookie, so a reader's request is never made
to read or write a session (and never gains `Vary: Cookie`) because of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from accounts import rules

LAST_SEEN = "staff_last_seen"
# The last-seen time is rewritten once a tenth of the limit has passed (at least a minute),
# so a busy editor does not save the session on every request: an idle session ends between
# nine tenths of the limit and the limit after the last request.
LAST_SEEN_SHARE = 10

# What a person who still owes the second factor may open: the steps of signing in and of
# setting up a device, and logging out.
OPEN_BEFORE_SECOND_FACTOR = {
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
    "two_factor:setup",
    "two_factor:qr",
    "two_factor:setup_complete",
    "two_factor:sign_out",
    # The passkey scripts of the setup page and of the code step.
    "two_factor:webauthn:create_credential",
    "two_factor:webauthn:get_credential",
}


def note_sign_in(sender: object, request: HttpRequest, user: object, **kwargs: object) -> None:
    """The idle clock starts at sign-in (user_logged_in), so a fresh session is not written
    again on its first request."""
    if getattr(user, "is_staff", False) and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


def _has_session(request: HttpRequest) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class StaffIdleTimeoutMiddleware:
    """Ends a staff session after NEWSROOM_STAFF_IDLE_MINUTES without a request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_session(request) and request.user.is_authenticated and request.user.is_staff:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            limit = settings.NEWSROOM_STAFF_IDLE_MINUTES * 60
            if last_seen is not None and now - last_seen > limit:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.NEWSROOM_STAFF_IDLE_MINUTES},
                )
            elif last_seen is None or now - last_seen >= max(60, limit // LAST_SEEN_SHARE):
                request.session[LAST_SEEN] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """A staff account that must use a second factor gets nothing on a password alone: it is
    sent to set one up (no device yet) or to sign in with its code (a device, but this
    session has not used it). The admin site checks the same rule (NewsroomAdminSite)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_session(request):
            user = request.user
            if user.is_authenticated and not rules.may_sign_in_to_admin(user):
                if _view_name(request) not in OPEN_BEFORE_SECOND_FACTOR:
                    return _send_to_second_factor(request, user)
        return self.get_response(request)


def _view_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


def _send_to_second_factor(request: HttpRequest, user: object) -> HttpResponse:
    target = "two_factor:setup" if rules.needs_enrolment(user) else "admin:login"
    query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
    return HttpResponseRedirect(reverse(target) + (f"?{query}" if query else ""))
