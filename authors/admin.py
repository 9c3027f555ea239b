"""Author profiles in the admin: editors see and edit every profile; a writer sees only their
own and cannot change whose it is. The rules are authors.editing's, which save_model calls."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .editing import can_edit, edits_any, save_profile
from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "slug", "role", "is_public"]
    list_filter = ["is_public"]
    search_fields = ["display_name", "slug", "role", "beat"]
    # A plain select, labelled by its field (the admin's autocomplete widget has no
    # accessible name outside the story editor).
    fieldsets = [
        (None, {"fields": ["user", "display_name", "slug", "is_public"]}),
        (_("About"), {"fields": ["role", "bio", "beat", "expertise", "location", "languages"]}),
        (_("Photo, links and contact"), {"fields": ["photo", "links", "contact"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        profiles = super().get_queryset(request).select_related("user")
        if edits_any(request.user):
            return profiles
        return profiles.filter(user=request.user)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if edits_any(request.user) else ["user"]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "user":
            # Editors choose among staff accounts with no profile yet (or this one's).
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request: HttpRequest) -> bool:
        if not super().has_add_permission(request):
            return False
        return edits_any(request.user) or not Profile.objects.filter(user=request.user).exists()

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or can_edit(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return edits_any(request.user) and super().has_delete_permission(request, obj)

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> type[ModelForm]:
        form = super().get_form(request, obj, **kwargs)
        if edits_any(request.user) or obj is not None:
            return form

        class OwnProfileForm(form):  # type: ignore[valid-type,misc]
            """A writer's new profile is theirs: the model's checks must see its owner."""

            def __init__(self, *args: Any, **kw: Any) -> None:
                super().__init__(*args, **kw)
                self.instance.user = request.user

        return OwnProfileForm

    def save_model(self, request: HttpRequest, obj: Profile, form: Any, change: bool) -> None:
        if not edits_any(request.user) and not change:
            obj.user = request.user
        save_profile(request.user, obj)
