"""The request an entry is recorded from stays with its own request: it is cleared when the
response leaves, and each thread (each worker) sees only its own."""

from __future__ import annotations

import threading

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

import audit
from audit.context import AuditContextMiddleware, current_request, serving
from tests.audit_support import ADDRESS, from_browser

pytestmark = pytest.mark.django_db


def test_nothing_is_left_behind_once_a_response_has_gone(editor):
    client = Client(**from_browser())
    client.force_login(editor)
    assert client.get(reverse("admin:index")).status_code == 200
    assert current_request() is None
    entry = audit.record("backup.made")
    assert (entry.actor, entry.address, entry.origin) == (None, None, "command")


def test_the_request_is_cleared_even_when_the_view_fails():
    def failing_view(request):
        raise RuntimeError("the view broke")

    middleware = AuditContextMiddleware(failing_view)
    with pytest.raises(RuntimeError):
        middleware(RequestFactory().get("/"))
    assert current_request() is None


def test_a_receiver_deep_down_records_the_request_being_served(editor):
    request = RequestFactory().get("/", **from_browser())
    request.user = editor
    seen = {}

    def view(request):
        seen["entry"] = audit.record("user.changed", target=editor)  # as a signal receiver does
        return None

    AuditContextMiddleware(view)(request)
    assert (seen["entry"].actor, seen["entry"].address) == (editor, ADDRESS)


def test_each_thread_sees_only_its_own_request():
    factory = RequestFactory()
    requests = [factory.get(f"/{n}/") for n in range(2)]
    both_inside = threading.Barrier(2, timeout=10)
    seen: dict[int, object] = {}

    def serve(n: int) -> None:
        with serving(requests[n]):
            both_inside.wait()  # both requests are being served at this moment
            seen[n] = current_request()
            both_inside.wait()

    threads = [threading.Thread(target=serve, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {0: requests[0], 1: requests[1]}
    assert current_request() is None, "the test's own thread never saw either"
