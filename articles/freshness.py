"""What a change to a story does to the copies readers are served, named where it happens.

The workflow and the editing service call `before_change` when they lock a story and
`story_changed` in the same transaction once the change is made, so reading one shows its
effect: the content keys of the story as it was and as it is (articles/cachekeys.py) are
named as changed (edge/contentkeys.py). The stored story render is retired at once, in the
transaction; the page cache and the frontend cache purge those keys once it commits. A draft's
change names no key, so it purges nothing readers are served.
"""

from __future__ import annotations

from edge import contentkeys

from . import cachekeys
from .models import Article


def before_change(article: Article) -> frozenset[str]:
    """The keys of the story as it stands before a change (nothing, unless readers see it)."""
    return cachekeys.story_change(article)


def story_changed(article: Article, before: frozenset[str] = frozenset()) -> None:
    """Every copy of a page that shows `article`, before or after this change, is made again
    once the change commits."""
    keys = before | cachekeys.story_change(article, was_public=bool(before))
    contentkeys.changed(keys, using=article._state.db)
