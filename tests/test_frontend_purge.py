"""After a change commits, every frontend cache in FRONTEND_CACHE_URLS is asked to purge the
content keys it touched (edge/frontend.py), in Varnish's xkey form."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from articles import editing, workflow
from edge import frontend
from tests.factories import make_article, make_story_in_review
from tests.page_cache_support import free_port

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    purges: list[tuple[str, str, str]] = []

    def do_PURGE(self) -> None:  # noqa: N802 - the HTTP method's name
        self.purges.append((self.command, self.path, self.headers.get("xkey-purge", "")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def frontend_cache(settings):
    Recorder.purges = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield Recorder.purges
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_story_and_its_lists_at_the_frontend(
    frontend_cache, reporter, editor, committed
):
    story = make_story_in_review(reporter)
    with committed():
        workflow.publish(story, editor)
    assert len(frontend_cache) == 1
    method, path, keys = frontend_cache[0]
    assert (method, path) == ("PURGE", "/")
    assert {f"story:{story.pk}", "front", "archive", "feeds"} <= set(keys.split())


def test_a_drafts_save_sends_no_purge(frontend_cache, reporter, committed):
    draft = make_article(reporter)
    with committed():
        draft.headline = "Ferry timetable to change in spring"
        editing.save(draft, reporter, expected_version=draft.version)
    assert frontend_cache == []


def test_many_keys_go_in_batches_that_fit_a_header(frontend_cache):
    keys = frozenset(f"story:{n}" for n in range(250))
    frontend.purge(keys)
    sent = [set(purge[2].split()) for purge in frontend_cache]
    assert [len(batch) for batch in sent] == [100, 100, 50]
    assert set().union(*sent) == keys


def test_an_unreachable_frontend_is_logged_and_the_change_stands(
    settings, reporter, editor, committed, caplog
):
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{free_port()}/"]
    story = make_story_in_review(reporter)
    with caplog.at_level(logging.ERROR, logger="edge.frontend"), committed():
        workflow.publish(story, editor)
    story.refresh_from_db()
    assert story.is_live
    assert any("could not purge" in record.getMessage() for record in caplog.records)
