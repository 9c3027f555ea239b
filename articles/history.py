"""Revision history: every save keeps the whole structured story; compare any two; restore one.

Built on django-reversion. A revision holds one serialised Version per row — the story and
each of its parts (followed through the related names registered here; `sources` adds claims
with their cited sources, quotes and the source list) — with the user and a comment.
StoryRevision says which story and version a revision holds and what made it.

Restoring never rewrites history: it applies an old revision's content to the story as a new
save, through the same permission and conflict rules, and records a new revision. Workflow
state (status, publication times) and corrections are never restored.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import reversion
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.models import Version

from . import workflow
from .models import (
    Article,
    Byline,
    Claim,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StoryRevision,
    StorySource,
    Tag,
)

# The story's own content: compared and restored.
STORY_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "dateline",
    "section",
    "tags",
    "lead_image",
    "context",
    "bottom_line",
    "comments_enabled",
)
# The workflow state: kept and compared, never restored (status changes only via workflow).
STATE_FIELDS = ("status", "published_at")

ACTIONS = {
    "create": gettext_lazy("Created"),
    "edit": gettext_lazy("Edited"),
    "correction": gettext_lazy("Correction"),
    "update": gettext_lazy("Update"),
    "restore": gettext_lazy("Restored"),
    workflow.SUBMIT: gettext_lazy("Submitted for review"),
    workflow.SEND_BACK: gettext_lazy("Sent back"),
    workflow.PUBLISH: gettext_lazy("Published"),
    workflow.UNPUBLISH: gettext_lazy("Unpublished"),
    workflow.RESCHEDULE: gettext_lazy("Rescheduled"),
}

# related name → model of every story part a revision keeps, in the order they are restored
# (the source list before the claims and quotes that cite it).
_parts: dict[str, type[models.Model]] = {}


def register() -> None:
    register_parts(
        bylines=Byline,
        takeaways=KeyTakeaway,
        impact_items=ImpactItem,
        source_entries=StorySource,
        claims=Claim,
        quotes=Quote,
    )
    workflow.on_transition(_record_transition)


def register_parts(**parts: type[models.Model]) -> None:
    """Keep these story parts (related name=model) in every revision of a story."""
    for related_name, model in parts.items():
        if not reversion.is_registered(model):
            derived = [f.name for f in model._meta.concrete_fields if f.name.endswith("_html")]
            reversion.register(model, exclude=derived)
        _parts[related_name] = model
    if reversion.is_registered(Article):
        reversion.unregister(Article)
    reversion.register(
        Article, fields=(*STORY_FIELDS, *STATE_FIELDS, "version"), follow=tuple(_parts)
    )


def record(article: Article, user: Any, action: str, comment: str = "") -> StoryRevision:
    """Keep the story as it is now, with all its parts, as one new revision."""
    with reversion.create_revision(manage_manually=True):
        reversion.set_user(user if getattr(user, "is_authenticated", False) else None)
        reversion.set_comment(comment)
        reversion.add_to_revision(article)
        reversion.add_meta(StoryRevision, article=article, version=article.version, action=action)
    return StoryRevision.objects.filter(article=article).first()


def _record_transition(article: Article, event: Any) -> None:
    record(article, event.actor, event.action, event.note)


def revisions_of(article: Article) -> models.QuerySet:
    return StoryRevision.objects.filter(article=article).select_related("revision__user")


def change_message(revision: StoryRevision) -> str:
    """The revision's comment: the admin's "Changed headline…" message, or a workflow note."""
    return revision.revision.get_comment()


def admin_comment(change_message: list) -> str:
    return json.dumps(change_message)


def author_name(user: Any) -> str:
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


# -- what changed: two revisions, field by field ---------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str

    def words(self) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]] | None:
        """For long text, the before and after as (changed?, words) runs, to mark only what
        changed; None for short values, shown whole."""
        if len(self.old) < 80 and len(self.new) < 80:
            return None
        old, new = self.old.split(" "), self.new.split(" ")
        before: list[tuple[bool, str]] = []
        after: list[tuple[bool, str]] = []
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if i2 > i1:
                before.append((tag != "equal", " ".join(old[i1:i2])))
            if j2 > j1:
                after.append((tag != "equal", " ".join(new[j1:j2])))
        return before, after


@dataclass
class RowChange:
    state: str  # "added", "removed" or "changed"
    label: str
    fields: list[FieldChange]


@dataclass
class PartChanges:
    label: str
    rows: list[RowChange]


@dataclass
class Comparison:
    old: StoryRevision
    new: StoryRevision
    story: list[FieldChange]
    parts: list[PartChanges]

    @property
    def is_empty(self) -> bool:
        return not self.story and not any(part.rows for part in self.parts)


@dataclass
class _Snapshot:
    story: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, dict[str, Version]] = field(default_factory=dict)


def _snapshot(revision: StoryRevision) -> _Snapshot:
    names = {model: name for name, model in _parts.items()}
    snapshot = _Snapshot(parts={name: {} for name in _parts})
    for version in revision.revision.version_set.all():
        model = version._model
        if model is Article and version.object_id == str(revision.article_id):
            snapshot.story = version.field_dict
        elif model in names:
            snapshot.parts[names[model]][version.object_id] = version
    return snapshot


def _by_position(rows: dict[str, Version]) -> list[tuple[str, Version]]:
    return sorted(rows.items(), key=lambda item: item[1].field_dict.get("position") or 0)


def _shown_fields(model: type[models.Model]) -> list[models.Field]:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return [f for f in fields if f.name not in ("id", "article") and not f.name.endswith("_html")]


class _Display:
    """Stored values as people read them; related rows looked up once each."""

    def __init__(self) -> None:
        self._names: dict[tuple[type, Any], str] = {}

    def __call__(self, model_field: models.Field, value: Any) -> str:
        if value is None or value == "" or value == []:
            return "—"
        if model_field.many_to_many:
            return ", ".join(sorted(self.name(model_field.related_model, pk) for pk in value))
        if model_field.is_relation:
            return self.name(model_field.related_model, value)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return str(value)

    def name(self, model: Any, pk: Any) -> str:
        key = (model, pk)
        if key not in self._names:
            obj = model._base_manager.filter(pk=pk).first()
            if obj is None:
                self._names[key] = _("(deleted, #%s)") % pk
            elif hasattr(obj, "get_full_name"):
                self._names[key] = obj.get_full_name() or obj.get_username()
            else:
                self._names[key] = str(obj)
        return self._names[key]


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, list) or isinstance(new, list):
        return set(old or []) == set(new or [])
    if isinstance(old, str) and isinstance(new, str):  # browsers send CRLF line ends
        return old.replace("\r\n", "\n") == new.replace("\r\n", "\n")
    return old == new


def _field_changes(
    fields: list[models.Field], old: dict, new: dict, display: _Display, always: bool = False
) -> list[FieldChange]:
    changes = []
    for model_field in fields:
        before, after = old.get(model_field.attname), new.get(model_field.attname)
        if always or not _same(before, after):
            label = capfirst(str(model_field.verbose_name))
            changes.append(
                FieldChange(label, display(model_field, before), display(model_field, after))
            )
    return changes


def compare(old: StoryRevision, new: StoryRevision) -> Comparison:
    """What changed from `old` to `new`: story fields, then each part's rows added, removed
    or changed (claims with their cited sources, quotes, takeaways, the source list…)."""
    display = _Display()
    before, after = _snapshot(old), _snapshot(new)
    story_fields = [Article._meta.get_field(name) for name in (*STORY_FIELDS, *STATE_FIELDS)]
    story = _field_changes(story_fields, before.story, after.story, display)
    parts = []
    for name, model in _parts.items():
        fields = _shown_fields(model)
        old_rows, new_rows = before.parts[name], after.parts[name]
        rows = []
        for object_id, version in _by_position(new_rows):
            if object_id not in old_rows:
                changes = _field_changes(fields, {}, version.field_dict, display, always=True)
                rows.append(RowChange("added", version.object_repr, changes))
                continue
            previous = old_rows[object_id].field_dict
            changes = _field_changes(fields, previous, version.field_dict, display)
            if changes:
                rows.append(RowChange("changed", version.object_repr, changes))
        for object_id, version in _by_position(old_rows):
            if object_id not in new_rows:
                changes = _field_changes(fields, version.field_dict, {}, display, always=True)
                rows.append(RowChange("removed", version.object_repr, changes))
        parts.append(PartChanges(capfirst(str(model._meta.verbose_name_plural)), rows))
    return Comparison(old, new, story, parts)


# -- the conflict someone's save ran into ---------------------------------------------------


@dataclass
class Conflict:
    """Someone saved the story after it was opened: who, when, and the two versions."""

    loaded_version: int
    current_version: int
    latest: StoryRevision | None
    base: StoryRevision | None

    @property
    def who(self) -> str:
        return author_name(self.latest.revision.user if self.latest else None)

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


def conflict(article: Article, loaded_version: int, current_version: int) -> Conflict:
    revisions = revisions_of(article)
    return Conflict(
        loaded_version=loaded_version,
        current_version=current_version,
        latest=revisions.first(),
        base=revisions.filter(version=loaded_version).first(),
    )


# -- restoring ---------------------------------------------------------------------------------


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

    Who may restore is who may edit (editors; the author while it is a draft). A live story's
    restore is a correction or an update like any other change to it (`change`). Returns the
    new revision and what could not be brought back (rows whose source or speaker is gone).
    """
    if revision.article_id != article.pk:
        raise ValidationError(_("That revision belongs to another story."), code="revision")
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        workflow.check_can_edit(user, locked)
        if locked.version != expected_version:
            raise ValidationError(
                _("The story changed since you opened this page. Compare again, then restore."),
                code="stale",
            )
        if locked.is_live:
            check_public_change(change, correction)
        snapshot = _snapshot(revision)
        left_out: list[str] = []
        _restore_story(locked, snapshot.story, left_out)
        locked.save()
        locked.tags.set(_existing(Tag, snapshot.story.get("tags", [])))
        for name in _parts:
            getattr(locked, name).all().delete()
        for name, model in _parts.items():
            for _id, version in _by_position(snapshot.parts[name]):
                _restore_row(locked, model, version, left_out)
        if locked.is_live:
            locked.record_public_change(user, correction if change == "correction" else "")
        locked.refresh_search_document()
        comment = _("Restored version %(version)s.") % {"version": revision.version}
        new_revision = record(locked, user, "restore", comment)
    return new_revision, left_out


def check_public_change(change: str, correction: str) -> None:
    """A change to a live story is a correction (with its public note) or a minor update."""
    if change not in ("correction", "update"):
        raise ValidationError(
            _("This story is live: say whether this is a correction or a minor update."),
            code="change",
        )
    if change == "correction" and not correction.strip():
        raise ValidationError(_("Write the correction readers will see."), code="correction")


def _existing(model: type[models.Model], pks: list) -> list:
    return list(model._base_manager.filter(pk__in=pks or []).values_list("pk", flat=True))


def _restore_story(article: Article, data: dict, left_out: list[str]) -> None:
    for name in STORY_FIELDS:
        model_field = Article._meta.get_field(name)
        if model_field.many_to_many or model_field.attname not in data:
            continue
        value = data[model_field.attname]
        if name == "slug" and (
            article.slug_is_fixed
            or Article.objects.filter(slug=value).exclude(pk=article.pk).exists()
        ):
            continue
        if (
            model_field.is_relation
            and value is not None
            and not _existing(model_field.related_model, [value])
        ):
            left_out.append(
                _("The %(field)s no longer exists; the story has none now.")
                % {"field": model_field.verbose_name}
            )
            value = None
        setattr(article, model_field.attname, value)


def _restore_row(
    article: Article, model: type[models.Model], version: Version, left_out: list[str]
) -> None:
    data = version.field_dict
    values: dict[str, Any] = {}
    for model_field in _shown_fields(model):
        if model_field.many_to_many or model_field.attname not in data:
            continue
        value = data[model_field.attname]
        if model_field.is_relation and value is not None:
            if not _existing(model_field.related_model, [value]):
                if not model_field.null:
                    left_out.append(
                        _("%(part)s “%(row)s” was left out: its %(field)s no longer exists.")
                        % {
                            "part": capfirst(str(model._meta.verbose_name)),
                            "row": version.object_repr,
                            "field": model_field.verbose_name,
                        }
                    )
                    return
                value = None
        values[model_field.attname] = value
    pk = int(version.object_id)
    instance = model(pk=None if model._base_manager.filter(pk=pk).exists() else pk, **values)
    instance.article = article
    instance.save()
    for model_field in model._meta.many_to_many:
        if model_field.attname in data:
            ids = _existing(model_field.related_model, data[model_field.attname])
            getattr(instance, model_field.name).set(ids)
