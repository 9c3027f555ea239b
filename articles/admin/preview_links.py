"""Preview links: editors share an unpublished story through a signed, expiring link."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

import audit

from .. import roles
from ..forms import PreviewLinkForm
from ..models import PreviewLink


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    """Editors share an unpublished story through a signed, expiring link, and revoke it."""

    form = PreviewLinkForm
    list_display = ["article", "link", "created_by", "created_at", "expires_at", "state"]
    list_filter = [("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "created_by"]
    autocomplete_fields = ["article"]
    readonly_fields = ["link", "created_by", "created_at", "expires_at", "revoked_at"]
    actions = ["revoke_selected"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return roles.is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a link is shared as it was made; it can only be revoked

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the row records who shared what, and when

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["article", "lifetime"] if obj is None else ["article", *self.readonly_fields]

    def save_model(self, request: HttpRequest, obj: PreviewLink, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        audit.record("preview_link.made", target=obj, request=request, expires_at=obj.expires_at)

    def response_add(self, request: HttpRequest, obj: PreviewLink, post_url_continue=None):
        return HttpResponseRedirect(reverse("admin:articles_previewlink_change", args=[obj.pk]))

    @admin.display(description=_("link"))
    def link(self, obj: PreviewLink) -> str:
        if not obj.is_active:
            return "—"
        url = obj.get_absolute_url()
        return format_html('<a href="{}" rel="noreferrer">{}</a>', url, url)

    @admin.display(description=_("state"))
    def state(self, obj: PreviewLink) -> str:
        if obj.revoked_at:
            return _("revoked")
        return _("active") if obj.is_active else _("expired")

    @admin.action(description=_("Revoke selected preview links"))
    def revoke_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        revoking = list(queryset.filter(revoked_at__isnull=True).select_related("article"))
        count = queryset.filter(pk__in=[link.pk for link in revoking]).update(
            revoked_at=timezone.now()
        )
        for link in revoking:
            audit.record("preview_link.revoked", target=link, request=request)
        self.message_user(request, _("%(count)d links revoked.") % {"count": count})
