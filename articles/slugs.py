"""Stable, ASCII slugs for story URLs, whatever script the headline is written in."""

import hashlib
import unicodedata

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
