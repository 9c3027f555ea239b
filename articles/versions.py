"""The one version check: a change made from an older copy of a story is refused.

Every save moves a story's version (Article.save). Whoever acts on a story carries the version
they saw — the editor who reviewed it, the reporter whose form was opened at it, the editor
comparing revisions — and the door refuses once the story has moved on, saying what to do.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Article

REVIEW_AGAIN = _(
    "The story changed since you reviewed it (version %(seen)s, now %(now)s). "
    "Review it again before publishing."
)
COMPARE_AGAIN = _("The story changed since you opened this page. Compare again, then restore.")


class StaleVersion(ValidationError):
    """The story moved on from the version the person worked from."""

    def __init__(self, message: str, seen: int, now: int) -> None:
        super().__init__(message, code="stale")
        self.seen, self.now = seen, now


def is_current(article: Article, seen: int | None) -> bool:
    return seen is None or article.version == seen


def check(article: Article, seen: int | None, refusal: str) -> None:
    """Refuse (StaleVersion, with `refusal` naming what to do) unless `article` — read under
    its row lock — is still at version `seen`; None means the caller vouches for no version."""
    if not is_current(article, seen):
        assert seen is not None
        message = str(refusal) % {"seen": seen, "now": article.version}
        raise StaleVersion(message, seen, article.version)
