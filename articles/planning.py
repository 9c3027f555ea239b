"""Planning: the day the desk means to publish a story, who works on it, and a short note.

A plan is the desk's, never the readers': editors change it (`plan`), writers read their own.
`plan` writes the planning columns and the assignee rows alone (QuerySet.update and the link
table), so it moves no version (nobody's open story form goes stale), keeps no revision
(restoring one never moves a plan) and sends no signal: the copies readers are served
(edge.pagecache, articles.prerender) stay as they are, because nothing they show changed.

`desk` reads what the planning view lists: drafts, stories in review and scheduled stories,
by day for the coming weeks, with the overdue, the later and the undated apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from staff.names import display_name

from . import roles
from .models import Article, Byline, WorkflowEvent
from .models.bylines import WITH_WRITER
from .transitions import SEND_BACK, SUBMIT, UNPUBLISH

# The planning view shows each day of the coming three weeks.
HORIZON_DAYS = 21
# Stories with no planned day pile up (abandoned drafts); the view shows the latest changed.
UNDATED_SHOWN = 50
NOTE_MAX_LENGTH = Article._meta.get_field("planning_note").max_length

# The workflow notes a planner reads beside a story: the author's to the editors on submit,
# an editor's to the author on send back or unpublish.
NOTED_MOVES = (SUBMIT, SEND_BACK, UNPUBLISH)

OVERDUE = "overdue"
DAY = "day"
LATER = "later"
UNDATED = "undated"

Status = Article.Status


# -- who plans, and who may be assigned ---------------------------------------------------------


def may_plan(user: Any) -> bool:
    """Editors plan the desk; writers see the plans of their own stories."""
    return bool(user.is_authenticated and user.is_staff and roles.is_editor(user))


def assignable() -> QuerySet:
    """The people a story can be assigned to: active staff who write (reporters, editors)."""
    return (
        roles.writers()
        .filter(is_active=True, is_staff=True)
        .order_by("first_name", "last_name", "username")
    )


# -- changing a plan ----------------------------------------------------------------------------


def plan(
    user: Any,
    article: Article,
    planned_for: date | None,
    assignees: Iterable[Any],
    note: str | None = None,
) -> None:
    """Set the story's planned day, its assignees and (unless None) its planning note.

    PermissionDenied for anyone but an editor; a ValidationError naming each problem (keyed
    by planned_for, assignees, planning_note) leaves the plan as it was.
    """
    if not may_plan(user):
        raise PermissionDenied(_("Only editors plan stories."))
    people = list(assignees)
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        note = locked.planning_note if note is None else note.strip()
        found = problems(locked, planned_for, people, note)
        if found:
            raise ValidationError(found)
        Article.objects.filter(pk=locked.pk).update(planned_for=planned_for, planning_note=note)
        _set_assignees(locked, {person.pk for person in people})
    article.planned_for, article.planning_note = planned_for, note


def problems(
    article: Article, planned_for: date | None, assignees: Iterable[Any], note: str
) -> dict[str, list[str]]:
    """What is wrong with this plan for this story, by field (planned_for, assignees,
    planning_note; NON_FIELD_ERRORS for the story itself); empty when nothing is. plan()
    refuses on any; a form asks first, to show them beside what was typed."""
    found: dict[str, list[str]] = {}
    if article.pk is not None and article.is_live:
        found[NON_FIELD_ERRORS] = [
            _("This story is already live; plans are for stories still to come.")
        ]
    if (
        planned_for is not None
        and planned_for != article.planned_for
        and planned_for < timezone.localdate()
    ):
        found["planned_for"] = [_("Choose today or a later day.")]
    people = {person.pk: person for person in assignees}
    allowed = set(assignable().filter(pk__in=people).values_list("pk", flat=True))
    refused = [display_name(person) for pk, person in people.items() if pk not in allowed]
    if refused:
        found["assignees"] = [
            _("Only active reporters and editors can be assigned; not %(names)s.")
            % {"names": ", ".join(refused)}
        ]
    if len(note) > NOTE_MAX_LENGTH:
        found["planning_note"] = [
            _("A planning note can be at most %(limit)d characters; this one has %(length)d.")
            % {"limit": NOTE_MAX_LENGTH, "length": len(note)}
        ]
    return found


def _set_assignees(article: Article, wanted: set[Any]) -> None:
    """Write the link rows directly: the related manager's set() would signal a change to
    what readers see (the page cache watches every many-to-many link of a story)."""
    links = Article.assignees.through.objects.filter(article_id=article.pk)
    links.exclude(user_id__in=wanted).delete()
    kept = set(links.values_list("user_id", flat=True))
    Article.assignees.through.objects.bulk_create(
        Article.assignees.through(article_id=article.pk, user_id=pk) for pk in wanted - kept
    )


# -- reading the desk ---------------------------------------------------------------------------


def on_the_desk(user: Any) -> QuerySet:
    """The stories still to come that this person may open: drafts, stories in review and
    scheduled stories (editors: all of them; writers: their own)."""
    coming = Q(status__in=[Status.DRAFT, Status.REVIEW]) | Q(
        status=Status.PUBLISHED, published_at__gt=timezone.now()
    )
    return Article.objects.editable_by(user).filter(coming)


def worked_on_by(stories: QuerySet, person: Any) -> QuerySet:
    """Those of `stories` the person is assigned to, created or is bylined on."""
    assigned = Article.assignees.through.objects.filter(article_id=OuterRef("pk"), user=person)
    return stories.filter(Q(Exists(assigned)) | Article.objects.owned_by_q(person))


@dataclass
class Bucket:
    """One heading of the planning view: a day, or the overdue, later or undated stories."""

    kind: str
    day: date | None = None
    stories: list[Article] = field(default_factory=list)
    # A day's distance from today (0: today), for its heading.
    offset: int | None = None
    # The undated bucket shows UNDATED_SHOWN stories; more exist.
    more: bool = False


def desk_day(article: Article) -> date | None:
    """The day a story sits on: a scheduled story's publication day, else its planned day."""
    if article.status == Status.PUBLISHED and article.published_at is not None:
        return timezone.localdate(article.published_at)
    return article.planned_for


def desk(stories: QuerySet, today: date | None = None) -> list[Bucket]:
    """`stories` (from on_the_desk, filtered) in buckets: overdue, each of the next
    HORIZON_DAYS days, later, and no planned day — in a fixed number of queries."""
    today = today or timezone.localdate()
    dated = stories.filter(Q(planned_for__isnull=False) | Q(status=Status.PUBLISHED))
    undated = stories.filter(planned_for__isnull=True).exclude(status=Status.PUBLISHED)
    dated_rows = list(_with_plans(dated))
    undated_rows = list(_with_plans(undated).order_by("-updated_at", "-pk")[: UNDATED_SHOWN + 1])
    _attach_notes([*dated_rows, *undated_rows])

    overdue = Bucket(OVERDUE)
    days = {
        today + timedelta(days=n): Bucket(DAY, today + timedelta(days=n), offset=n)
        for n in range(HORIZON_DAYS)
    }
    later = Bucket(LATER)
    for article in sorted(dated_rows, key=_order_in_day):
        day = desk_day(article)
        if day is None:
            continue
        bucket = overdue if day < today else days.get(day, later)
        bucket.stories.append(article)
    undated_bucket = Bucket(
        UNDATED, stories=undated_rows[:UNDATED_SHOWN], more=len(undated_rows) > UNDATED_SHOWN
    )
    return [overdue, *days.values(), later, undated_bucket]


def _order_in_day(article: Article) -> tuple:
    """Earliest day first; within a day, scheduled stories by time, then review, then drafts."""
    rank = {Status.PUBLISHED: 0, Status.REVIEW: 1, Status.DRAFT: 2}[article.status]
    when = article.published_at.timestamp() if article.published_at else 0.0
    return (desk_day(article), rank, when, article.headline.casefold(), article.pk)


def _with_plans(stories: QuerySet) -> QuerySet:
    """What a planning row shows, in a fixed number of queries: section, bylines, assignees,
    and the id of the latest workflow note (read by _attach_notes)."""
    latest_note = (
        WorkflowEvent.objects.filter(article=OuterRef("pk"), action__in=NOTED_MOVES)
        .exclude(note="")
        .order_by("-at", "-pk")
        .values("pk")[:1]
    )
    people = get_user_model().objects.order_by("first_name", "last_name", "username")
    return (
        stories.select_related("section")
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related(*WITH_WRITER)),
            Prefetch("assignees", queryset=people),
        )
        .annotate(latest_note_id=Subquery(latest_note))
        .defer(
            "standfirst",
            "standfirst_html",
            "context",
            "context_html",
            "bottom_line",
            "bottom_line_html",
            "methods",
            "methods_html",
            "search_document",
        )
    )


def _attach_notes(articles: list[Article]) -> None:
    """Give each story `latest_note`: its latest workflow event with a note, or None."""
    ids = [article.latest_note_id for article in articles if article.latest_note_id]
    notes = WorkflowEvent.objects.in_bulk(ids) if ids else {}
    for article in articles:
        article.latest_note = notes.get(article.latest_note_id)
