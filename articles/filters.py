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
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
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


class QuickSelect(forms.Select):
    """A <select> written out in Python, with the markup of Django's template.

    The tag, author and person lists run to hundreds of options, and Django renders every
    option through a template of its own (a tenth of a millisecond each, most of the archive's
    rendering time); joined here they cost microseconds.
    """

    def render(
        self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = set(self.format_value(value))
        parts, run = [], []  # a run of plain options is joined in one go
        for group, label in self.choices:
            if isinstance(label, list | tuple):
                parts.append(self._options(run, chosen))
                run = []
                options = self._options(label, chosen)
                parts.append(format_html('<optgroup label="{}">{}</optgroup>', group, options))
            else:
                run.append((group, label))
        parts.append(self._options(run, chosen))
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            format_html_join("", "{}", ((part,) for part in parts)),
        )

    @staticmethod
    def _options(choices: Any, chosen: set[str]) -> SafeString:
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, " selected" if str(value) in chosen else "", label)
                for value, label in choices
            ),
        )


class ArchiveFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"), method="search_words", max_length=MAX_QUERY_LENGTH
    )
    section = django_filters.ChoiceFilter(
        field_name="section__slug",
        label=_("Section"),
        empty_label=_("All sections"),
        widget=QuickSelect,
    )
    tag = django_filters.ChoiceFilter(
        field_name="tags__slug", label=_("Tag"), empty_label=_("All tags"), widget=QuickSelect
    )
    author = django_filters.ChoiceFilter(
        field_name="bylines__author__username",
        label=_("Author"),
        empty_label=_("All authors"),
        widget=QuickSelect,
    )
    person = django_filters.ChoiceFilter(
        field_name="quotes__speaker__slug",
        label=_("Person quoted"),
        empty_label=_("Anyone"),
        distinct=True,
        widget=QuickSelect,
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
        choices=SORT_CHOICES,
        label=_("Order"),
        method="sort_stories",
        empty_label=None,
        widget=QuickSelect,
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
            "person": list(published.people_quoted().order_by("name").values_list("slug", "name")),
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
