"""What changed between two revisions of a story, field by field and part by part, as the
history's compare page shows it (long text marks only the changed words)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from staff.names import display_name

from .models import Article, StoryRevision
from .revisions import PARTS, STATE_FIELDS, STORY_FIELDS, by_position, shown_fields, snapshot


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
                self._names[key] = display_name(obj)
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
    before, after = snapshot(old), snapshot(new)
    story_fields = [Article._meta.get_field(name) for name in (*STORY_FIELDS, *STATE_FIELDS)]
    story = _field_changes(story_fields, before.story, after.story, display)
    parts = []
    for name, model in PARTS.items():
        fields = shown_fields(model)
        old_rows, new_rows = before.parts[name], after.parts[name]
        rows = []
        for object_id, version in by_position(new_rows):
            if object_id not in old_rows:
                changes = _field_changes(fields, {}, version.field_dict, display, always=True)
                rows.append(RowChange("added", version.object_repr, changes))
                continue
            previous = old_rows[object_id].field_dict
            changes = _field_changes(fields, previous, version.field_dict, display)
            if changes:
                rows.append(RowChange("changed", version.object_repr, changes))
        for object_id, version in by_position(old_rows):
            if object_id not in new_rows:
                changes = _field_changes(fields, version.field_dict, {}, display, always=True)
                rows.append(RowChange("removed", version.object_repr, changes))
        parts.append(PartChanges(capfirst(str(model._meta.verbose_name_plural)), rows))
    return Comparison(old, new, story, parts)
