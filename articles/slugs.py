"""Stable, ASCII slugs for story URLs, whatever script the headline is written in."""

import hashlib
import unicodedata
from typing import Any

from django.utils.text import slugify

MAX_SLUG_LENGTH = 80


def slug_for_headline(headline: str) -> str:
    """A deterministic, non-empty ASCII slug: accents folded, other scripts hashed."""
    folded = unicodedata.normalize("NFKD", headline or "")
    slug = slugify(folded)[:MAX_SLUG_LENGTH].strip("-")
    if slug:
        return slug
    digest = hashlib.sha256((headline or "").encode("utf-8")).hexdigest()[:10]
    return f"story-{digest}"


def unused_slug(model: Any, name: str) -> str:
    """The slug of `name` for a new row of `model`, numbered (-2, -3…) past any taken."""
    base = slug_for_headline(name)
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
