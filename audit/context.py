"""Who is acting, and from where, for code that was not handed the request.

A signal receiver or a service deep down (a password saved, a group's permissions changed)
records with the request its middleware left here. The value lives in a context variable, so
each thread and each asyncio task sees only its own request, and it is cleared when the
response leaves, so nothing carries over to the next request a worker serves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

_current_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)


def current_request() -> HttpRequest | None:
    """The request being served in this thread or task, or None (a command, a test)."""
    return _current_request.get()


@contextmanager
def serving(request: HttpRequest | None) -> Iterator[None]:
    """Make `request` the current one for the duration of the block."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


class AuditContextMiddleware:
    """Leaves the request where audit.record finds it; after AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with serving(request):
            return self.get_response(request)
