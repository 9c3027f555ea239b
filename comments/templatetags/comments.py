"""{% story_comments article as thread %}: what the story page shows under "Leave a Comment".

The story page includes templates/comments/_comments.html, which asks for its data here, so
the articles app never imports comments. One query, whatever the number of comments.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from articles.models import Article

from .. import closing, tokens
from ..forms import CommentForm
from ..models import Comment, ThreadItem

register = template.Library()


@dataclass
class Thread:
    items: list[ThreadItem]
    is_open: bool
    form: CommentForm | None
    issued_field: str = tokens.FIELD

    @property
    def count(self) -> int:
        return sum(1 + len(item.replies) for item in self.items)


@register.simple_tag
def story_comments(article: Article) -> Thread:
    """The approved thread, and an empty form without tokens (the page may be cached)."""
    is_open = closing.is_open(article)
    return Thread(
        items=Comment.objects.thread_for(article),
        is_open=is_open,
        form=CommentForm(article=article) if is_open else None,
    )
