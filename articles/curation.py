"""Choosing what leads a page: the one door through which the front page's and each section's
lead story and pinned top stories change, and what a page shows of that choice right now.

Only editors choose (PermissionDenied for anyone else, whatever door they use). A choice names
published stories only; once made, a story that stops being published or a pin whose end time
passes is simply skipped by `showing()`, never an error. Saving a choice saves Curation and
Pin rows, which the page cache follows (newsroom/wiring.py), so the next request shows it; a
pin's end time is one of the clock's changes the page cache waits for (`next_expiry`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from staff.names import display_name

from . import roles
from .models import MAX_PINS, Article, Curation, CurationChange, Pin, Section

__all__ = [
    "LEAD",
    "MAX_PINS",
    "Choice",
    "Showing",
    "Slot",
    "chosen",
    "may_curate",
    "next_expiry",
    "pin_key",
    "set_front",
    "set_section",
    "showing",
]

# Where a ValidationError puts a problem with one slot: "lead", or "pin-1" … "pin-6" for the
# top stories in the order given; problems with the whole choice are non-field errors.
LEAD = "lead"


def pin_key(number: int) -> str:
    return f"pin-{number}"


@dataclass(frozen=True)
class Slot:
    """A chosen story and, if it should stop being shown at a set time, that time."""

    story: Article
    until: datetime | None = None


@dataclass
class Showing:
    """What a page shows of its editors' choice now: only live stories, only unexpired pins."""

    lead: Article | None = None
    pins: list[Article] = field(default_factory=list)

    @property
    def stories(self) -> list[Article]:
        return [*([self.lead] if self.lead else []), *self.pins]


@dataclass
class Choice:
    """The choice as it stands, for the form that changes it: the slots still shown, and
    those no longer shown (their story unpublished, or their time over) with the reason."""

    curation: Curation | None
    lead: Pin | None = None
    pins: list[Pin] = field(default_factory=list)
    gone: list[tuple[Pin, str]] = field(default_factory=list)

    @property
    def version(self) -> int:
        return self.curation.version if self.curation else 0


def may_curate(user: Any) -> bool:
    """Choosing what leads the site is an editor's call (the publish permission)."""
    return roles.is_editor(user)


def set_front(
    user: Any, lead: Slot | None, pins: Sequence[Slot], *, expected_version: int | None = None
) -> Curation:
    """Make `lead` the front page's lead (None: the newest story leads) and `pins` its top
    stories in this order. See `set_section` for the rules."""
    return _choose(user, None, lead, pins, expected_version)


def set_section(
    user: Any,
    section: Section,
    lead: Slot | None,
    pins: Sequence[Slot],
    *,
    expected_version: int | None = None,
) -> Curation:
    """Choose the lead and top stories of a section's page, replacing the previous choice.

    Editors only (PermissionDenied). Refused with a ValidationError naming each problem (keyed
    by slot, see LEAD and pin_key): more than MAX_PINS pins, a story not published, a story
    chosen twice, an end time already past, or — with `expected_version` — a choice someone
    else saved since that version was read.
    """
    return _choose(user, section, lead, pins, expected_version)


def _choose(
    user: Any,
    section: Section | None,
    lead: Slot | None,
    pins: Sequence[Slot],
    expected_version: int | None,
) -> Curation:
    if not may_curate(user):
        raise PermissionDenied(_("Only editors choose the stories that lead a page."))
    slots = [(LEAD, Pin.LEAD, lead)] if lead else []
    slots += [(pin_key(n), n, slot) for n, slot in enumerate(pins, start=1)]
    _check(slots, len(pins))
    with transaction.atomic():
        curation = _locked(section)
        if expected_version is not None and expected_version != curation.version:
            raise ValidationError(_changed_since_message(curation), code="conflict")
        curation.pins.all().delete()
        Pin.objects.bulk_create(
            Pin(curation=curation, position=position, story=slot.story, until=slot.until)
            for _key, position, slot in slots
        )
        now = timezone.now()
        curation.changed_by = user
        curation.changed_at = now
        curation.version += 1
        curation.save()
        CurationChange.objects.create(
            curation=curation,
            changed_by=user,
            changed_by_name=display_name(user),
            changed_at=now,
            summary=describe(lead, pins),
        )
    return curation


def _check(slots: list[tuple[str, int, Slot]], pin_count: int) -> None:
    problems: dict[str, list[str]] = {}
    if pin_count > MAX_PINS:
        problems.setdefault("__all__", []).append(
            _("At most %(max)d top stories can be pinned.") % {"max": MAX_PINS}
        )
    ids = {slot.story.pk for _key, _position, slot in slots}
    live = set(Article.objects.published().filter(pk__in=ids).values_list("pk", flat=True))
    seen: set[int] = set()
    now = timezone.now()
    for key, _position, slot in slots:
        headline = slot.story.headline
        if slot.story.pk not in live:
            problems.setdefault(key, []).append(
                _("“%(headline)s” is not published, so it cannot lead or be pinned.")
                % {"headline": headline}
            )
        if slot.story.pk in seen:
            problems.setdefault(key, []).append(
                _("“%(headline)s” is chosen twice: a story is shown once on a page.")
                % {"headline": headline}
            )
        seen.add(slot.story.pk)
        if slot.until is not None and slot.until <= now:
            problems.setdefault(key, []).append(
                _("The end time for “%(headline)s” has already passed.") % {"headline": headline}
            )
    if problems:
        raise ValidationError(problems)


def _locked(section: Section | None) -> Curation:
    """The place's row, made on first use and locked until the transaction ends, so two
    editors' saves follow one another and the version check holds."""
    curation, _created = Curation.objects.get_or_create(section=section)
    return Curation.objects.select_for_update().get(pk=curation.pk)


def _changed_since_message(curation: Curation) -> str:
    who = display_name(curation.changed_by) if curation.changed_by else _("someone")
    when = timezone.localtime(curation.changed_at).strftime("%Y-%m-%d %H:%M")
    return _(
        "%(who)s changed this page at %(when)s, after you opened it. Your choice is kept "
        "below and theirs is in the log: save again to replace theirs with yours."
    ) % {"who": who, "when": when}


def describe(lead: Slot | None, pins: Sequence[Slot]) -> str:
    """The choice in words, as the log keeps it."""

    def one(slot: Slot) -> str:
        text = f"“{slot.story.headline}”"
        if slot.until is not None:
            until = timezone.localtime(slot.until).strftime("%Y-%m-%d %H:%M")
            text += " " + _("until %(time)s") % {"time": until}
        return text

    lead_text = one(lead) if lead else _("the newest story")
    parts = [_("Lead: %(lead)s.") % {"lead": lead_text}]
    if pins:
        listed = "; ".join(f"{n}. {one(slot)}" for n, slot in enumerate(pins, start=1))
        parts.append(_("Top stories: %(pins)s.") % {"pins": listed})
    else:
        parts.append(_("No top stories pinned."))
    return " ".join(parts)


# -- reading the choice ---------------------------------------------------------------------


def showing(section: Section | None) -> Showing:
    """The place's chosen stories that readers see now, ready for story cards, in order.

    One query (and one for the bylines), however many stories are published: the pins are
    found first and their stories fetched by primary key. Whether each is published is asked
    of that one row (EXISTS): with published()'s filter on the outer query, SQLite walked
    every published story's index entry to find the few pinned ones.
    """
    live = Pin.objects.live().of_place(section)
    position = live.filter(story=OuterRef("pk")).values("position")[:1]
    public = Article.objects.published().filter(pk=OuterRef("pk"))
    stories = (
        Article.objects.filter(pk__in=live.values("story_id"))
        .filter(Exists(public))
        .with_cards()
        .annotate(slot=Subquery(position))
        .order_by("slot")
    )
    shown = Showing()
    for story in stories:
        if story.slot == Pin.LEAD:
            shown.lead = story
        else:
            shown.pins.append(story)
    return shown


def chosen(section: Section | None) -> Choice:
    """The place's choice as it stands, split into the slots still shown and those not."""
    curation = Curation.objects.filter(section=section).select_related("changed_by").first()
    choice = Choice(curation)
    if curation is None:
        return choice
    pins = list(curation.pins.select_related("story"))
    chosen_ids = [pin.story_id for pin in pins]
    live_ids = set(
        Article.objects.published().filter(pk__in=chosen_ids).values_list("pk", flat=True)
    )
    now = timezone.now()
    for pin in pins:
        if pin.story_id not in live_ids:
            choice.gone.append((pin, _("no longer published")))
        elif pin.until is not None and pin.until <= now:
            ended = timezone.localtime(pin.until).strftime("%Y-%m-%d %H:%M")
            choice.gone.append((pin, _("its time ended at %(time)s") % {"time": ended}))
        elif pin.is_lead:
            choice.lead = pin
        else:
            choice.pins.append(pin)
    return choice


def next_expiry() -> datetime | None:
    """When the next pin's end time comes: a cached page showing it must be made again."""
    return Pin.objects.next_expiry()
