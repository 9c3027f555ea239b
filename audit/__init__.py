"""The audit trail: who did what, when and from where (one append-only list).

Call `audit.record("workflow.publish", target=story, note=...)` from anywhere; the codes are
the table in audit.actions.
"""

from typing import Any


def record(code: str, **kwargs: Any) -> Any:
    """audit.trail.record, importable before the app registry is ready (models load late)."""
    from .trail import record as record_entry

    return record_entry(code, **kwargs)
