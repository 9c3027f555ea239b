"""Back up the database while the site keeps serving.

SQLite: the sqlite3 online backup API copies a consistent snapshot (WAL lets writers carry on),
into a new file that is then checked with PRAGMA integrity_check. PostgreSQL: pg_dump in its
custom format (restore with pg_restore), or the command to run where pg_dump is not installed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

import audit


class Command(BaseCommand):
    help = "Make a consistent copy of the database in PATH while the site is serving."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the backup file to create (must not exist yet)")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args: Any, path: str, database: str, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        target = Path(path).resolve()
        try:
            self.back_up(target, database)
        except CommandError as error:
            audit.record(
                "backup.failed", path=str(target), error=str(error)[:500], database=database
            )
            raise
        audit.record("backup.made", path=str(target), database=database)

    def back_up(self, target: Path, database: str) -> None:
        if target.exists():
            raise CommandError(f"{target} already exists; choose a new name.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        connection = connections[database]
        if connection.vendor == "sqlite":
            self.backup_sqlite(connection, target)
        elif connection.vendor == "postgresql":
            self.backup_postgresql(connection.settings_dict, target)
        else:
            raise CommandError(f"No backup method for {connection.vendor}.")

    def backup_sqlite(self, connection: Any, target: Path) -> None:
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        connection.ensure_connection()
        copy = sqlite3.connect(partial)
        try:
            connection.connection.backup(copy)
            integrity = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
        if integrity != "ok":
            partial.unlink(missing_ok=True)
            raise CommandError(f"The copy failed its integrity check: {integrity}")
        partial.replace(target)
        if self.verbosity:
            self.stdout.write(f"SQLite backup written to {target} (integrity_check: ok)")

    def backup_postgresql(self, database: dict[str, Any], target: Path) -> None:
        arguments = ["--format=custom", "--no-owner", f"--file={target}"]
        for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if database.get(key):
                arguments.append(f"{option}={database[key]}")
        arguments.append(database["NAME"])
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise CommandError(
                "pg_dump is not installed here. Run it where it is, with PGPASSWORD set:\n"
                + shlex.join(["pg_dump", *arguments])
            )
        environment = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
        result = subprocess.run(
            [pg_dump, "--no-password", *arguments], env=environment, capture_output=True, text=True
        )
        if result.returncode != 0:
            target.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        if self.verbosity:
            self.stdout.write(f"PostgreSQL backup written to {target} (restore with pg_restore)")
