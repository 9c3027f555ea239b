"""A Redis cache that fails open: when Redis is down or slow, the site serves uncached.

The cache only makes pages cheaper; the database is the truth. So every operation that cannot
reach Redis answers as a cache that holds nothing would (a read misses, a write is dropped, an
`add` does not add) instead of raising, and the request goes on to render. After one failure
the cache is left alone for `RETRY_SECONDS` (no worker waits on a dead server request after
request), then tried again. The log says so once a minute, not once a request.

Code that must know (the page cache records purges it could not deliver; the comment limit
counts in the process's own memory meanwhile) asks `is_down(cache)`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import BaseCache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
LOG_EVERY_SECONDS = 60.0

T = TypeVar("T")


class ReusedClients(RedisCacheClient):
    """Django's Redis client, with one redis-py client per server kept for the process.

    Django builds a new `redis.Redis` for every operation; its constructor fills a table of
    some 170 response callbacks, which cost a page-cache hit more than its round trip to
    Redis. A client is safe to share between threads (its connections come from the pool).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while Redis cannot be reached."""

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusedClients
        self._down_until = 0.0
        self._failures = 0
        self._logged_at = 0.0
        self._lock = threading.Lock()

    # -- the state ----------------------------------------------------------------------------

    @property
    def down(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        with self._lock:
            self._down_until = now + RETRY_SECONDS
            self._failures += 1
            if now - self._logged_at >= LOG_EVERY_SECONDS or not self._logged_at:
                logger.error(
                    "cache unreachable, serving uncached (%d failures in the last minute): %s",
                    self._failures,
                    error,
                )
                self._logged_at = now
                self._failures = 0

    def _try(self, operation: Callable[[], T], fallback: T) -> T:
        if self.down:
            return fallback
        try:
            return operation()
        except Exception as error:  # redis-py's errors, pickling of a half-read value...
            self._failed(error)
            return fallback

    # -- Django's cache API -----------------------------------------------------------------

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._try(lambda: RedisCache.add(self, key, value, timeout, version), False)

    def get(self, key: str, default: Any = None, version: Any = None) -> Any:
        return self._try(lambda: RedisCache.get(self, key, default, version), default)

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._try(lambda: RedisCache.set(self, key, value, timeout, version), None)

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        return self._try(lambda: RedisCache.touch(self, key, timeout, version), False)

    def delete(self, key: str, version: Any = None) -> bool:
        return self._try(lambda: RedisCache.delete(self, key, version), False)

    def get_many(self, keys: Any, version: Any = None) -> dict[str, Any]:
        """One MGET, as Django's does, without checking each key for memcached's limits (a
        warning nobody reads) on the page cache's every hit."""
        keys = list(keys)

        def fetch() -> dict[str, Any]:
            made = [self.make_key(key, version=version) for key in keys]
            values = self._cache.get_client(None).mget(made)
            loads = self._cache._serializer.loads
            found = zip(keys, values, strict=True)
            return {key: loads(value) for key, value in found if value is not None}

        return self._try(fetch, {})

    def has_key(self, key: str, version: Any = None) -> bool:
        return self._try(lambda: RedisCache.has_key(self, key, version), False)

    def incr(self, key: str, delta: int = 1, version: Any = None) -> int:
        if self.down:
            raise CacheDown("the cache is unreachable")
        try:
            return super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as error:
            self._failed(error)
            raise CacheDown(str(error)) from error

    def set_many(self, data: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> list[str]:
        return self._try(lambda: RedisCache.set_many(self, data, timeout, version), list(data))

    def delete_many(self, keys: Any, version: Any = None) -> None:
        self._try(lambda: RedisCache.delete_many(self, keys, version), None)

    def clear(self) -> None:
        self._try(lambda: RedisCache.clear(self), None)


class CacheDown(Exception):
    """A counter could not be moved: the shared cache is unreachable."""


def is_down(cache: BaseCache) -> bool:
    """Whether `cache` is a fail-open cache that cannot be reached just now."""
    return bool(getattr(cache, "down", False))


_local = LocMemCache("failopen-local", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def local_stand_in(cache: BaseCache) -> BaseCache:
    """`cache`, or while it is down a cache in this process's own memory: for counters (rate
    limits) that had better count per process than not at all."""
    return _local if is_down(cache) else cache
