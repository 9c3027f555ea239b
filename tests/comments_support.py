"""Comments in any state, and the comment form posted the way a reader's browser posts it."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments import tokens
from comments.models import Comment

_counter = itertools.count(1)

# Markup, script and template syntax a commenter might try (SECURITY.md B1).
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "{{7*7}}",
    "{% debug %}",
    "</script><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]


def make_comment(
    article: Article, status: str = "approved", parent: Comment | None = None, **fields: Any
) -> Comment:
    n = next(_counter)
    fields.setdefault("name", f"Reader {n}")
    fields.setdefault("email", f"reader{n}@mail.example")
    fields.setdefault("body", f"A thought from reader number {n}.")
    if status in ("approved", "rejected"):
        fields.setdefault("moderated_at", timezone.now())
    return Comment.objects.create(article=article, parent=parent, status=status, **fields)


def form_url(article: Article) -> str:
    return reverse("comments:form", kwargs={"slug": article.slug})


def comment_data(article: Article, /, **fields: Any) -> dict[str, Any]:
    """What the form sends: a reader's name, email and comment, and a token issued now."""
    n = next(_counter)
    data = {
        "name": f"Commenter {n}",
        "email": f"commenter{n}@mail.example",
        "body": f"I went to the meeting too, and counted {n} people there.",
        tokens.FIELD: tokens.issue(article),
    }
    data.update(fields)
    return data


def typing_time(time_machine: Any) -> None:
    """Let the reader take a few seconds to type (time stands still otherwise)."""
    later = timezone.now() + timedelta(seconds=settings.COMMENTS_MIN_SECONDS + 2)
    time_machine.move_to(later, tick=False)


def send(client: Any, article: Article, time_machine: Any, /, **fields: Any) -> Any:
    """Fill in the form, take a few seconds, and send it."""
    data = comment_data(article, **fields)
    typing_time(time_machine)
    return client.post(form_url(article), data)
