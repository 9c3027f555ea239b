"""Concurrency harness for comments (SECURITY.md E1, E2, E6, B15), run in a subprocess.

    python -m tests.comment_race DB_PATH

pytest-django's SQLite test database lives in memory and is shared through one process-wide
cache, which is not how SQLite behaves in production. So this script gets a file database
of its own (DATABASE_URL, the project's real SQLite settings: WAL, IMMEDIATE, busy timeout),
migrates it, and releases threads through a barrier; each thread sends its request with its
own Django test Client and its own database connection. It prints one JSON object.

Last, the mutation E2 asks for: transaction_mode switched to DEFERRED, and every thread made
to finish the duplicate check (the read) before any thread inserts (the write), so the lock
upgrade race happens every time instead of now and then. The test expects that run to fail.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from typing import Any

TIMEOUT = 30


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def run_threads(count: int, work: Any) -> list[Any]:
    """Run work(i) in `count` threads released together; return what each returned."""
    from django.db import connections

    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def thread(i: int) -> None:
        try:
            barrier.wait(timeout=TIMEOUT)
            results[i] = work(i)
        except Exception as error:  # reported, never hidden
            results[i] = f"error: {error!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=thread, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=TIMEOUT * 2)
    return results


def post_comments(article: Any, count: int, same_text: bool = False) -> dict[str, Any]:
    from django.test import Client

    from comments import tokens
    from comments.models import Comment
    from tests.comments_support import comment_data, form_url

    shared = comment_data(article)

    def work(i: int) -> int:
        client = Client(REMOTE_ADDR=f"10.{i // 250}.{i % 250}.1", raise_request_exception=False)
        data = shared if same_text else comment_data(article)
        data = {**data, tokens.FIELD: tokens.issue(article)}
        return client.post(form_url(article), data).status_code

    statuses = run_threads(count, work)
    return {"statuses": statuses, "stored": Comment.objects.filter(article=article).count()}


def moderate_at_once(article: Any, editors: list[Any]) -> dict[str, Any]:
    from comments import moderation
    from comments.models import Comment
    from tests.comments_support import make_comment

    comment = make_comment(article, status="pending")
    decisions = [moderation.approve, moderation.reject]

    def work(i: int) -> str:
        try:
            decisions[i](Comment.objects.get(pk=comment.pk), editors[i])
        except moderation.AlreadyModerated:
            return "already moderated"
        return "decided"

    outcomes = run_threads(2, work)
    comment.refresh_from_db()
    return {"outcomes": outcomes, "status": comment.status}


def click_at_once(article: Any, editors: list[Any]) -> dict[str, Any]:
    """Two editors click Approve and Reject on the same row of the queue at the same moment."""
    from django.test import Client

    from tests.comments_support import make_comment
    from tests.factories import verify_session
    from tests.html import parse

    comment = make_comment(article, status="pending")
    url = f"/admin/comments/comment/{comment.pk}/decide/"
    decisions = ["approve", "reject"]
    clients = []
    for editor in editors:
        client = Client(raise_request_exception=False)
        client.force_login(editor)
        verify_session(client, editor)  # signed in with both factors, as in tests/conftest.py
        clients.append(client)

    def work(i: int) -> dict[str, Any]:
        response = clients[i].post(url, {"decision": decisions[i]})
        queue = clients[i].get(response["Location"]) if response.status_code == 302 else None
        said = [li.text for li in parse(queue).select(".messagelist li")] if queue else []
        if any("already moderated" in message for message in said):
            outcome = "already moderated"
        elif any(message.startswith(("Approved", "Rejected")) for message in said):
            outcome = "decided"
        else:
            outcome = f"unexpected: {said}"
        return {"status": response.status_code, "outcome": outcome}

    results = run_threads(2, work)
    comment.refresh_from_db()
    return {
        "statuses": [result["status"] for result in results],
        "outcomes": [result["outcome"] for result in results],
        "status": comment.status,
        "moderated_by": comment.moderated_by.get_username() if comment.moderated_by else None,
    }


def interleave_reads_and_writes(count: int) -> None:
    """Hold each new comment's INSERT until every thread has done its duplicate check."""
    from comments.models import Comment

    gate = threading.Barrier(count)
    save = Comment.save

    def gated_save(self: Comment, *args: Any, **kwargs: Any) -> None:
        if self.pk is None:
            try:
                gate.wait(timeout=TIMEOUT)
            except threading.BrokenBarrierError:
                pass
        save(self, *args, **kwargs)

    Comment.save = gated_save  # type: ignore[method-assign]


def main(db_path: str) -> dict[str, Any]:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.COMMENTS_MIN_SECONDS = 0  # the token's clock is not what is under test here
    settings.COMMENTS_RATE_LIMIT = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    from django.core.management import call_command
    from django.db import connection, connections
    from django.test.utils import setup_test_environment

    from tests.factories import make_article, make_editor, make_reporter

    setup_test_environment()
    call_command("migrate", verbosity=0)
    collect = Collect()
    logging.getLogger().addHandler(collect)
    reporter, editors = make_reporter(), [make_editor("e1"), make_editor("e2")]

    def story() -> Any:
        return make_article(reporter, status="published", editor=editors[0])

    def sqlite_state() -> dict[str, Any]:
        with connection.cursor() as cursor:
            return {
                "integrity_check": cursor.execute("PRAGMA integrity_check").fetchone()[0],
                "journal_mode": cursor.execute("PRAGMA journal_mode").fetchone()[0],
                "transaction_mode": connection.settings_dict["OPTIONS"]["transaction_mode"],
            }

    report: dict[str, Any] = {
        "posts_20": post_comments(story(), 20),
        "posts_50": post_comments(story(), 50),
        "double_submit_20": post_comments(story(), 20, same_text=True),
        "moderation": moderate_at_once(story(), editors),
        "moderation_clicks": click_at_once(story(), editors),
        "sqlite": sqlite_state(),
        "log_warnings": collect.lines[:],
    }

    # E2: the same 20 posts with the mutation. New connections read the changed options.
    collect.lines.clear()
    connections.close_all()
    settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] = "DEFERRED"
    article = story()
    interleave_reads_and_writes(20)
    report["deferred"] = {
        **post_comments(article, 20),
        "sqlite": sqlite_state(),
        "log_warnings": collect.lines[:],
    }
    return report


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
