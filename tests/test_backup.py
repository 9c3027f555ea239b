"""`manage.py backup PATH` makes a copy that restores to a whole, current database (E8)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests import processes
from tests.factories import add_parts, make_article

# Committed rows (pg_dump reads from its own session); the migrations' groups come back after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup")
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump backup")


def live_row_counts() -> dict[str, int]:
    """Rows per table of every model with a table of its own (the SQLite search index,
    an unmanaged view of the stories' text, exists only there)."""
    return {
        model._meta.db_table: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed
    }


def a_newsroom(reporter) -> None:
    add_parts(make_article(reporter, status="published"), 3)
    make_article(reporter, status="review")
    make_article(reporter)


@on_sqlite
def test_a_sqlite_backup_restores_every_row(reporter, tmp_path):
    a_newsroom(reporter)
    expected = live_row_counts()
    call_command("backup", str(tmp_path / "newsroom.sqlite3"), verbosity=0)

    restored = tmp_path / "restored.sqlite3"  # the restore procedure: copy the file into place
    shutil.copyfile(tmp_path / "newsroom.sqlite3", restored)
    database = sqlite3.connect(restored)
    try:
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {
            table: database.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in expected
        }
    finally:
        database.close()
    assert found == expected
    assert expected["articles_article"] == 3
    check = processes.manage("migrate", "--check", DEBUG="1", DATABASE_URL=f"sqlite:///{restored}")
    assert check.returncode == 0, check.stdout + check.stderr


@on_sqlite
def test_backup_never_overwrites_and_needs_an_existing_folder(tmp_path):
    existing = tmp_path / "kept.sqlite3"
    existing.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"an older backup"
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup", str(tmp_path / "missing" / "x.sqlite3"))


@on_postgresql
@pytest.mark.skipif(shutil.which("pg_restore") is None, reason="needs pg_dump and pg_restore")
def test_a_postgresql_backup_restores_every_row(reporter, tmp_path):
    import psycopg

    a_newsroom(reporter)
    expected = live_row_counts()
    dump = tmp_path / "newsroom.dump"
    call_command("backup", str(dump), verbosity=0)
    assert dump.read_bytes()[:5] == b"PGDMP"

    settings = connection.settings_dict
    server = {
        "host": settings["HOST"],
        "port": settings["PORT"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
    }
    name = f"restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--no-password",
                f"--host={server['host']}",
                f"--port={server['port']}",
                f"--username={server['user']}",
                f"--dbname={name}",
                str(dump),
            ],
            env={"PGPASSWORD": server["password"], "PATH": "/usr/bin:/bin"},
            check=True,
            capture_output=True,
        )
        with psycopg.connect(dbname=name, **server) as restored:
            found = {
                table: restored.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in expected
            }
        assert found == expected
        url = "postgres://{user}:{password}@{host}:{port}/".format(**server) + name
        check = processes.manage("migrate", "--check", DEBUG="1", DATABASE_URL=url)
        assert check.returncode == 0, check.stdout + check.stderr
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
