"""The stories list's filters and the withdrawals feed's `since`, as django-filter FilterSets.

Values that match nothing (an unknown section, a person quoted only in drafts) give an empty
list, not an error: a 400 for "no such section" next to an empty list for "section with only
drafts" would tell a client which hidden things exist.

Each filter here checks its value with the syntax in api.params and gives the OpenAPI schema
of that same syntax (`openapi_schema`, read by api.schema), so what the schema promises is
what the filter accepts.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Byline, Quote, Section, StorySource, Tag, WorkflowEvent
from articles.search import MAX_QUERY_LENGTH, search
from articles.worktypes import WorkType
from authors.models import Profile
from sources.models import Person

from .params import SLUG, TEXT, anchored, instant_schema, parse_instant, whole_number

MAX_ID = 2**63 - 1


class InstantField(forms.Field):
    """An RFC 3339 time or a date alone (its midnight, newsroom time), as a UTC datetime."""

    default_error_messages = {
        "invalid": _(
            "Enter a date (2026-03-01) or a time with its offset (2026-03-01T09:00:00Z), "
            "in a year from 0002 to 9998."
        )
    }

    def to_python(self, value: str | None) -> datetime | None:
        if value in self.empty_values:
            return None
        instant = parse_instant(value)
        if instant is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return instant


class WholeNumberField(forms.IntegerField):
    """A whole number in ASCII digits, nothing else (no sign, spaces, decimals or `_`)."""

    def to_python(self, value: str | None) -> int | None:
        if value in self.empty_values:
            return None
        number = whole_number(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class InstantFilter(django_filters.Filter):
    """A time bound: an RFC 3339 time, or a date alone."""

    field_class = InstantField
    openapi_schema = instant_schema()


class IdFilter(django_filters.Filter):
    """An id: a whole number from 1 to the largest a 64-bit column holds."""

    field_class = WholeNumberField
    openapi_schema = {"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_ID}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class TextFilter(django_filters.CharFilter):
    """Text as sent (not trimmed), up to `max_length` characters."""

    pattern = TEXT

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, strip=False, **kwargs)

    @property
    def openapi_schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": anchored(self.pattern),
            "maxLength": self.extra["max_length"],
        }


class SlugFilter(TextFilter):
    """A slug (ASCII letters, digits, hyphens, underscores), no longer than its column."""

    field_class = forms.SlugField
    pattern = SLUG


def longest(model: type[Model], field: str) -> int:
    """The column's length: a longer value could never match, so it is refused."""
    return model._meta.get_field(field).max_length


class StoryFilter(django_filters.FilterSet):
    section = SlugFilter(
        field_name="section__slug",
        max_length=longest(Section, "slug"),
        help_text=_("A section's slug."),
    )
    type = django_filters.ChoiceFilter(
        field_name="work_type",
        choices=WorkType.choices,
        help_text=_("A type of work: news, analysis, opinion, explainer, fact-check or review."),
    )
    tag = SlugFilter(
        field_name="tags__slug", max_length=longest(Tag, "slug"), help_text=_("A tag's slug.")
    )
    author = TextFilter(
        method="filter_author",
        max_length=longest(Profile, "slug"),
        help_text=_("A byline author's profile address (slug), as in /authors/<slug>/."),
    )
    person = SlugFilter(
        method="filter_person",
        max_length=longest(Person, "slug"),
        help_text=_("The slug of a person quoted."),
    )
    source = IdFilter(method="filter_source", help_text=_("A source's id."))
    published_after = InstantFilter(
        field_name="published_at",
        lookup_expr="gte",
        help_text=_("Published at or after this time (RFC 3339, or a date: its midnight)."),
    )
    published_before = InstantFilter(
        field_name="published_at",
        lookup_expr="lt",
        help_text=_("Published before this time (RFC 3339, or a date: its midnight)."),
    )
    updated_since = InstantFilter(
        method="filter_updated_since",
        help_text=_(
            "Changed for readers (published, corrected or updated) at or after this time "
            "(RFC 3339, or a date: its midnight)."
        ),
    )
    q = TextFilter(
        method="filter_text",
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Words the story contains (the archive's search)."),
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_author(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        profiles = Profile.objects.public().filter(slug=value)
        bylined = Byline.objects.filter(article=OuterRef("pk"), author__author_profile__in=profiles)
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
        help_text=_("Withdrawn at or after this time (RFC 3339, or a date: its midnight)."),
    )

    class Meta:
        model = WorkflowEvent
        fields: list[str] = []
