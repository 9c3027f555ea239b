"""Sections and tags: the few fields they have, and how many stories each files."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ..models import Section, Tag
from .bounded_search import BoundedSearchMixin


@admin.register(Section)
class SectionAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "position", "story_count"]
    search_fields = ["name"]
    # Counting stories groups the query, and a grouped query drops Meta.ordering: without this
    # the story form's section autocomplete came back in no particular order.
    ordering = ["position", "name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(stories=Count("articles"))

    @admin.display(description=_("stories"), ordering="stories")
    def story_count(self, obj: Section) -> int:
        return obj.stories


@admin.register(Tag)
class TagAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
