"""The comment thread under a story, kept with the story's stored render (articles.prerender).

The approved thread changes only with a moderation decision, which gives the story a new page
token like any change the page shows; whether the thread is open (its Reply links) follows the
clock, so it is part of the render's key. The form below the thread and any message for the
reader are not kept: the story page renders them on every request.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from articles import prerender
from articles.models import Article
from newsroom.pagecache import THREAD_MODELS

from . import closing
from .models import Comment


def thread_piece(article: Article) -> dict[str, Any]:
    """The approved thread as HTML, and how many comments it holds (one query)."""
    is_open = closing.is_open(article)
    items = Comment.objects.thread_for(article)
    html = render_to_string(
        "comments/_thread.html", {"article": article, "items": items, "is_open": is_open}
    )
    return {"comments": html, "comment_count": sum(1 + len(item.replies) for item in items)}


def thread_state(article: Article) -> str:
    return "open" if closing.is_open(article) else "closed"


def register() -> None:
    prerender.add_piece(thread_piece, thread_state)
    # The same test as the page cache's: a new comment changes nothing until it is approved.
    prerender.shows(Comment, when=THREAD_MODELS[Comment._meta.label])
