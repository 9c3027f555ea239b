"""The signed timestamp token: proof that the form was served for this story, and when.

The story page may come from a shared cache, so the token is never part of it: the reader's
browser fetches one (comments.js), or a refused post gets the form back with a fresh one.
"""

from __future__ import annotations

import time
from enum import Enum

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from articles.models import Article

FIELD = "issued"
_SALT = "comments.form-issued"


class Problem(Enum):
    """Why a token was refused; the value is what the reader is told."""

    MISSING = _(
        "Your comment has not been sent yet: the form needed refreshing. "
        "Everything you typed is still here; please send it again."
    )
    FORGED = _(
        "Your comment was not sent: the form was not valid for this story. "
        "Everything you typed is still here; please send it again."
    )
    EXPIRED = _(
        "Your comment was not sent: the form was open for a long time and has expired. "
        "Everything you typed is still here; please send it again."
    )
    TOO_FAST = _(
        "That was quicker than we expect from a person. "
        "Please check your comment, then send it again."
    )

    @property
    def reason(self) -> str:
        return self.name.lower()


def issue(article: Article) -> str:
    return signing.Signer(salt=_SALT).sign_object({"story": article.pk, "at": time.time()})


def problem(token: str | None, article: Article) -> Problem | None:
    """None when the token is genuine, for this story, and neither too young nor too old."""
    if not token:
        return Problem.MISSING
    try:
        data = signing.Signer(salt=_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, UnicodeError):
        return Problem.FORGED
    if not isinstance(data, dict) or data.get("story") != article.pk:
        return Problem.FORGED
    issued_at = data.get("at")
    if not isinstance(issued_at, int | float):
        return Problem.FORGED
    age = time.time() - issued_at
    if age > settings.COMMENTS_TOKEN_MAX_AGE:
        return Problem.EXPIRED
    if age < settings.COMMENTS_MIN_SECONDS:
        return Problem.TOO_FAST
    return None
