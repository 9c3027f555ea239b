"""The newsroom's library of sources and people, as the story desk uses it: how many stories
list each source or quote each person, and which stories stop a delete (PROTECT)."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from sources.models import Person, Source

from ..models import Article
from .bounded_search import BoundedSearchMixin


class NamesStoriesInUseMixin:
    """A delete refused because stories use the object names those stories (E7)."""

    story_lookups: tuple[str, ...] = ()

    def get_deleted_objects(self, objs, request: HttpRequest):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(  # type: ignore[misc]
            objs, request
        )
        if protected:
            using = Q()
            for lookup in self.story_lookups:
                using |= Q(**{f"{lookup}__in": objs})
            stories = Article.objects.filter(using).distinct().order_by("headline")
            protected = [
                *(
                    _("Story: “%(headline)s” (%(status)s)")
                    % {"headline": story.headline, "status": story.get_status_display()}
                    for story in stories
                ),
                *protected,
            ]
        return deleted, counts, perms_needed, protected


@admin.register(Source)
class SourceAdmin(NamesStoriesInUseMixin, BoundedSearchMixin, admin.ModelAdmin):
    story_lookups = ("source_entries__source", "claims__sources", "quotes__source")
    list_display = ["title", "publisher", "kind", "published_on", "story_count"]
    list_filter = ["kind"]
    search_fields = ["title", "publisher", "url"]
    fields = ["title", "publisher", "url", "kind", "published_on", "accessed_on", "notes"]
    # Counting stories groups the query, which drops Meta.ordering (autocomplete order).
    ordering = ["title"]
    # An address typed without a scheme is https://, not http:// (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(stories=Count("story_entries"))

    @admin.display(description=_("stories"), ordering="stories")
    def story_count(self, obj: Source) -> int:
        return obj.stories


@admin.register(Person)
class PersonAdmin(NamesStoriesInUseMixin, BoundedSearchMixin, admin.ModelAdmin):
    story_lookups = ("quotes__speaker",)
    list_display = ["name", "role", "organization", "quote_count"]
    search_fields = ["name", "organization", "role"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["name"]  # as for sources: the quote count groups the query

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(quotes_n=Count("quotes"))

    @admin.display(description=_("quotes"), ordering="quotes_n")
    def quote_count(self, obj: Person) -> int:
        return obj.quotes_n
