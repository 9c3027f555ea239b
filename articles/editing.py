"""The one door for changing a story's content, as articles.workflow is for its status.

`creating` and `saving` wrap a change: they check who is acting, lock the story's row, check
the version the person worked from (no lost edits) and, for a live story, that the change is
declared a correction or a minor update; the door writes its fields and parts inside; then,
in the same transaction, the story keeps what is derived from it (a byline, every cited
source in its list, the search document), a live story records its public change, one
revision is kept and the copies readers are served are refreshed. `create`, `save`,
`correct` and `restore` are the same as calls. The admin, import, revision restore and the
demo loader come through here; forms only validate what was typed. The benchmark's builder
alone bulk-writes thousands of stories, and reuses the definitions this relies on (the
search document, the Markdown, the slug) rather than its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import citations, freshness, revisions, roles, versions, workflow
from .models import Article, Byline, Correction, StoryRevision

CORRECTION = "correction"
UPDATE = "update"

Write = Callable[[Article], Any]


# -- the rules a change must meet -----------------------------------------------------------


def check_public_change(change: str, correction: str) -> None:
    """A change to a live story is a correction (with its public note) or a minor update."""
    if change not in (CORRECTION, UPDATE):
        raise ValidationError(
            _("This story is live: say whether this is a correction or a minor update."),
            code="change",
        )
    if change == CORRECTION and not correction.strip():
        raise ValidationError(_("Write the correction readers will see."), code="correction")


@dataclass
class Conflict:
    """Someone saved the story after it was opened: who, when, and the two versions."""

    loaded_version: int
    current_version: int
    latest: StoryRevision | None
    base: StoryRevision | None

    @property
    def who(self) -> str:
        return revisions.author_name(self.latest.revision.user if self.latest else None)

    @property
    def when(self) -> datetime | None:
        return self.latest.revision.date_created if self.latest else None

    def message(self) -> str:
        when = self.when
        return _(
            "%(who)s saved this story at %(when)s, after you opened it (version %(loaded)s → "
            "%(current)s). Nothing of yours was saved; what you typed is still below."
        ) % {
            "who": self.who,
            "when": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
            if when
            else _("an unknown time"),
            "loaded": self.loaded_version,
            "current": self.current_version,
        }


def conflict(article: Article, seen: int) -> Conflict | None:
    """Who saved the story since version `seen` (None if nobody did). Reads, locks nothing:
    forms ask it to explain a refusal; saving() checks again under the row lock."""
    current = Article.objects.filter(pk=article.pk).values_list("version", flat=True).first()
    if current is None or current == seen:
        return None
    history = revisions.revisions_of(article)
    return Conflict(
        loaded_version=seen,
        current_version=current,
        latest=history.first(),
        base=history.filter(version=seen).first(),
    )


# -- a change, as a context ---------------------------------------------------------------------


@dataclass
class Edit:
    """One change in progress: the door may set the revision's comment before it ends."""

    article: Article
    user: Any
    action: str
    comment: str = ""
    revision: StoryRevision | None = None
    correction: Correction | None = None  # the public note a live story's correction left
    before: frozenset[str] = frozenset()  # the content keys of the story as it was


@contextmanager
def creating(article: Article, user: Any, action: str = "create") -> Iterator[Edit]:
    """A new story (unsaved `article`) written by `user`; the door adds its parts inside."""
    if not roles.is_reporter(user):
        raise PermissionDenied(_("%s may not write stories.") % user.get_username())
    with transaction.atomic():
        article.created_by = user
        article.save()
        edit = Edit(article, user, action)
        yield edit
        _keep(edit)


@contextmanager
def saving(
    article: Article,
    user: Any,
    *,
    expected_version: int | None,
    change: str = "",
    correction: str = "",
    stale: str | None = None,
) -> Iterator[Edit]:
    """A change to `article` (its fields may already hold the new values) by `user`, who
    worked from `expected_version`; the door changes its parts inside. A story that moved on
    since is refused with `stale` (what to do), or by default with who saved it and when."""
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        workflow.check_can_edit(user, locked)
        if stale is not None:
            versions.check(locked, expected_version, stale)
        elif not versions.is_current(locked, expected_version):
            found = conflict(locked, expected_version)
            message = found.message() if found else str(versions.COMPARE_AGAIN)
            raise versions.StaleVersion(message, expected_version, locked.version)
        live = locked.is_live
        if live:
            check_public_change(change, correction)
        before = freshness.before_change(locked)
        article.version = locked.version  # Article.save moves it on from the row's
        article.save()
        edit = Edit(article, user, change if live else "edit", before=before)
        yield edit
        if live:
            note = correction if change == CORRECTION else ""
            edit.correction = article.record_public_change(user, note)
        _keep(edit)


def _keep(edit: Edit) -> None:
    """What every change ends with, in its transaction: derived data, a revision, fresh copies."""
    article = edit.article
    if not article.bylines.exists() and article.created_by_id:
        Byline.objects.create(article=article, author=article.created_by)
    citations.sync_story_sources(article)
    article.refresh_search_document()
    edit.revision = revisions.record(article, edit.user, edit.action, edit.comment)
    freshness.story_changed(article, edit.before)


# -- the same, as calls ------------------------------------------------------------------------


def create(
    user: Any,
    write: Write | None = None,
    *,
    action: str = "create",
    comment: str = "",
    **fields: Any,
) -> Article:
    """A new story with these fields by `user`; `write(article)` adds its parts."""
    with creating(Article(**fields), user, action) as edit:
        if write is not None:
            write(edit.article)
        edit.comment = comment
    return edit.article


def save(
    article: Article,
    user: Any,
    write: Write | None = None,
    *,
    expected_version: int | None,
    change: str = "",
    correction: str = "",
    comment: str = "",
) -> StoryRevision:
    """Save `article` as it is in memory, with what `write(article)` changes of its parts."""
    with saving(
        article, user, expected_version=expected_version, change=change, correction=correction
    ) as edit:
        if write is not None:
            write(article)
        edit.comment = comment
    assert edit.revision is not None
    return edit.revision


def correct(
    article: Article, user: Any, correction: str, *, expected_version: int | None = None
) -> Correction | None:
    """Add a correction to a live story without changing anything else in it."""
    with saving(
        article, user, expected_version=expected_version, change=CORRECTION, correction=correction
    ) as edit:
        edit.comment = correction.strip()
    return edit.correction


def restore(
    article: Article,
    revision: StoryRevision,
    user: Any,
    *,
    expected_version: int,
    change: str = "",
    correction: str = "",
) -> tuple[StoryRevision, list[str]]:
    """Make the story's content what it was at `revision`, as a new save and a new revision.

    Who may restore is who may edit (editors; the author while it is a draft); a live story's
    restore is a correction or an update like any other change to it. Returns the new revision
    and what could not be brought back (rows whose source or speaker is gone).
    """
    if revision.article_id != article.pk:
        raise ValidationError(_("That revision belongs to another story."), code="revision")
    # The old fields go onto a copy read afresh; saving() locks it and checks the version.
    story = Article.objects.get(pk=article.pk)
    held = revisions.snapshot(revision)
    left_out = revisions.restore_fields(story, held)
    with saving(
        story,
        user,
        expected_version=expected_version,
        change=change,
        correction=correction,
        stale=versions.COMPARE_AGAIN,
    ) as edit:
        revisions.restore_parts(story, held, left_out)
        edit.action = "restore"
        edit.comment = _("Restored version %(version)s.") % {"version": revision.version}
    assert edit.revision is not None
    return edit.revision, left_out
