"""What is made from one live story (a card, an API summary), kept in the process's memory
under the story's page token.

Every change to anything a story page shows gives the story a new `page_token` in the same
transaction as the change (articles.prerender), so a piece made from what the story page
shows, kept under the token it was made from, is exact: after a change its key is never
asked for again. Whatever else the piece depends on (the code, language, time zone, the
address the site was reached at) goes into its key too. Only the newest pieces are kept, so
memory is bounded; a process that starts afresh makes each piece once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from django.urls import get_script_prefix
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language

from edge.pagecache import release


class KeptByToken:
    """The newest `size` pieces, by (story id, page token, *what else they depend on*)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pieces: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Any:
        return self._pieces.get(key)

    def keep(self, key: tuple, piece: Any) -> None:
        with self._lock:
            self._pieces[key] = piece
            if len(self._pieces) > self.size:
                self._pieces.popitem(last=False)

    def forget(self) -> None:
        with self._lock:
            self._pieces.clear()


def surroundings() -> tuple[str, ...]:
    """What any kept piece depends on besides its story: code, language, zone, prefix."""
    return (release(), get_language() or "", get_current_timezone_name(), get_script_prefix())
