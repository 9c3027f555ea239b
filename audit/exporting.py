"""The trail as JSON lines: one entry per line, times in ISO 8601, for other tools to read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet

from .models import Entry

CHUNK = 2000


def as_dict(entry: Entry) -> dict[str, Any]:
    content_type = entry.content_type
    return {
        "id": entry.pk,
        "at": entry.at.isoformat(),
        "area": entry.area,
        "action": entry.action,
        "action_label": str(entry.get_action_display()),
        "actor_id": entry.actor_id,
        "actor": entry.actor_name,
        "origin": entry.origin,
        "target": {
            "type": f"{content_type.app_label}.{content_type.model}" if content_type else None,
            "id": entry.object_id or None,
            "label": entry.target_label,
        },
        "address": entry.address,
        "browser": entry.browser,
        "detail": entry.detail,
    }


def json_lines(entries: QuerySet) -> Iterator[str]:
    """Each entry as one line of JSON, oldest first, read in chunks (never the whole trail
    in memory)."""
    rows = entries.select_related("content_type").order_by("at", "pk")
    for entry in rows.iterator(chunk_size=CHUNK):
        yield json.dumps(as_dict(entry), cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"
