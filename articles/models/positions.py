"""The order of a story's parts: each has a position, unique within its story."""

from __future__ import annotations

from typing import Any

from django.db import models


def assign_position(part: Any) -> None:
    """Give a new part of a story the next free position when none was typed."""
    if part.position is None:
        siblings = type(part).objects.filter(article_id=part.article_id)
        last = siblings.aggregate(models.Max("position"))["position__max"]
        part.position = (last or 0) + 1
