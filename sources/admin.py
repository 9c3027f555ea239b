"""Sources, people, and the story parts that cite them (claims, quotes, the source list)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from articles.admin import (
    ArticleAdmin,
    BoundedSearchMixin,
    CorrectionInline,
    ImpactItemInline,
    OrderedInlineFormSet,
    StoryPartInline,
)
from articles.models import Article

from .citations import sync_story_sources
from .models import Claim, Person, Quote, Source, StorySource


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


class StorySourceInline(StoryPartInline):
    model = StorySource
    fields = ["position", "source"]
    autocomplete_fields = ["source"]
    verbose_name_plural = _("Sources (the story's list; cited sources are added automatically)")


class ClaimInline(StoryPartInline):
    model = Claim
    fields = ["position", "status", "text", "sources"]
    autocomplete_fields = ["sources"]
    formfield_overrides = {
        Claim._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 70})
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
    fields = ["position", "is_pull", "speaker", "role", "text", "said_on", "source"]
    autocomplete_fields = ["speaker", "source"]
    formfield_overrides = {
        Quote._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 3, "cols": 50})
        }
    }


ArticleAdmin.add_inlines(StorySourceInline, ClaimInline, before=ImpactItemInline)
ArticleAdmin.add_inlines(QuoteInline, before=CorrectionInline)
ArticleAdmin.add_after_save_hook(sync_story_sources)
