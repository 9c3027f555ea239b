"""Policies and the publisher in the admin: plain configuration over trust.editing.

Saving goes through trust.editing, which refuses anyone but editors; the admin's own
permission checks only hide what the service would refuse.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import editing
from .models import Policy, Publisher


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ("__str__", "is_shown", "updated_at")
    fields = ("kind", "summary", "body")
    ordering = ("kind",)

    @admin.display(boolean=True, description=_("on the site"))
    def is_shown(self, obj: Policy) -> bool:
        return obj.is_filled

    def get_readonly_fields(self, request: HttpRequest, obj: Policy | None = None) -> Any:
        # The kind is the page's address: fixed once the record exists.
        return ("kind",) if obj is not None else ()

    def save_model(self, request: HttpRequest, obj: Policy, form: Any, change: bool) -> None:
        editing.save_policy(obj, request.user)

    def delete_model(self, request: HttpRequest, obj: Policy) -> None:
        editing.delete_policy(obj, request.user)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for policy in queryset:
            editing.delete_policy(policy, request.user)


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    fields = ("name", "founding_date", "same_as", "trust_txt")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not Publisher.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> Any:
        """One record: the list goes straight to it (or to adding it)."""
        existing = Publisher.objects.first()
        if existing is not None:
            return HttpResponseRedirect(reverse("admin:trust_publisher_change", args=[existing.pk]))
        if self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:trust_publisher_add"))
        return super().changelist_view(request, extra_context)

    def save_model(self, request: HttpRequest, obj: Publisher, form: Any, change: bool) -> None:
        editing.save_publisher(obj, request.user)
