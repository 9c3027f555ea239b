"""Reading pages through the page cache: is this answer the stored one, or rendered afresh?"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def fetch(client: Any, url: str, **extra: Any) -> tuple[Any, int]:
    """A response and the number of SQL queries it took (0: it came from the page cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def cached(client: Any, url: str) -> Any:
    """The page as readers get it once it is in the page cache (asked twice to be sure)."""
    client.get(url)
    response, queries = fetch(client, url)
    assert queries == 0, f"{url} was not served from the page cache"
    return response


def text(response: Any) -> str:
    return response.content.decode()
