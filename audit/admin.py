"""Reading the audit trail in the admin: filter, search, export; never add, change or delete.

What each person sees is audit.reading's answer (Entry.objects.readable_by), so the admin,
the export and any later door show the same rows.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import actions, exporting
from .models import Entry
from .reading import can_read, readable_areas
from .trail import record


class AreaFilter(admin.SimpleListFilter):
    title = _("area")
    parameter_name = "area"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [(area, actions.AREAS[area]) for area in readable_areas(request.user)]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(area=self.value()) if self.value() else queryset


class ActionFilter(admin.SimpleListFilter):
    title = _("action")
    parameter_name = "action"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        areas = readable_areas(request.user)
        return [(code, a.label) for code, a in actions.ACTIONS.items() if a.area in areas]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(action=self.value()) if self.value() else queryset


class ActorFilter(admin.SimpleListFilter):
    """By the login name copied on each entry, so people since deleted can still be chosen."""

    title = _("actor")
    parameter_name = "actor"
    LIMIT = 200

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        names = (
            Entry.objects.readable_by(request.user)
            .exclude(actor_name="")
            .order_by("actor_name")
            .values_list("actor_name", flat=True)
            .distinct()[: self.LIMIT]
        )
        return [(name, name) for name in names]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(actor_name=self.value()) if self.value() else queryset


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    # Few columns, so the target stays readable on a phone; area and origin are filters.
    list_display = ["at", "action_label", "actor_name", "target_label", "address"]
    list_filter = [AreaFilter, ActionFilter, ActorFilter, "origin"]
    date_hierarchy = "at"
    search_fields = ["actor_name", "target_label", "address"]
    list_per_page = 100
    # Counting a long trail on every page is slow; the paginator says "more" instead.
    show_full_result_count = False
    fields = [
        "at",
        "area_label",
        "action_label",
        "actor_name",
        "actor",
        "target_type",
        "object_id",
        "target_label",
        "origin",
        "address",
        "browser",
        "detail_text",
    ]
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return Entry.objects.readable_by(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_read(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None:
            return obj.area in readable_areas(request.user)
        return can_read(request.user)

    # Append-only, for everyone, superusers included.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("area"), ordering="area")
    def area_label(self, entry: Entry) -> str:
        return entry.get_area_display()

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, entry: Entry) -> str:
        return entry.get_action_display()

    @admin.display(description=_("target type"))
    def target_type(self, entry: Entry) -> str:
        if entry.content_type_id is None:
            return "—"
        model = entry.content_type.model_class()
        return str(model._meta.verbose_name) if model else entry.content_type.model

    @admin.display(description=_("detail"))
    def detail_text(self, entry: Entry) -> str:
        text = json.dumps(entry.detail, indent=2, ensure_ascii=False, sort_keys=True, default=str)
        return format_html("<pre>{}</pre>", text)

    def get_urls(self) -> list:
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="audit_entry_export",
        )
        return [export, *super().get_urls()]

    def export_view(self, request: HttpRequest) -> HttpResponse:
        """The entries the changelist shows with the same filters and search, as JSON lines."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            entries = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseBadRequest(_("These filters cannot be read; choose them again."))
        record("audit.exported", request=request, filters=dict(request.GET.items()))
        response = StreamingHttpResponse(
            exporting.json_lines(entries), content_type="application/jsonl; charset=utf-8"
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.jsonl"'
        response["Cache-Control"] = "private, no-store"
        return response
