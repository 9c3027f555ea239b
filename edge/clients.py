"""Who the client is: the address a request came from, as far as it can be trusted.

One answer for the admin login throttle, the comment rate limit and the API throttle.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.core import checks
from django.http import HttpRequest

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
