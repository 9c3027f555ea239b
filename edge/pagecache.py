"""The page cache: whole public answers for anonymous readers, purged by content key.

A page is stored in Django's cache (local memory by default, Redis when REDIS_URL is set, a
cache that fails open: edge/failopen.py) under its address — the release (a digest of the
project's code, so a deploy never serves pages the old code rendered), the language, and the
whole absolute address. With it are kept the **content keys** the page shows
(edge/contentkeys.py: `story:12`, `front`, `tag:5`... and `all`), declared by the view that
rendered it, and the value of the **purge clock** when its render began.

**Purged by key, exactly.** After a change commits, `purge(keys)` moves the purge clock on
and stamps each key with the new value. A page is served only while none of its keys carries
a stamp later than the clock it was born under; so a change shows on the next request, and
only on the pages that show what it touched (a draft's save names no key and purges nothing).
A reader who renders between a write and its commit read the clock before the purge, so the
page they store is born stale and never served. Stamps outlive every page stored before them
(STAMP_SECONDS), so a missing stamp means "never purged while any page now stored lived".
The clock starts from the time in microseconds, so a clock the cache lost never goes back.

**One round trip.** A hit is one `get_many` (an MGET in Redis): the page, the clock, and the
stamps of the keys this process last saw on that address. Only a page whose keys changed since
costs a second one. With Redis, each process also keeps the pages it read (NearPages, 32 MB):
those cost only their keys' stamps, a few bytes, instead of the page.

**The clock.** A page also keeps the time the clock next changes a page by itself (a
scheduled story goes live, a pin ends: `declare(next_change=...)`) and is not served after it.

**No stampede.** On a miss, the first request takes a short lock and renders; the others wait
(up to STAMPEDE_WAIT_SECONDS) for its page instead of rendering the same page at once.

**Downstream.** Every public answer carries `xkey: <keys>` and `Surrogate-Control:
max-age=FRONTEND_CACHE_SECONDS` (never past the clock's next change) for the frontend cache
(Varnish, deploy/varnish/; a CDN with key purges), which edge/frontend.py purges by the same
keys, and `Cache-Control: no-cache` with an ETag for browsers, so a withdrawal is never hidden
by a copy kept downstream.

Only GET and HEAD requests of readers (no session cookie, no messages cookie, no Authorization
header) for the views the wiring declares are looked up, and only 200 responses that set no
cookie, are not private or no-store, and declared their keys are stored. Anything else —
staff, POSTs, previews, the comment form and its token endpoint, the admin, /healthz —
passes straight through.

PAGE_CACHE_SECONDS bounds how long a page is kept (memory, and the rare change that follows
only the clock: comments closing after COMMENTS_CLOSE_AFTER_DAYS, the two-day news sitemap);
0 switches the cache off (the keys are still declared, for the frontend cache).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache as once
from pathlib import Path
from typing import Any, NamedTuple

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe, quote_etag
from django.utils.translation import get_language

from . import contentkeys, failopen

logger = logging.getLogger(__name__)

CLOCK = "pc:clock"
EPOCH = "pc:epoch"  # replaced when the cache lost its contents (a flush, a restart)
NEXT_CHANGE = "pc:next"
SCHEDULE = "schedule"  # the content key of "when the clock next changes a page"
STAMPEDE_WAIT_SECONDS = 3.0
STAMPEDE_POLL_SECONDS = 0.05
LOCK_SECONDS = 30  # a render that takes longer than a worker's timeout lets the next one try
MEMO_SIZE = 10_000


@dataclass
class Declared:
    """What the project's wiring tells the page cache (newsroom/wiring.py, once, at start-up):
    it knows no app itself."""

    # The views whose anonymous GET answers are the same for every reader.
    views: frozenset[str] = frozenset()
    # When the next change that only the clock makes is due (a scheduled story going live).
    next_change: Callable[[], datetime | None] = lambda: None


declared = Declared()


def declare(views: frozenset[str], next_change: Callable[[], datetime | None]) -> None:
    """Cache the answers of `views`, and serve none after `next_change()`."""
    declared.views = frozenset(views)
    declared.next_change = next_change


class Entry(NamedTuple):
    content: bytes
    headers: list[tuple[str, str]]
    keys: tuple[str, ...]
    born: int  # the purge clock when the render began
    until: float | None  # when the clock changes the page by itself (a timestamp)


# -- purging ---------------------------------------------------------------------------------


def stamp_key(key: str) -> str:
    return f"pc:k:{key}"


def stamp_seconds() -> int:
    """Longer than any page stored before a stamp can live: its timeout, a slow render, and
    as long again for a copy a process holds near (NearPages)."""
    return 3 * settings.PAGE_CACHE_SECONDS + 2 * LOCK_SECONDS


def _now_us() -> int:
    return int(time.time() * 1_000_000)


def _tick() -> int:
    """Move the purge clock on; a clock the cache lost starts again from the time."""
    try:
        return cache.incr(CLOCK)
    except ValueError:
        cache.add(CLOCK, _now_us(), timeout=None)
        return cache.incr(CLOCK)


_undelivered: set[str] = set()
_undelivered_lock = threading.Lock()


def purge(keys: frozenset[str]) -> None:
    """Pages showing any of `keys` are not served again (contentkeys calls this after each
    commit). Keys the cache could not take are kept and delivered once it answers again."""
    with _undelivered_lock:
        keys = frozenset(keys | _undelivered)
        _undelivered.clear()
    try:
        stamp = _tick()
        failed = cache.set_many({stamp_key(key): stamp for key in keys}, stamp_seconds())
    except failopen.CacheDown:
        failed = list(keys)
    if failed:
        with _undelivered_lock:
            _undelivered.update(keys)
        logger.warning("page cache unreachable: %d content keys wait to be purged", len(keys))


def deliver_waiting_purges() -> None:
    if _undelivered and not failopen.is_down(cache):
        purge(frozenset())


# -- the key and the entry -----------------------------------------------------------------------


def release() -> str:
    """A digest of the project's own Python, templates and static files.

    Read once per process; with DEBUG on, on every request, so a template edited during
    development shows at once.
    """
    if settings.DEBUG:
        _code_digest.cache_clear()
    return _code_digest()


@once
def _code_digest() -> str:
    base = Path(settings.BASE_DIR)
    roots = [base / "templates", base / "static"]
    roots += [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base]
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(path.relative_to(base).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def page_key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return f"pc:p:{release()}:{get_language()}:{address}"


# The keys this process last saw on each address, so a hit asks for their stamps with the page.
_memo: dict[str, tuple[str, ...]] = {}


def _remember(page: str, keys: tuple[str, ...]) -> None:
    if len(_memo) >= MEMO_SIZE:
        _memo.clear()
    _memo[page] = keys


class NearPages:
    """Pages this process read from a shared cache (Redis), kept in its own memory up to
    NEAR_BYTES: served again after checking only their keys' stamps in the shared cache, so
    a hit moves a few bytes instead of the page. With the local-memory cache it keeps
    nothing (that cache is already near)."""

    def __init__(self, budget: int) -> None:
        self.budget, self.size = budget, 0
        self.pages: OrderedDict[str, tuple[Entry, str, float]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, page: str) -> tuple[Entry | None, str | None]:
        """The page and the shared cache's epoch it was read in (None, None: not held)."""
        kept = self.pages.get(page)
        if kept is None:
            return None, None
        entry, epoch, expires = kept
        now = time.time()
        if now >= expires or (entry.until is not None and now >= entry.until):
            return None, None
        return entry, epoch

    def keep(self, page: str, entry: Entry, epoch: str | None) -> None:
        if epoch is None or isinstance(caches["default"], LocMemCache):
            return
        if len(entry.content) > self.budget // 8:
            return
        with self.lock:
            self._drop(page)
            # No longer than the page could live in the shared cache after it was read there
            # (so every purge stamp that could concern it is still there to say so).
            self.pages[page] = (entry, epoch, time.time() + settings.PAGE_CACHE_SECONDS)
            self.size += len(entry.content)
            while self.size > self.budget:
                _, (oldest, _, _) = self.pages.popitem(last=False)
                self.size -= len(oldest.content)

    def drop(self, page: str) -> None:
        with self.lock:
            self._drop(page)

    def _drop(self, page: str) -> None:
        old = self.pages.pop(page, None)
        if old is not None:
            self.size -= len(old[0].content)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()
            self.size = 0


NEAR_BYTES = 32 * 1024 * 1024
_near = NearPages(NEAR_BYTES)


def _is_fresh(entry: Entry, stamps: dict[str, Any]) -> bool:
    if entry.until is not None and time.time() >= entry.until:
        return False
    return all(stamps.get(stamp_key(key), 0) <= entry.born for key in entry.keys)


class Lookup(NamedTuple):
    entry: Entry | None
    clock: int
    epoch: str | None = None


def lookup(page: str) -> Lookup:
    """The fresh page stored at `page` (or None) and the purge clock, in one round trip when
    this process has seen the page's keys before; with a shared cache, a page this process
    holds itself costs only its keys' stamps (a few bytes instead of the page)."""
    near, epoch = _near.get(page)
    if near is not None:
        found = cache.get_many([EPOCH, *(stamp_key(key) for key in near.keys)])
        if found.get(EPOCH) != epoch:  # the shared cache lost its stamps: nothing near holds
            _near.clear()
        elif _is_fresh(near, found) and not failopen.is_down(cache):
            return Lookup(near, near.born, epoch)
        _near.drop(page)
    known = _memo.get(page, ())
    found = cache.get_many([page, CLOCK, EPOCH, *(stamp_key(key) for key in known)])
    clock, epoch = found.get(CLOCK), found.get(EPOCH)
    if clock is None or epoch is None:
        cache.add(CLOCK, _now_us(), timeout=None)
        cache.add(EPOCH, uuid.uuid4().hex, timeout=None)
        clock, epoch = cache.get(CLOCK) or 0, cache.get(EPOCH)
    entry = found.get(page)
    if entry is None:
        return Lookup(None, clock, epoch)
    entry = Entry(*entry)
    if entry.keys != known:
        _remember(page, entry.keys)
        found.update(cache.get_many([stamp_key(key) for key in entry.keys]))
    if not _is_fresh(entry, found):
        return Lookup(None, clock, epoch)
    _near.keep(page, entry, epoch)
    return Lookup(entry, clock, epoch)


def lookup_clock() -> int:
    """The purge clock now (for an answer rendered without a page-cache lookup)."""
    clock = cache.get(CLOCK)
    return clock if clock is not None else 0


def next_change_time(clock: int) -> float | None:
    """When the clock next changes a page (a timestamp), kept in a shared cache until a change
    names SCHEDULE. A local-memory cache would miss changes made by other processes (a
    `manage.py` command), so there it is asked for each time (two indexed queries)."""
    if isinstance(caches["default"], LocMemCache):
        upcoming = declared.next_change()
        return None if upcoming is None else upcoming.timestamp()
    found = cache.get_many([NEXT_CHANGE, stamp_key(SCHEDULE)])
    kept = found.get(NEXT_CHANGE)
    if kept is not None:
        born, moment = kept
        fresh = found.get(stamp_key(SCHEDULE), 0) <= born
        if fresh and (moment is None or moment > time.time()):
            return moment
    upcoming = declared.next_change()
    moment = None if upcoming is None else upcoming.timestamp()
    cache.set(NEXT_CHANGE, (clock, moment), stamp_seconds())  # no longer than a stamp
    return moment


def _wait_for(page: str, lock: str) -> Entry | None:
    """Another request is rendering `page`: wait for it, briefly."""
    deadline = time.monotonic() + STAMPEDE_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(STAMPEDE_POLL_SECONDS)
        found = cache.get_many([page, lock])
        if page in found:
            entry = lookup(page).entry
            if entry is not None:
                return entry
        if lock not in found:
            return None  # it finished without a page to keep (a 404, a cookie...)
    return None


# -- the middleware ---------------------------------------------------------------------------


def is_reader(request: HttpRequest) -> bool:
    """A GET or HEAD from someone with nothing personal to show: no login, no messages."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "authorization" not in request.headers
    )


def is_storable(response: HttpResponse) -> bool:
    """A whole 200 answer that is the same for every reader (see the module docstring)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "*" in response.get("Vary", ""):
        return False
    directives = {part.strip().lower() for part in response.get("Cache-Control", "").split(",")}
    return not directives & {"private", "no-store"}


def surrogate_control(until: float | None) -> str:
    """How long a frontend cache may keep an answer: FRONTEND_CACHE_SECONDS, but never past
    the moment the clock changes it by itself (a scheduled story goes live), which no purge
    announces."""
    seconds = settings.FRONTEND_CACHE_SECONDS
    if until is not None:
        seconds = max(0, min(seconds, int(until - time.time())))
    return f"max-age={seconds}"


def _served(entry: Entry) -> HttpResponse:
    response = HttpResponse(entry.content)
    for name, value in entry.headers:
        response[name] = value
    response["Surrogate-Control"] = surrogate_control(entry.until)
    response._page_cache_hit = True
    return response


class PageCacheMiddleware:
    """Serve and store reader pages (process_view), label and store answers (__call__).

    It sits near the top of MIDDLEWARE so it sees the answer as the inner middleware left it
    (cookies set, session used); a stored page is handed back from process_view, before the
    view, and goes out through the same middleware as a rendered one.

    Vary: Cookie (the story view looks at the visitor, for staff previews) does not stop a
    page being stored: only requests without the cookies that change a page (session,
    messages) are looked up or stored, and a page that used the CSRF cookie sets it, which
    does stop it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> Any:
        if request.resolver_match.view_name not in declared.views:
            return None
        if not is_reader(request):
            request._page_cache = "personal"
            return None
        request._page_cache = "public"
        if settings.PAGE_CACHE_SECONDS <= 0 or failopen.is_down(cache):
            return None
        deliver_waiting_purges()
        page = page_key(request)
        found = lookup(page)
        if found.entry is not None:
            return _served(found.entry)
        request._page_cache_miss = (page, found.clock, found.epoch)
        lock = f"pc:l:{page}"
        if cache.add(lock, 1, LOCK_SECONDS) or failopen.is_down(cache):
            request._page_cache_lock = lock
            return None
        entry = _wait_for(page, lock)
        return _served(entry) if entry is not None else None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        kind = getattr(request, "_page_cache", None)
        if kind == "personal":
            # Made for one person (staff, or a reader with a message): never kept downstream.
            patch_cache_control(response, private=True)
            return response
        if kind != "public":
            return response
        try:
            if not getattr(response, "_page_cache_hit", False) and is_storable(response):
                self._label_and_keep(request, response)
        finally:
            lock = getattr(request, "_page_cache_lock", None)
            if lock is not None:
                cache.delete(lock)
        if not response.has_header("ETag"):
            return response
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )

    def _label_and_keep(self, request: HttpRequest, response: HttpResponse) -> None:
        """Give a rendered public answer its ETag, its keys for the frontend cache, and keep it."""
        if not response.has_header("ETag"):
            response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        patch_cache_control(response, no_cache=True)
        shown = contentkeys.shown(request)
        if not shown:
            # Nothing would ever purge it: neither we nor the frontend cache may keep it.
            logger.warning("%s declared no content keys; not cached", request.path)
            return
        keys = tuple(sorted(shown | {contentkeys.ALL}))
        response["xkey"] = " ".join(keys)
        miss = getattr(request, "_page_cache_miss", None)
        until = None
        if miss is not None or settings.FRONTEND_CACHE_URLS:  # someone keeps it: until when?
            clock = miss[1] if miss is not None else lookup_clock()
            until = next_change_time(clock)
        response["Surrogate-Control"] = surrogate_control(until)
        if miss is None or request.method != "GET":
            return
        page, clock, _ = miss
        entry = Entry(response.content, list(response.items()), keys, clock, until)
        cache.set(page, tuple(entry), settings.PAGE_CACHE_SECONDS)
        _remember(page, keys)
        _near.keep(page, entry, miss[2])
