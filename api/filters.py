"""The stories list's filters and the withdrawals feed's `since`, as django-filter FilterSets.

Values that match nothing (an unknown section, a person quoted only in drafts) give an empty
list, not an error: a 400 for "no such section" next to an empty list for "section with only
drafts" would tell a client which hidden things exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField

from articles.models import Article, Byline, Quote, StorySource, WorkflowEvent
from articles.search import MAX_QUERY_LENGTH, search

from .params import as_utc


class InstantField(IsoDateTimeField):
    """An ISO 8601 date and time (a date alone means its midnight, newsroom time)."""

    def to_python(self, value: Any) -> datetime | None:
        instant = super().to_python(value)
        return None if instant is None else as_utc(instant)


class InstantFilter(django_filters.IsoDateTimeFilter):
    field_class = InstantField


class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class StoryFilter(django_filters.FilterSet):
    section = SlugFilter(field_name="section__slug", help_text=_("A section's slug."))
    tag = SlugFilter(field_name="tags__slug", help_text=_("A tag's slug."))
    author = django_filters.CharFilter(
        method="filter_author", max_length=150, help_text=_("A byline author's username.")
    )
    person = SlugFilter(method="filter_person", help_text=_("The slug of a person quoted."))
    source = IdFilter(
        method="filter_source", min_value=1, max_value=2**63 - 1, help_text=_("A source's id.")
    )
    published_after = InstantFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text=_("Published at or after this time (ISO 8601)."),
    )
    published_before = InstantFilter(
        field_name="published_at",
        lookup_expr="lt",
        help_text=_("Published before this time (ISO 8601)."),
    )
    updated_since = InstantFilter(
        method="filter_updated_since",
        help_text=_("Changed for readers (published, corrected, updated) at or after (ISO 8601)."),
    )
    q = django_filters.CharFilter(
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Words the story contains (the archive's search)."),
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_author(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        bylined = Byline.objects.filter(article=OuterRef("pk"), author__username=value)
        return queryset.filter(Exists(bylined))

    def filter_person(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        quoted = Quote.objects.filter(article=OuterRef("pk"), speaker__slug=value)
        return queryset.filter(Exists(quoted))

    def filter_source(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        listed = StorySource.objects.filter(article=OuterRef("pk"), source_id=value)
        return queryset.filter(Exists(listed))

    def filter_updated_since(self, queryset: QuerySet, name: str, value: datetime) -> QuerySet:
        return queryset.changed_publicly_since(value)

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search(queryset, value)


class WithdrawalFilter(django_filters.FilterSet):
    since = InstantFilter(
        field_name="at",
        lookup_expr="gte",
        required=True,
        help_text=_("Withdrawn at or after this time (ISO 8601)."),
    )

    class Meta:
        model = WorkflowEvent
        fields: list[str] = []
