"""Request-level security the settings cannot express: the Content-Security-Policy header, and
for the admin login throttle (django-axes) the client's address and the lockout page.

A small middleware rather than django-csp: the policy is one fixed string (no template on the
site or in the Django admin uses inline script or style, so there are no nonces to hand out),
and Django 6.0 ships the same header natively, which this can give way to on upgrade.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.core import checks
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


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(value: str) -> IPAddress | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress) -> bool:
    return any(address in network for network in _trusted_networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request: HttpRequest) -> str:
    """The client's address as far as we can trust it ("" if there is none).

    The one answer for login throttling, the comment rate limit and the API throttle. It is
    REMOTE_ADDR, unless that is one of settings.TRUSTED_PROXIES: then X-Forwarded-For is read
    from the right, skipping trusted proxies, and the first untrusted hop is the client.
    Anything to its left was typed by the client and is ignored.
    """
    address = _parse(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return ""
    if _is_trusted(address):
        for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
            hop_address = _parse(hop)
            if hop_address is None:
                break
            address = hop_address
            if not _is_trusted(hop_address):
                break
    return str(address)


def check_trusted_proxies(**kwargs: object) -> list[checks.CheckMessage]:
    """A typo in TRUSTED_PROXIES fails `manage.py check`, not the first request."""
    problems = []
    for proxy in settings.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            problems.append(
                checks.Error(
                    f"TRUSTED_PROXIES: {proxy!r} is not an IP address or network.",
                    id="newsroom.E002",
                )
            )
    return problems


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
