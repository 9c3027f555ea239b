"""How a member of staff is named to other staff: the admin, history, workflow emails.

Readers never see this name (it falls back to the login name): bylines and every public page
use authors.names.public_name.
"""

from __future__ import annotations

from typing import Any


def display_name(user: Any) -> str:
    """The person's full name, or their login name when they have none (staff eyes only)."""
    return user.get_full_name() or user.get_username()
