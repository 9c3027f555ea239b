"""{% comment_form article as thread %}: the form under a story's "Leave a Comment".

The story page includes templates/comments/_comments.html, which asks for the form here and
shows the approved thread kept with the story's render (comments.stored), so the articles app
never imports comments. No query.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from crispy_forms.utils import render_crispy_form
from django import template
from django.conf import settings
from django.utils.translation import get_language

from articles.models import Article
from trust import snapshot
from trust.models import Policy

from .. import closing, tokens
from ..forms import CommentForm

register = template.Library()


@dataclass
class Thread:
    is_open: bool
    form: CommentForm | None
    issued_field: str = tokens.FIELD

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
def comment_form(article: Article) -> Thread:
    """Whether the thread is open, and an empty form without tokens (the page may be cached)."""
    is_open = closing.is_open(article)
    return Thread(is_open=is_open, form=CommentForm(article=article) if is_open else None)


@register.inclusion_tag("comments/_privacy.html")
def comment_privacy() -> dict[str, Any]:
    """What we keep of a comment and for how long (from the settings), and where to ask for
    your data: the feedback and contact policy, else the standards page (from the cached
    trust snapshot, no query; every page shows the `trust` key, so a change reaches it)."""
    standards = snapshot.current()
    feedback = standards.policy(Policy.Kind.FEEDBACK)
    return {
        "client_days": settings.COMMENTS_CLIENT_DATA_DAYS,
        "rejected_days": settings.COMMENTS_REJECTED_RETENTION_DAYS,
        "contact_url": feedback.url if feedback else standards.standards_url,
    }
