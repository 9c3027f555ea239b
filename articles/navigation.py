"""The sections every page lists in its navigation: read once, cached, forgotten on change.

Every public page shows the sections, so they are cached rather than queried per request.
Saving or deleting a section forgets the cached list at once; the timeout bounds staleness
where the cache is not shared between processes (the local-memory default).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from .models import Section

CACHE_KEY = "articles:navigation:sections"
CACHE_SECONDS = 300


def sections() -> list[Section]:
    """The sections in navigation order."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = list(Section.objects.all())
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def forget_sections(**kwargs: Any) -> None:
    cache.delete(CACHE_KEY)


def connect_signals() -> None:
    post_save.connect(forget_sections, sender=Section, dispatch_uid="navigation_section_saved")
    post_delete.connect(forget_sections, sender=Section, dispatch_uid="navigation_section_deleted")
