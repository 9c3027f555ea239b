"""/healthz for load balancers and process managers: 200 when the site can serve, 503 when not.

It checks the database, and the cache when one is shared between workers (Redis); a local
memory cache lives in the worker itself and cannot be down. The site serves without the cache
(edge/failopen.py), so a cache that does not answer makes the answer "degraded", still 200:
a load balancer must not take serving workers out for it. Failures are logged, not shown.
"""

from __future__ import annotations

import logging
import secrets

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("health check: the database does not answer")
        return False


def cache_answers() -> bool:
    cache = caches["default"]
    token = secrets.token_hex(8)
    key = f"healthz:{token}"  # one key per probe, so probes from several hosts never collide
    try:
        cache.set(key, token, timeout=10)
        answered = cache.get(key) == token
        cache.delete(key)
    except Exception:
        logger.exception("health check: the cache does not answer")
        return False
    if not answered:  # a fail-open cache answers every failure as a miss
        logger.warning("health check: the cache does not answer")
    return answered


def shared_cache_configured() -> bool:
    return not isinstance(caches["default"], LocMemCache | DummyCache)


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": database_answers()}
    if shared_cache_configured():
        checks["cache"] = cache_answers()
    serving = checks["database"]
    status = "unavailable" if not serving else "ok" if all(checks.values()) else "degraded"
    response = JsonResponse(
        {
            "status": status,
            "checks": {name: "ok" if ok else "failing" for name, ok in checks.items()},
        },
        status=200 if serving else 503,
    )
    add_never_cache_headers(response)
    return response
