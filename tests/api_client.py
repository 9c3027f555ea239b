"""Read the content API the way a partner does: GET JSON, and walk every endpoint."""

from __future__ import annotations

from typing import Any

from django.test import Client

LISTS = [
    "/api/v1/stories/",
    "/api/v1/sections/",
    "/api/v1/tags/",
    "/api/v1/people/",
    "/api/v1/sources/",
    "/api/v1/authors/",
    "/api/v1/corrections/",
    "/api/v1/withdrawals/?since=2000-01-01T00:00:00Z",
]


def get_json(client: Client, url: str, status: int = 200, **headers: Any) -> Any:
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def results(client: Client, url: str) -> list[dict[str, Any]]:
    """Every item of a list endpoint, following the cursor to the last page."""
    items: list[dict[str, Any]] = []
    while url:
        page = get_json(client, url)
        items += page["results"]
        url = page["next"]
    return items


def every_response(client: Client) -> dict[str, bytes]:
    """The raw body of every list, every item's detail (and ninjs), and the schema."""
    bodies: dict[str, bytes] = {}
    for url in [*LISTS, "/api/v1/schema/"]:
        bodies[url] = client.get(url).content
    for story in results(client, "/api/v1/stories/"):
        for url in (story["api_url"], story["ninjs_url"]):
            bodies[url] = client.get(url).content
    for person in results(client, "/api/v1/people/"):
        bodies[person["api_url"]] = client.get(person["api_url"]).content
    return bodies
