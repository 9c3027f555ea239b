"""The archive's filters: section, tag, author, person quoted, dates, words and order.

Every choice list is built from published stories only, so a name that appears only in a draft
never reaches the form. Sorting is a choice between named orders, never a field name taken
from the request.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from . import navigation
from .models import Article
from .search import MAX_QUERY_LENGTH, search

SORTS = {
    "newest": ("-published_at", "-pk"),
    "oldest": ("published_at", "pk"),
}
SORT_CHOICES = [("newest", _("Newest first")), ("oldest", _("Oldest first"))]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ArchiveFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"), method="search_words", max_length=MAX_QUERY_LENGTH
    )
    section = django_filters.ChoiceFilter(
        field_name="section__slug", label=_("Section"), empty_label=_("All sections")
    )
    tag = django_filters.ChoiceFilter(
        field_name="tags__slug", label=_("Tag"), empty_label=_("All tags")
    )
    author = django_filters.ChoiceFilter(
        field_name="bylines__author__username", label=_("Author"), empty_label=_("All authors")
    )
    person = django_filters.ChoiceFilter(
        field_name="quotes__speaker__slug",
        label=_("Person quoted"),
        empty_label=_("Anyone"),
        distinct=True,
    )
    published_from = django_filters.DateFilter(
        field_name="published_at",
        lookup_expr="date__gte",
        label=_("Published from"),
        widget=_date_input(),
    )
    published_to = django_filters.DateFilter(
        field_name="published_at",
        lookup_expr="date__lte",
        label=_("Published until"),
        widget=_date_input(),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, label=_("Order"), method="sort_stories", empty_label=None
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Each list is read once here: a callable would be read again on every iteration.
        published = Article.objects.published()
        choices = {
            "section": [(section.slug, section.name) for section in navigation.sections()],
            "tag": list(published.tags_used().values_list("slug", "name")),
            "author": [
                (username, f"{first} {last}".strip() or username)
                for username, first, last in published.writers()
                .order_by("last_name", "first_name", "username")
                .values_list("username", "first_name", "last_name")
            ],
            "person": list(
                published.filter(quotes__isnull=False)
                .order_by("quotes__speaker__name")
                .values_list("quotes__speaker__slug", "quotes__speaker__name")
                .distinct()
            ),
        }
        for name, options in choices.items():
            self.filters[name].extra["choices"] = options

    @property
    def is_filtered(self) -> bool:
        """Whether the reader narrowed or reordered the list (not a page for search engines)."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)

    def search_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search(queryset, value)

    def sort_stories(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*SORTS[value])
