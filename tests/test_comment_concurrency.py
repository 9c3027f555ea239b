"""Nothing lost under load: comments posted at once on a file SQLite database (issue 4 item 7;
SECURITY.md E1, E2, E6, B15).

The posts run in tests/comment_race.py, a subprocess with its own file database and the
project's real SQLite settings (pytest-django's in-memory test database would not show
SQLite's locking). One run covers every scenario; the tests below read its report.
"""

import json
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.fixture(scope="module")
def race(tmp_path_factory):
    database = tmp_path_factory.mktemp("race") / "comments.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "tests.comment_race", str(database)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])  # logs go to stdout too


def assert_all_stored(run, count, log_warnings):
    """E1's pass condition: every post stored, each answered with a redirect, no lock errors."""
    assert run["statuses"] == [302] * count
    assert run["stored"] == count
    assert not [line for line in log_warnings if "database is locked" in line]
    assert run.get("sqlite", {}).get("integrity_check", "ok") == "ok"


def test_the_database_runs_in_wal_with_immediate_transactions(race):
    assert race["sqlite"] == {
        "integrity_check": "ok",
        "journal_mode": "wal",
        "transaction_mode": "IMMEDIATE",
    }


@pytest.mark.parametrize("count", [20, 50])
def test_comments_posted_at_once_are_all_stored(race, count):
    assert_all_stored(race[f"posts_{count}"], count, race["log_warnings"])


def test_the_same_comment_sent_by_twenty_threads_is_stored_once(race):
    run = race["double_submit_20"]
    assert run["statuses"] == [302] * 20
    assert run["stored"] == 1


def test_two_editors_deciding_one_comment_at_once_record_one_decision(race):
    run = race["moderation"]
    assert sorted(run["outcomes"]) == ["already moderated", "decided"]
    assert run["status"] in ("approved", "rejected")


def test_two_editors_clicking_one_row_of_the_queue_at_once_record_one_decision(race):
    run = race["moderation_clicks"]
    assert run["statuses"] == [302, 302]
    assert sorted(run["outcomes"]) == ["already moderated", "decided"]
    decided_by = run["outcomes"].index("decided")
    assert (run["status"], run["moderated_by"]) == (
        ["approved", "rejected"][decided_by],
        f"e{decided_by + 1}",
    )


def test_the_check_fails_with_deferred_transactions_and_a_read_then_write(race):
    """E2: the mutation must be caught, or E1 proves nothing."""
    run = race["deferred"]
    assert run["sqlite"]["transaction_mode"] == "DEFERRED"
    with pytest.raises(AssertionError):
        assert_all_stored(run, 20, run["log_warnings"])
    assert run["stored"] == 1
    assert run["statuses"].count(500) == 19
    assert any("database is locked" in line for line in run["log_warnings"])
