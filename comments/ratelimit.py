"""Who is sending, and how often: a per-client limit kept in Django's (shared) cache.

The client is the site-wide answer (edge.clients.client_ip: REMOTE_ADDR, or the first
untrusted hop of X-Forwarded-For behind TRUSTED_PROXIES), so a spoofed header cannot reset a
bucket. IPv6 clients are counted per /64, the block one subscriber gets.
"""

from __future__ import annotations

import ipaddress
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache
from django.core.cache import cache as shared_cache
from django.http import HttpRequest

from edge import failopen
from edge.clients import client_ip

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def _parse(value: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The sender's address as far as we can trust it (see edge.clients.client_ip)."""
    return client_ip(request) or None


def bucket(address: str | None) -> str:
    """The rate-limit key: the address itself, or its /64 network for IPv6."""
    parsed = _parse(address or "")
    if parsed is None:
        return "unknown"
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def hit(
    address: str | None,
    *,
    scope: str = "rate",
    limit: int | None = None,
    period: int | None = None,
) -> Verdict:
    """Count one comment (or, with another `scope` and its own limit, one report) from this
    client; refuse it once the limit for the period is used.

    A fixed window per period: cache.add starts the count and cache.incr bumps it, both atomic
    in every cache Django ships (and in Redis across worker processes). While the shared cache
    is down, each process counts in its own memory: a looser limit, never none (and every
    comment waits for moderation anyway).
    """
    limit = settings.COMMENTS_RATE_LIMIT if limit is None else limit
    period = settings.COMMENTS_RATE_PERIOD if period is None else period
    if limit <= 0 or period <= 0:
        return Verdict(allowed=True)
    now = time.time()
    window = int(now // period)
    key = f"comments:{scope}:{bucket(address)}:{window}"
    try:
        count = _count(failopen.local_stand_in(shared_cache), key, period)
    except failopen.CacheDown:  # it went down just now
        count = _count(failopen.local_stand_in(shared_cache), key, period)
    if count <= limit:
        return Verdict(allowed=True)
    return Verdict(allowed=False, retry_after=max(1, math.ceil((window + 1) * period - now)))


def _count(counts: BaseCache, key: str, period: int) -> int:
    counts.add(key, 0, timeout=period + 1)
    try:
        return counts.incr(key)
    except ValueError:  # evicted between add and incr: start again
        counts.add(key, 1, timeout=period + 1)
        return 1
