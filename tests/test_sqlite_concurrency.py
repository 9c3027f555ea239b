"""Twenty writers at once on a file SQLite database lose nothing (SECURITY.md E1, E2, E8, G5).

The writers run in a child process (tests/sqlite_writers.py) on a temporary database file: the
test database is in memory, and the point is SQLite's file locking under WAL.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from django.db import connection

from tests import processes
from tests.sqlite_writers import SEEDED

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite locking; PostgreSQL has row locks"
)

WRITERS = 20


def run_writers(folder, mode: str, backup: bool = False) -> dict:
    args = ["-m", "tests.sqlite_writers", str(folder / "db.sqlite3"), "--mode", mode]
    args += ["--writers", str(WRITERS)]
    if backup:
        args += ["--backup", str(folder / "backup.sqlite3")]
    result = processes.run(args, DEBUG="1")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def immediate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("immediate")
    return folder, run_writers(folder, "IMMEDIATE", backup=True)


def test_twenty_simultaneous_writers_all_succeed(immediate):
    _, report = immediate
    assert report["errors"] == []
    assert report["stored"] == SEEDED + WRITERS
    assert report["distinct_positions"] == SEEDED + WRITERS
    assert report["integrity"] == "ok"


def test_the_runtime_sqlite_settings(immediate):
    _, report = immediate
    assert report["pragmas"]["journal_mode"] == "wal"
    assert report["pragmas"]["foreign_keys"] == 1
    assert report["pragmas"]["mmap_size"] == 0
    assert report["transaction_mode"] == "IMMEDIATE"
    assert report["lock_taken_at_begin"] is True


def test_a_backup_taken_during_the_writes_is_whole(immediate):
    folder, report = immediate
    copy = sqlite3.connect(folder / "backup.sqlite3")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = copy.execute("SELECT count(*) FROM articles_keytakeaway").fetchone()[0]
    finally:
        copy.close()
    assert rows >= report["rows_at_backup_start"] >= SEEDED


def test_deferred_transactions_fail_the_same_test(tmp_path):
    """The mutation check: with DEFERRED, a read-then-write upgrades its lock too late and
    SQLite refuses it, so the test above would catch a regression to DEFERRED. Thread timing
    is the operating system's, so allow a few attempts for the collision to happen."""
    for attempt in range(3):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        report = run_writers(folder, "DEFERRED")
        assert report["transaction_mode"] == "DEFERRED"
        assert report["lock_taken_at_begin"] is False
        if any("database is locked" in error for error in report["errors"]):
            break
    else:
        pytest.fail("DEFERRED writers never collided in 3 attempts")
    assert report["stored"] < SEEDED + WRITERS
