"""Autosave: the story form as a person last typed it, kept every few seconds, so a closed tab,
a lost connection or a restart costs seconds of typing, not the draft.

A draft copy is the form as posted, kept for one person; resuming it gives the form back as
it was, with the version it was opened at, so a save made from it is checked for conflicts
like any other. Keeping one writes the autosave table alone: no story, part or revision
changes, and nothing readers are served is invalidated (articles.editing and
articles.workflow are the doors that do that). A save through the editor spends the copy
(`saved`); copies older than NEWSROOM_AUTOSAVE_DAYS are removed as new ones are made.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles, workflow
from .models import Article, Autosave, StoryRevision

# A story form is a few tens of KB; this leaves room for long drafts and bounds the table.
MAX_BYTES = 512 * 1024
# Never kept: the token belongs to the session, not to the draft.
LEFT_OUT = frozenset({"csrfmiddlewaretoken"})

SUPERSEDED = "superseded"


def keep(user: Any, article: Article | None, form: QueryDict) -> Autosave:
    """Keep `form` (the story form as posted) as `user`'s draft copy of `article`, or of a
    story not yet created (None), in place of the copy kept before.

    PermissionDenied if they may not change the story (or write stories); ValidationError if
    the form cannot be kept (empty, too large, a null character) or if they changed the story
    themselves since this form was opened (code SUPERSEDED: the form is out of date).
    """
    _check_may_write(user, article)
    posted = [
        [name, value] for name, values in form.lists() if name not in LEFT_OUT for value in values
    ]
    _check_keepable(posted)
    base_version = _version(form.get("loaded_version"))
    if article is not None:
        _check_not_superseded(user, article, base_version)
    autosave, created = Autosave.objects.update_or_create(
        user=user, article=article, defaults={"posted": posted, "base_version": base_version}
    )
    if created:
        prune()
    return autosave


def latest(user: Any, article: Article | None) -> Autosave | None:
    """The draft copy `user` may resume on `article` (None: a new story), if any.

    Not one they can no longer use (they may not change the story, or it is older than
    NEWSROOM_AUTOSAVE_DAYS), nor one they made out of date by changing the story since. One
    older than someone else's change is offered: it is this person's unsaved work, and a save
    from it is refused with who changed the story and when, as from any out-of-date form.
    """
    if not may_write(user, article):
        return None
    kept = Autosave.objects.filter(user=user, article=article)
    cutoff = _cutoff()
    if cutoff is not None:
        kept = kept.filter(saved_at__gte=cutoff)
    autosave = kept.first()
    if autosave is None or article is None or autosave.saved_at > article.updated_at:
        return autosave
    return None if _last_changed_by(article) == user.pk else autosave


def as_querydict(autosave: Autosave) -> QueryDict:
    """The kept form as the browser posted it (immutable), ready to bind the story form."""
    return QueryDict(urlencode([(name, value) for name, value in autosave.posted]))


def discard(user: Any, article: Article | None) -> None:
    """Drop `user`'s draft copy of `article` (None: of their new story)."""
    Autosave.objects.filter(user=user, article=article).delete()


def saved(user: Any, article: Article, created: bool) -> None:
    """`user` saved `article` through the editor: their copy of it is spent, and for a story
    they just created, their copy of the new story's form. Inside the save's transaction, so
    a save that is rolled back keeps the copy."""
    spent = Q(article=article) | Q(article__isnull=True) if created else Q(article=article)
    Autosave.objects.filter(spent, user=user).delete()


def prune() -> None:
    """Remove every copy older than NEWSROOM_AUTOSAVE_DAYS (one indexed DELETE)."""
    cutoff = _cutoff()
    if cutoff is not None:
        Autosave.objects.filter(saved_at__lt=cutoff).delete()


# -- who may keep what --------------------------------------------------------------------------


def may_write(user: Any, article: Article | None) -> bool:
    """May `user` keep a copy of this story's form: change it, or (None) write stories?"""
    if article is None:
        return bool(user.is_authenticated and user.is_staff and roles.is_reporter(user))
    return workflow.can(user, workflow.CHANGE, article)


def _check_may_write(user: Any, article: Article | None) -> None:
    if article is not None:
        workflow.check_can_edit(user, article)
    elif not may_write(user, None):
        raise PermissionDenied(_("You may not write stories."))


# -- what can be kept ---------------------------------------------------------------------------


def _check_keepable(posted: list[list[str]]) -> None:
    if not posted:
        # Kept, an empty form would replace the draft it stands for with nothing.
        raise ValidationError(_("The form was empty, so nothing was kept."), code="empty")
    if any("\x00" in name or "\x00" in value for name, value in posted):
        # Neither PostgreSQL's JSON nor the story's own fields can hold one.
        raise ValidationError(
            _("The draft contains a null character, so it cannot be kept. Remove it and go on."),
            code="null",
        )
    try:
        size = len(json.dumps(posted, ensure_ascii=False).encode("utf-8"))
    except UnicodeEncodeError as error:
        raise ValidationError(
            _("The draft contains characters that cannot be kept."), code="characters"
        ) from error
    if size > MAX_BYTES:
        raise ValidationError(
            _(
                "This draft is too large to keep automatically (%(size)d KB; at most "
                "%(limit)d KB). Your text is still here: save the story to keep it."
            )
            % {"size": size // 1024, "limit": MAX_BYTES // 1024},
            code="size",
        )


def _version(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def _check_not_superseded(user: Any, article: Article, base_version: int | None) -> None:
    """A form older than the person's own latest change is out of date: kept, it would offer
    them back what they have since saved (a copy sent as the page was left after a save)."""
    if base_version is None or base_version >= article.version:
        return
    if _last_changed_by(article) == user.pk:
        raise ValidationError(
            _(
                "You changed this story after this page was opened (version %(seen)d, now "
                "%(now)d), so this page is out of date and was not kept. Open the story again "
                "to go on."
            )
            % {"seen": base_version, "now": article.version},
            code=SUPERSEDED,
        )


def _last_changed_by(article: Article) -> int | None:
    """Whose revision is the story's latest (its last save or move), as a user id."""
    return (
        StoryRevision.objects.filter(article=article)
        .order_by("-pk")
        .values_list("revision__user_id", flat=True)
        .first()
    )


def _cutoff() -> datetime | None:
    days = settings.NEWSROOM_AUTOSAVE_DAYS
    return timezone.now() - timedelta(days=days) if days > 0 else None
