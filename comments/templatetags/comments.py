"""{% story_comments article as thread %}: what the story page shows under "Leave a Comment".

The story page includes templates/comments/_comments.html, which asks for its data here, so
the articles app never imports comments. One query, whatever the number of comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from crispy_forms.utils import render_crispy_form
from django import template
from django.conf import settings
from django.utils.translation import get_language

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

    @property
    def form_html(self) -> str | None:
        """The empty form's fields: the same on every story page, so rendered once per
        process and language (with DEBUG on, every time, so template edits show)."""
        if self.form is None:
            return None
        if settings.DEBUG:
            return render_crispy_form(self.form)
        return _blank_form_fields(get_language())


@cache
def _blank_form_fields(language: str) -> str:
    return render_crispy_form(CommentForm(article=Article()))


@register.simple_tag
def story_comments(article: Article) -> Thread:
    """The approved thread, and an empty form without tokens (the page may be cached)."""
    is_open = closing.is_open(article)
    return Thread(
        items=Comment.objects.thread_for(article),
        is_open=is_open,
        form=CommentForm(article=article) if is_open else None,
    )
