"""The page cache: whole public pages for anonymous readers, invalidated exactly.

A page is stored in Django's cache (local memory by default, Redis when REDIS_URL is set)
under a key made of:

- the **content generation**, a random token replaced — after the transaction commits — by
  every save or delete of a model whose rows any page shows (watch(); the project's wiring,
  newsroom/wiring.py, names those models), and by every change to their many-to-many links.
  A page stored under an older token is never read again, so every page (story, lists,
  feeds, sitemaps, API) changes at once, with no timeout involved.
  Bumping after the commit means a rolled-back change bumps nothing, and a reader who renders
  between the write and the commit stores under the old token, which dies with the commit.
- for a story page, the story's **thread token**, replaced after every moderation decision on
  one of its comments: a comment shows only on its story's page, so approving one re-renders
  that page alone, not the whole site;
- the **next scheduled publication** (declared by the wiring; one query per generation, and
  again each time one passes): a page cached before a scheduled story's time is keyed by
  that time, so the first request after it renders afresh — scheduled stories appear on
  time with no cron job.
- the **release** (a digest of the project's code and templates), so a deploy never serves
  pages rendered by the previous code from a shared Redis;
- the language and the absolute address (scheme, host, path and query string).

Only GET and HEAD requests of readers (no session cookie, no messages cookie, no
Authorization header) for the views the wiring declares are looked up, and only 200 responses
that set no cookie and are not private or no-store are stored. Anything else — staff, POSTs,
previews, the comment form and its token endpoint, the admin, /healthz — passes straight
through. Public pages also get an ETag and `Cache-Control: no-cache`, so browsers and proxies
revalidate (a 304 costs nothing) and a withdrawal is never hidden by a copy kept downstream.

Signals carry the bumps, so code that changes rows readers see with QuerySet.update() alone
(which sends none) must call bump_on_commit() itself; today every such update() sits beside a
save() of the same story in the same transaction.

PAGE_CACHE_SECONDS bounds how long an entry is kept (memory, and the rare change that follows
only the clock: comments closing after COMMENTS_CLOSE_AFTER_DAYS, the two-day news sitemap);
0 switches the cache off.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache as once
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe, quote_etag
from django.utils.translation import get_language


@dataclass
class Declared:
    """What the project's wiring tells the page cache (newsroom/wiring.py, once, at start-up):
    it knows no app itself."""

    # The views whose anonymous GET answers are the same for every reader.
    views: frozenset[str] = frozenset()
    # Views whose pages also follow a thread token: view name → the URL argument naming it.
    thread_views: dict[str, str] = field(default_factory=dict)
    # When the next change that only the clock makes is due (a scheduled story going live).
    next_change: Callable[[], datetime | None] = lambda: None


declared = Declared()


def declare(
    views: frozenset[str],
    thread_views: dict[str, str],
    next_change: Callable[[], datetime | None],
) -> None:
    """Cache the answers of `views`, key `thread_views` by their thread token too, and key
    every page by `next_change()`, so the first request after it renders afresh."""
    declared.views = frozenset(views)
    declared.thread_views = dict(thread_views)
    declared.next_change = next_change


def not_a_login(user: Any, created: bool, update_fields: Any) -> bool:
    """Logging in stamps last_login; a byline's name is what pages show of a user."""
    return update_fields is None or set(update_fields) != {"last_login"}


GENERATION_KEY = "pagecache:generation"
NO_SCHEDULE = "none"


# -- the generation -----------------------------------------------------------------------------


def generation() -> str:
    """The current content generation (made on first use, or after the cache lost it)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        fresh = uuid.uuid4().hex
        cache.add(GENERATION_KEY, fresh, timeout=None)  # the first to add wins
        token = cache.get(GENERATION_KEY) or fresh
    return token


def bump() -> None:
    """Start a new generation: every page stored so far is no longer read.

    A fresh random token rather than a counter, so a cache that lost the key (eviction,
    restart) can never come back to a token that old entries were stored under.
    """
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def bump_on_commit(using: str | None = None) -> None:
    transaction.on_commit(bump, using=using)


def thread_token(slug: str) -> str:
    """The current token of a story's comment thread (made on first use, like generation()).

    It lives as long as a page does: any address that looks like a story's makes one, so
    tokens that never expired would let requests for made-up slugs fill the cache. A token
    that expires is replaced by a new random one, so the pages stored under it are never
    read again: the only cost is a render.
    """
    key = f"pagecache:thread:{slug}"
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout=settings.PAGE_CACHE_SECONDS)
        token = cache.get(key) or uuid.uuid4().hex
    return token


def _bump_site(instance: Any, using: str | None) -> None:
    bump_on_commit(using)


def bump_thread_of(story_slug: Callable[[Any], str | None]) -> Callable[[Any, str | None], None]:
    """A bump for rows that show on one story's page: after the commit, a new thread token
    for the story `story_slug(row)` names (None: the story is gone, nothing to do)."""

    def bump(instance: Any, using: str | None) -> None:
        def bump_thread() -> None:
            slug = story_slug(instance)
            if slug is not None:
                cache.set(f"pagecache:thread:{slug}", uuid.uuid4().hex, settings.PAGE_CACHE_SECONDS)

        transaction.on_commit(bump_thread, using=using)

    return bump


def watch(
    model: type[models.Model],
    when: Callable[[Any, bool, Any], bool] | None = None,
    bump: Callable[[Any, str | None], None] = _bump_site,
) -> None:
    """Call `bump` (by default: a new generation, after the commit) on any save of `model`
    for which `when`, if given, says the save changes what readers see, on any delete, and
    on any change of its m2m links."""
    label = model._meta.label

    def saved(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
        if when is None or when(instance, created, kwargs.get("update_fields")):
            bump(instance, kwargs.get("using"))

    def deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
        bump(instance, kwargs.get("using"))

    def linked(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
        if action.startswith("post_"):
            bump(instance, kwargs.get("using"))

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"pagecache:save:{label}")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"pagecache:del:{label}")
    for link in model._meta.local_many_to_many:
        m2m_changed.connect(
            linked,
            sender=link.remote_field.through,
            weak=False,
            dispatch_uid=f"pagecache:m2m:{label}.{link.name}",
        )


# -- the key --------------------------------------------------------------------------------


def next_publication(token: str) -> str:
    """When the next scheduled story goes live (a timestamp), or NO_SCHEDULE.

    Stored beside the generation it was computed in (scheduling a story is a change, so it
    starts a new generation); computed again only once that time has passed.
    """
    key = f"pagecache:next:{token}"
    now = timezone.now().timestamp()
    stored = cache.get(key)
    if stored is not None and (stored == NO_SCHEDULE or float(stored) > now):
        return stored
    upcoming = declared.next_change()
    value = NO_SCHEDULE if upcoming is None else repr(upcoming.timestamp())
    cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


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
    token = generation()
    scheduled = next_publication(token)
    match = request.resolver_match
    thread = ""
    if match is not None and match.view_name in declared.thread_views:
        thread = thread_token(match.kwargs[declared.thread_views[match.view_name]])
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return f"pagecache:page:{release()}:{token}:{thread}:{scheduled}:{get_language()}:{address}"


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


class PageCacheMiddleware:
    """Serve and store reader pages (process_view), validate and store answers (__call__).

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
        if settings.PAGE_CACHE_SECONDS <= 0:
            return None
        request._page_cache_key = key = page_key(request)
        entry = cache.get(key)
        if entry is None:
            return None
        content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response._page_cache_hit = True
        return response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        kind = getattr(request, "_page_cache", None)
        if kind == "personal":
            # Made for one person (staff, or a reader with a message): never kept downstream.
            patch_cache_control(response, private=True)
            return response
        if kind != "public":
            return response
        if not getattr(response, "_page_cache_hit", False):
            if not is_storable(response):
                return response
            if not response.has_header("ETag"):
                response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
            patch_cache_control(response, no_cache=True)
            key = getattr(request, "_page_cache_key", None)
            if key is not None and request.method == "GET":
                entry = (response.content, list(response.items()))
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
