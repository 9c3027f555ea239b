"""Read a page's structured data as search engines do: extruct's JSON-LD extractor."""

from __future__ import annotations

from typing import Any

import extruct


def json_ld_items(response: Any, url: str = "http://testserver/") -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, parsed by extruct (not by our own code)."""
    html = response.content.decode()
    return extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]


def types_of(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type", [])
    return {kind} if isinstance(kind, str) else set(kind)


def the_article(response: Any) -> dict[str, Any]:
    """The page's one NewsArticle (of whatever subtype)."""
    (article,) = [item for item in json_ld_items(response) if "NewsArticle" in types_of(item)]
    return article
