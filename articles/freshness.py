"""What a change to a story does to the copies readers are served, named where it happens.

A save gives the story a new page token (Article.save), so its stored page (articles.prerender)
is made again when next read. The page cache keeps whole pages of lists, feeds and the API
that may show the story too: after the commit, it starts a new generation. The workflow and
the editing service call `story_changed` in each change, so reading one shows its effect.
"""

from __future__ import annotations

from edge import pagecache

from .models import Article


def story_changed(article: Article) -> None:
    """Every cached page that may show `article` is rendered again once this commits."""
    pagecache.bump_on_commit(article._state.db)
