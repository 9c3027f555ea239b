"""How the story editor's fields differ from the admin's defaults: no pop-up windows, and
rows that fetch what they show together rather than one query each."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.widgets import (
    AutocompleteMixin,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
    RelatedFieldWidgetWrapper,
)
from django.forms import ModelChoiceField


def without_popups(formfield: Any) -> Any:
    """The editor adds sources and people in place: no "+" or pencil opening a window."""
    if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
        wrapper = formfield.widget
        wrapper.can_add_related = wrapper.can_change_related = False
        wrapper.can_view_related = wrapper.can_delete_related = False
    return formfield


class ChosenLabels:
    """The labels of what every row of one formset has chosen in one field, fetched together
    on first use: an autocomplete in each of fifty rows would otherwise ask once per row."""

    def __init__(self, formset: Any, name: str, model: Any) -> None:
        self.formset, self.name, self.model = formset, name, model
        self._labels: dict[str, str] | None = None

    def __getitem__(self, pk: str) -> str | None:
        if self._labels is None:
            chosen: set[str] = set()
            for form in self.formset.forms:
                value = form[self.name].value()
                values = value if isinstance(value, (list, tuple)) else [value]
                chosen.update(str(v) for v in values if v not in (None, ""))
            found = self.model.objects.filter(pk__in=[v for v in chosen if v.isdigit()])
            self._labels = {str(obj.pk): str(obj) for obj in found}
        return self._labels.get(pk)


class SharedLabelsMixin:
    """An autocomplete that names its chosen options from its formset's ChosenLabels."""

    labels: ChosenLabels | None = None

    def optgroups(self, name: str, value: Any, attr: Any = None) -> list:
        if self.labels is None:
            return super().optgroups(name, value, attr)  # type: ignore[misc]
        options: list = []
        if not self.is_required and not self.allow_multiple_selected:  # type: ignore[attr-defined]
            options.append(self.create_option(name, "", "", False, 0))  # type: ignore[attr-defined]
        for pk in dict.fromkeys(str(v) for v in value if v not in (None, "")):
            label = self.labels[pk]
            if label is not None:
                index = len(options)
                options.append(self.create_option(name, pk, label, True, index))  # type: ignore[attr-defined]
        return [(None, options, 0)]


class RowAutocompleteSelect(SharedLabelsMixin, AutocompleteSelect):
    pass


class RowAutocompleteSelectMultiple(SharedLabelsMixin, AutocompleteSelectMultiple):
    pass


def share_choices(formset: Any, form: Any, cache: dict) -> None:
    """Let the rows of `formset` share what their choice fields show: one query per field,
    not one per row."""
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)  # inside the popup wrapper
        if isinstance(widget, AutocompleteMixin):
            shared = (
                RowAutocompleteSelectMultiple
                if widget.allow_multiple_selected
                else RowAutocompleteSelect
            )
            if not isinstance(widget, shared):
                widget.__class__ = shared
            if name not in cache:
                cache[name] = ChosenLabels(formset, name, field.queryset.model)
            widget.labels = cache[name]
        elif isinstance(field, ModelChoiceField) and not field.widget.is_hidden:
            if name not in cache:
                cache[name] = list(field.choices)
            field.choices = cache[name]
