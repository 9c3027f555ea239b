"""The rows of the story form's inline formsets, as the admin posts them, and back.

Django posts each inline formset as `<prefix>-<n>-<field>` keys with a management form
(`<prefix>-TOTAL_FORMS`, `-INITIAL_FORMS`, …); the rows that exist already carry an `id` and
must be the first INITIAL_FORMS forms. Text mode reads rows here and writes a formset back
whole. Nothing here knows a model: rows are the posted strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.http import QueryDict

# Django's default `absolute_max` for a formset: it reads no form past this.
MAX_FORMS = 2000
# The management form where the posted data had none: what the admin renders by default.
_MANAGEMENT_DEFAULTS = {"MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}


def number(value: str | None) -> int | None:
    """A posted whole number (an id, a count, a position), or None for anything else."""
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None


def ticked(value: str | None) -> bool:
    """A posted checkbox as Django's CheckboxInput reads it."""
    return bool(value) and value.lower() != "false"


@dataclass
class Row:
    """One posted form of a formset: its number there and its fields' values (the key without
    `<prefix>-<n>-`)."""

    index: int
    values: dict[str, list[str]]
    initial: bool = False  # one of the first INITIAL_FORMS forms

    def get(self, name: str) -> str:
        values = self.values.get(name) or [""]
        return values[-1]

    def getlist(self, name: str) -> list[str]:
        return [value for value in self.values.get(name, []) if value]

    @property
    def existing(self) -> bool:
        """A row of the saved story: Django updates or deletes it (others are new rows)."""
        return self.initial and number(self.get("id")) is not None

    @property
    def deleted(self) -> bool:
        return ticked(self.get("DELETE"))

    @property
    def position(self) -> int | None:
        return number(self.get("position"))

    def has_content(self, fields: tuple[str, ...]) -> bool:
        """Anything typed or chosen in these fields (a new row's defaults are not content)."""
        return any(value.strip() for name in fields for value in self.values.get(name, []))


@dataclass
class Formset:
    """A formset's posted rows and management form; `content` names the fields that make a
    new row more than the blank one the form offers."""

    prefix: str
    content: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    management: dict[str, str] = field(default_factory=dict)

    @classmethod
    def posted(cls, data: QueryDict, prefix: str, content: tuple[str, ...]) -> Formset:
        management = {
            name: data[f"{prefix}-{name}"]
            for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
            if f"{prefix}-{name}" in data
        }
        total = min(number(management.get("TOTAL_FORMS")) or 0, MAX_FORMS)
        initial = number(management.get("INITIAL_FORMS")) or 0
        key = re.compile(rf"^{re.escape(prefix)}-(0|[1-9][0-9]{{0,5}})-(.+)$")
        found: dict[int, dict[str, list[str]]] = {}
        for name in data:
            match = key.match(name)
            if match and int(match[1]) < total:
                found.setdefault(int(match[1]), {})[match[2]] = data.getlist(name)
        rows = [Row(index, values, index < initial) for index, values in sorted(found.items())]
        return cls(prefix, content, rows, management)

    def live(self) -> list[Row]:
        """The rows that are parts of the story (not deleted, not left blank), in the page's
        order: by position, rows without one after, as the models number them."""
        rows = [row for row in self.rows if not row.deleted and row.has_content(self.content)]
        return sorted(rows, key=page_order)

    def article(self) -> str:
        """The story's id as the rows post it ("" on a new story's form)."""
        return next((row.get("article") for row in self.rows if row.get("article")), "")

    def write(self, data: QueryDict, existing: list[Row], new: list[Row]) -> None:
        """Replace the formset in `data` by these rows: the existing ones first, as Django needs."""
        pattern = re.compile(rf"^{re.escape(self.prefix)}-[0-9]+-")
        for name in [name for name in data if pattern.match(name)]:
            del data[name]
        management = {**_MANAGEMENT_DEFAULTS, **self.management}
        management["TOTAL_FORMS"] = str(len(existing) + len(new))
        management["INITIAL_FORMS"] = str(len(existing))
        for name, value in management.items():
            data[f"{self.prefix}-{name}"] = value
        for index, row in enumerate([*existing, *new]):
            for name, values in row.values.items():
                data.setlist(f"{self.prefix}-{index}-{name}", values)


def page_order(row: Row) -> tuple:
    """Rows by position; a row without one goes last, the story's rows before new ones, as a
    save numbers them (articles.models.positions)."""
    return (row.position is None, row.position or 0, not row.existing, row.index)


def save_order(row: Row) -> tuple:
    """The order Django's formset saves rows in: the story's rows, then the new ones."""
    return (not row.existing, row.index)
