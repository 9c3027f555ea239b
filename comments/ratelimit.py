"""Who is sending, and how often: a per-client limit kept in Django's (shared) cache.

The client is REMOTE_ADDR. Only when that address is one of COMMENTS_TRUSTED_PROXIES is
X-Forwarded-For believed, read from the right and skipping the trusted proxies, so a spoofed
header cannot reset a bucket. IPv6 clients are counted per /64, the block one subscriber gets.
"""

from __future__ import annotations

import ipaddress
import math
import time
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core import checks
from django.core.cache import cache as shared_cache
from django.http import HttpRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


@cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def check_trusted_proxies(**kwargs: object) -> list[checks.CheckMessage]:
    """A typo in COMMENTS_TRUSTED_PROXIES fails `manage.py check`, not the first comment."""
    problems = []
    for proxy in settings.COMMENTS_TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            problems.append(
                checks.Error(
                    f"COMMENTS_TRUSTED_PROXIES: {proxy!r} is not an IP address or network.",
                    id="comments.E001",
                )
            )
    return problems


def _parse(value: str) -> IPAddress | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_trusted(address: IPAddress) -> bool:
    networks = _trusted_networks(tuple(settings.COMMENTS_TRUSTED_PROXIES))
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str | None:
    """The sender's address as far as we can trust it, or None if there is none."""
    address = _parse(request.META.get("REMOTE_ADDR", ""))
    if address is None:
        return None
    if _is_trusted(address):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        for hop in reversed(forwarded.split(",")):
            hop_address = _parse(hop)
            if hop_address is None:
                break
            address = hop_address
            if not _is_trusted(hop_address):
                break
    return str(address)


def bucket(address: str | None) -> str:
    """The rate-limit key: the address itself, or its /64 network for IPv6."""
    parsed = _parse(address or "")
    if parsed is None:
        return "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def hit(address: str | None) -> Verdict:
    """Count one comment from this client; refuse it once the limit for the period is used.

    A fixed window per period: cache.add starts the count and cache.incr bumps it, both atomic
    in every cache Django ships (and in Redis across worker processes).
    """
    limit, period = settings.COMMENTS_RATE_LIMIT, settings.COMMENTS_RATE_PERIOD
    if limit <= 0 or period <= 0:
        return Verdict(allowed=True)
    now = time.time()
    window = int(now // period)
    key = f"comments:rate:{bucket(address)}:{window}"
    shared_cache.add(key, 0, timeout=period + 1)
    try:
        count = shared_cache.incr(key)
    except ValueError:  # evicted between add and incr: start again
        shared_cache.add(key, 1, timeout=period + 1)
        count = 1
    if count <= limit:
        return Verdict(allowed=True)
    return Verdict(allowed=False, retry_after=max(1, math.ceil((window + 1) * period - now)))
