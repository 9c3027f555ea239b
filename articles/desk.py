"""The editor's desk: the review queue, and each person's "My desk" on the admin's home.

Every list is one query (the queue adds one for its bylines), whatever it holds: what a row
shows of its workflow history — when it was submitted, the note sent with it, the revision an
editor last saw — comes in as subqueries on the story's own row, never a query per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles
from .models import Article, ArticleQuerySet, Byline, StoryRevision, WorkflowEvent
from .models.bylines import WITH_WRITER
from .transitions import PUBLISH, SEND_BACK, SUBMIT, TRANSITIONS, UNPUBLISH

# The moves an editor makes once they have read a story: the revision they leave behind is
# what "changed since the last review" is measured from.
REVIEWED = (SEND_BACK, PUBLISH, UNPUBLISH)
# The moves that hand a story back to its authors with a note (workflow: a note is required).
RETURNED = (SEND_BACK, UNPUBLISH)

DESK_ROWS = 10  # each list on the home page; the queue page and the story list hold the rest
QUEUE_ON_DESK = 5
RECENT_DAYS = 7


def _latest(rows: QuerySet, column: str) -> Subquery:
    """`column` of the newest of `rows` (the workflow history's order: time, then id)."""
    return Subquery(rows.order_by("-at", "-pk").values(column)[:1])


def _events(actions: tuple[str, ...]) -> QuerySet:
    return WorkflowEvent.objects.filter(article=OuterRef("pk"), action__in=actions)


def _revisions() -> QuerySet:
    return StoryRevision.objects.filter(article=OuterRef("pk")).order_by("-pk")


def _with_submission(stories: ArticleQuerySet) -> ArticleQuerySet:
    """`waiting_since` (the latest submit) and `submit_note` (the note sent with it)."""
    submits = _events((SUBMIT,))
    return stories.annotate(
        waiting_since=_latest(submits, "at"), submit_note=_latest(submits, "note")
    )


# -- the review queue --------------------------------------------------------------------------


def check_can_review(user: Any) -> None:
    """Refuse (PermissionDenied) anyone but an editor: the queue is the editors' desk."""
    if not (user.is_authenticated and user.is_staff and roles.is_editor(user)):
        raise PermissionDenied(_("Only editors review stories; the review queue is theirs."))


def review_queue(user: Any) -> ArticleQuerySet:
    """The stories in review, longest waiting first, each with what an editor needs to start:
    authors, section, `waiting_since`, `submit_note`, and the two revisions to compare —
    `reviewed_revision_id` (the story when an editor last sent it back, published or
    unpublished it; None for a first submission, read whole) and `newest_revision_id`."""
    check_can_review(user)
    reviewed = _revisions().filter(action__in=REVIEWED)
    bylines = Prefetch("bylines", queryset=Byline.objects.select_related(*WITH_WRITER))
    return (
        _with_submission(Article.objects.in_review())
        .annotate(
            reviewed_revision_id=Subquery(reviewed.values("pk")[:1]),
            reviewed_action=Subquery(reviewed.values("action")[:1]),
            newest_revision_id=Subquery(_revisions().values("pk")[:1]),
        )
        .select_related("section")
        .prefetch_related(bylines)
        .defer(
            "search_document",
            "context_html",
            "bottom_line_html",
            "standfirst_html",
            "methods_html",
        )
        .order_by(F("waiting_since").asc(nulls_first=True), "pk")
    )


# -- a writer's own stories ---------------------------------------------------------------------


def _mine(user: Any) -> ArticleQuerySet:
    return Article.objects.filter(Article.objects.owned_by_q(user)).only(
        "pk", "headline", "slug", "status", "published_at"
    )


def sent_back_to(user: Any) -> ArticleQuerySet:
    """The person's drafts an editor handed back (sent back, or unpublished) and they have not
    resubmitted since, newest first, with the editor's `return_note`, `returned_by`,
    `returned_at` and `return_action`."""
    moves = WorkflowEvent.objects.filter(article=OuterRef("pk"), action__in=list(TRANSITIONS))
    returned = _events(RETURNED)
    return (
        _mine(user)
        .filter(status=Article.Status.DRAFT)
        .annotate(last_move=_latest(moves, "action"))
        .filter(last_move__in=RETURNED)
        .annotate(
            return_note=_latest(returned, "note"),
            returned_by=_latest(returned, "actor_name"),
            returned_at=_latest(returned, "at"),
            return_action=_latest(returned, "action"),
        )
        .order_by("-returned_at", "-pk")
    )


def in_review_by(user: Any) -> ArticleQuerySet:
    """The person's stories waiting for an editor, longest waiting first."""
    return _with_submission(_mine(user).filter(status=Article.Status.REVIEW)).order_by(
        F("waiting_since").asc(nulls_first=True), "pk"
    )


def scheduled_by(user: Any) -> ArticleQuerySet:
    """The person's stories set to go live later, soonest first."""
    return _mine(user).scheduled().order_by("published_at", "pk")


def recently_published_by(user: Any, days: int = RECENT_DAYS) -> ArticleQuerySet:
    """The person's stories that went live in the last `days` days, newest first."""
    since = timezone.now() - timedelta(days=days)
    return _mine(user).published().filter(published_at__gte=since).newest_first()


# -- the rest of today ------------------------------------------------------------------------


def end_of_today() -> datetime:
    tomorrow = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


def scheduled_today() -> ArticleQuerySet:
    """Stories still to go live today (the newsroom's time zone), soonest first."""
    return (
        Article.objects.scheduled()
        .filter(published_at__lt=end_of_today())
        .only("pk", "headline", "status", "published_at")
        .order_by("published_at", "pk")
    )


# -- the desk ----------------------------------------------------------------------------------


@dataclass
class Desk:
    """What the admin's home shows one person: lists of stories (each capped at DESK_ROWS)."""

    is_editor: bool
    queue: list[Article] = field(default_factory=list)
    queue_count: int = 0
    scheduled_today: list[Article] = field(default_factory=list)
    sent_back: list[Article] = field(default_factory=list)
    in_review: list[Article] = field(default_factory=list)
    scheduled: list[Article] = field(default_factory=list)
    recently_published: list[Article] = field(default_factory=list)
    recent_days: int = RECENT_DAYS

    @property
    def is_empty(self) -> bool:
        lists = (self.queue, self.scheduled_today, self.sent_back, self.in_review)
        return not any((*lists, self.scheduled, self.recently_published))


def desk_for(user: Any) -> Desk | None:
    """The person's desk: an editor's (the queue, today's schedule, their own stories sent
    back); a reporter's (sent back, in review, scheduled, recently published); None for
    anyone who writes no stories."""
    if roles.is_editor(user):
        return Desk(
            is_editor=True,
            queue=list(review_queue(user)[:QUEUE_ON_DESK]),
            queue_count=Article.objects.in_review().count(),
            scheduled_today=list(scheduled_today()[:DESK_ROWS]),
            sent_back=list(sent_back_to(user)[:DESK_ROWS]),
        )
    if roles.is_reporter(user):
        return Desk(
            is_editor=False,
            sent_back=list(sent_back_to(user)[:DESK_ROWS]),
            in_review=list(in_review_by(user)[:DESK_ROWS]),
            scheduled=list(scheduled_by(user)[:DESK_ROWS]),
            recently_published=list(recently_published_by(user)[:DESK_ROWS]),
        )
    return None
