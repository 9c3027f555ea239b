"""How the story editor's fields differ from the admin's defaults."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.widgets import RelatedFieldWidgetWrapper


def without_popups(formfield: Any) -> Any:
    """The editor adds sources and people in place: no "+" or pencil opening a window."""
    if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
        wrapper = formfield.widget
        wrapper.can_add_related = wrapper.can_change_related = False
        wrapper.can_view_related = wrapper.can_delete_related = False
    return formfield
