"""How a member of staff is named wherever people read it: bylines, history, the API."""

from __future__ import annotations

from typing import Any


def display_name(user: Any) -> str:
    """The person's full name, or their login name when they have none."""
    return user.get_full_name() or user.get_username()
