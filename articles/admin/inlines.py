"""A story's parts on its admin form, in the order of the form: bylines, takeaways, the source
list, claims, impact items, quotes, and the read-only corrections and workflow history.

Each part is editable exactly when the story is (workflow.can), and rows that change
position are parked out of the way during a save, so reordering never trips the
unique-position constraints.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .. import workflow
from ..models import (
    Article,
    Byline,
    Claim,
    Correction,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StorySource,
    WorkflowEvent,
)
from .widgets import share_choices, without_popups

# Where rows whose position changes wait during a save, clear of every real position.
_PARKING_POSITION = 30000


class OrderedInlineFormSet(BaseInlineFormSet):
    """Rows with a position: reordering and swapping must not trip the unique constraint."""

    def clean(self) -> None:
        super().clean()
        # Django quietly skips a posted row id that is not one of this story's rows; say so
        # instead, so a crafted or stale form is refused rather than half-saved.
        for form in self.initial_forms:
            if form.instance.pk is None and self.data.get(form.add_prefix(self._pk_field.name)):
                raise ValidationError(
                    _("A row in “%(parts)s” does not belong to this story. Reload the page.")
                    % {"parts": self.model._meta.verbose_name_plural}
                )

    def _construct_form(self, i: int, **kwargs: Any) -> Any:
        form = super()._construct_form(i, **kwargs)
        share_choices(self, form, self.__dict__.setdefault("_shared_choices", {}))
        return form

    def save(self, commit: bool = True) -> list:
        if commit:
            moving = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk
                and (self._should_delete_form(form) or "position" in form.changed_data)
            ]
            for offset, pk in enumerate(moving):
                self.model.objects.filter(pk=pk).update(position=_PARKING_POSITION + offset)
        return super().save(commit)


class PartForm(forms.ModelForm):
    """A row of the editor. Its position is kept by the page's order, never typed; a new row
    the person added and left empty is ignored, even though the page numbered it (and, for a
    claim, gave it the status of the section it was added under)."""

    SET_BY_THE_PAGE = ("position", "status", "is_pull")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "position" in self.fields:
            self.fields["position"].widget = forms.HiddenInput(attrs={"data-position": ""})

    def has_changed(self) -> bool:
        if self.instance.pk:
            return super().has_changed()
        return any(name not in self.SET_BY_THE_PAGE for name in self.changed_data)


class StoryPartInline(admin.TabularInline):
    """A part of a story: editable exactly when the story is (workflow.can). The editor adds
    rows where they go, so no blank row waits at the end of each list."""

    extra = 0
    form = PartForm
    formset = OrderedInlineFormSet

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        return without_popups(super().formfield_for_dbfield(db_field, request, **kwargs))

    def _story_editable(self, request: HttpRequest, obj: Article | None) -> bool:
        return obj is None or workflow.can(request.user, workflow.CHANGE, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and self._story_editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._story_editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._story_editable(request, obj)


class BylineInline(StoryPartInline):
    model = Byline
    fields = ["position", "author", "credit"]
    extra = 0

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        if db_field.name == "author":
            # Today's writers, and anyone already bylined: a byline of someone who has left
            # the newsroom must still save.
            writers = Q(groups__permissions__codename="add_article") | Q(is_superuser=True)
            current = Q(writers, is_active=True) | Q(bylines__isnull=False)
            kwargs["queryset"] = get_user_model().objects.filter(current).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class KeyTakeawayInline(StoryPartInline):
    model = KeyTakeaway
    fields = ["position", "text"]
    formfield_overrides = {
        KeyTakeaway._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


class ImpactItemInline(StoryPartInline):
    model = ImpactItem
    fields = ["position", "label", "text"]
    formfield_overrides = {
        ImpactItem._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


class StorySourceInline(StoryPartInline):
    model = StorySource
    fields = ["position", "source"]
    autocomplete_fields = ["source"]
    verbose_name_plural = _("Sources (the story's list; cited sources are added automatically)")


class ClaimInline(StoryPartInline):
    model = Claim

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).prefetch_related("sources")

    fields = ["position", "status", "text", "sources"]
    autocomplete_fields = ["sources"]
    formfield_overrides = {
        Claim._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 60})
        }
    }


class QuoteFormSet(OrderedInlineFormSet):
    """At most one pull quote per story, and moving it between quotes saves cleanly."""

    def clean(self) -> None:
        super().clean()
        pulls = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not self._should_delete_form(form)
            and form.cleaned_data.get("is_pull")
        ]
        if len(pulls) > 1:
            raise ValidationError(_("A story has one pull quote; tick it on one quote only."))

    def save(self, commit: bool = True) -> list:
        if commit:
            unpulled = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk and "is_pull" in form.changed_data
            ]
            Quote.objects.filter(pk__in=unpulled).update(is_pull=False)
        return super().save(commit)


class QuoteInline(StoryPartInline):
    model = Quote
    formset = QuoteFormSet
    fields = ["position", "is_pull", "speaker", "role", "text", "said_on", "source", "context"]
    autocomplete_fields = ["speaker", "source"]
    formfield_overrides = {
        Quote._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 60})
        }
    }


class CorrectionInline(admin.StackedInline):
    """Corrections are public notes, added by saving a live story as a correction; nobody
    changes or deletes them from the admin."""

    model = Correction
    fields = ["created_at", "text"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("Corrections (saving a live story as a correction adds one)")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class WorkflowEventInline(admin.TabularInline):
    """The story's history: who moved it, when, and their note. Read-only."""

    model = WorkflowEvent
    fields = ["at", "action", "from_status", "to_status", "actor_name", "note", "scheduled_for"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Workflow history")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True  # whoever may open the story may read its history
