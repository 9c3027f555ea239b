"""The benchmark's own database, made for one run and dropped after it.

Django's test-database machinery does exactly this job: on SQLite a file in a temporary
folder, on PostgreSQL (when DATABASE_URL says so) a scratch database beside the configured
one (the role needs CREATEDB). Either way the migrations run in-process and the configured
database is never touched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connections


@contextmanager
def scratch_database(alias: str = "default") -> Iterator[str]:
    """Point `alias` at a fresh, migrated database; yield its description; drop it after."""
    connection = connections[alias]
    settings_dict = connection.settings_dict
    configured_name = settings_dict["NAME"]
    configured_test = dict(settings_dict.get("TEST") or {})
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as folder:
        if connection.vendor == "sqlite":
            name = str(Path(folder) / "bench.sqlite3")
        else:
            name = f"{configured_name}_bench_{os.getpid()}"
        settings_dict["TEST"] = {**configured_test, "NAME": name, "MIGRATE": True}
        try:
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            try:
                yield f"{connection.vendor} {connection.settings_dict['NAME']}"
            finally:
                connection.creation.destroy_test_db(configured_name, verbosity=0)
        finally:
            settings_dict["TEST"] = configured_test
