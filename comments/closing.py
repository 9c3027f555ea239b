"""When a story takes comments: published, switched on, and not older than the closing age."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from articles.models import Article


def closes_at(article: Article) -> datetime | None:
    """When comments close by age (None: never). Counted from the first publication."""
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    published = article.first_public_at
    if days <= 0 or published is None:
        return None
    return published + timedelta(days=days)


def is_open(article: Article) -> bool:
    if not (article.is_live and article.comments_enabled):
        return False
    closing = closes_at(article)
    return closing is None or timezone.now() < closing
