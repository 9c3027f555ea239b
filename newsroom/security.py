"""Request-level security the settings cannot express: the Content-Security-Policy header, and
the admin login throttle's lockout page (django-axes; the client's address is edge.clients).

A small middleware rather than django-csp: the policy is one fixed string (no template on the
site or in the Django admin uses inline script or style, so there are no nonces to hand out),
and Django 6.0 ships the same header natively, which this can give way to on upgrade.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _


class ContentSecurityPolicyMiddleware:
    """Send settings.CONTENT_SECURITY_POLICY on every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy:
            response.headers.setdefault("Content-Security-Policy", policy)
        return response


def login_lockout(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any
) -> HttpResponse:
    """429 with the admin's look, saying when to try again (django-axes' AXES_LOCKOUT_CALLABLE)."""
    cooloff = settings.AXES_COOLOFF_TIME
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "cooloff_minutes": int(cooloff.total_seconds() // 60),
    }
    response = TemplateResponse(request, "admin/lockout.html", context, status=429)
    response["Retry-After"] = str(int(cooloff.total_seconds()))
    add_never_cache_headers(response)
    return response.render()
