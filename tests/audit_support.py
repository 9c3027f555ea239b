"""Reading the audit trail back in tests."""

from __future__ import annotations

from audit.models import Entry

ADDRESS = "203.0.113.24"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) NewsroomTest/1.0"


def entries(action: str) -> list[Entry]:
    return list(Entry.objects.filter(action=action).order_by("pk"))


def only(action: str) -> Entry:
    """The single entry with this action code (fails if there are none or several)."""
    found = entries(action)
    assert len(found) == 1, f"{len(found)} entries for {action}: {found}"
    return found[0]


def from_browser(**extra: str) -> dict[str, str]:
    """Request headers of a client at ADDRESS with BROWSER."""
    return {"REMOTE_ADDR": ADDRESS, "HTTP_USER_AGENT": BROWSER, **extra}
