"""The audit trail keeps the site's operations: backups made and failed."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tests.audit_support import only

# The SQLite backup copies the database through its own connection: no test transaction open.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_backup_and_a_failed_backup_are_recorded(tmp_path):
    target = tmp_path / "newsroom.sqlite3"
    call_command("backup", str(target), verbosity=0)
    made = only("backup.made")
    assert (made.area, made.origin, made.detail["path"]) == ("operations", "command", str(target))
    with pytest.raises(CommandError):
        call_command("backup", str(target), verbosity=0)  # it never overwrites
    failed = only("backup.failed")
    assert "already exists" in failed.detail["error"]
