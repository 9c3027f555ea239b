"""The comment thread under a story, kept with the story's stored render (articles.prerender).

The approved thread changes only with a moderation decision, which gives the story a new page
token like any change the page shows; whether the thread is open (its Reply links) follows the
clock, so it is part of the render's key. newsroom/wiring.py hands these functions to
articles.prerender and the page cache, which know nothing of comments. The form below the
thread and any message for the reader are not kept: the story page renders them on every
request.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from articles.models import Article
from edge.contentkeys import Event

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


def thread_keys(comment: Comment, event: Event) -> list[str]:
    """The content keys a comment's change touches: its story's thread, on a decision or a
    delete. A new comment waits for moderation, so it touches nothing readers see."""
    if event.kind == "save" and event.created and comment.status != comment.Status.APPROVED:
        return []
    return [f"thread:{comment.article_id}"]
