"""The archive's filters: section, tag, author, person quoted, dates, words and order.

The tag, author and person are typed, not picked from lists: each list ran to hundreds of
options (slow to write out on every archive page, and hard to use). A reader types a name
and the server finds it among published stories only (so a name that appears only in a draft
is never found); the address keeps the slug (for an author, the profile's address) other
pages link with, and a slug typed or linked finds the same. Sorting is a choice between named
orders, never a field name taken from the request.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from authors.models import Profile

from . import navigation
from .models import Article, Byline, Quote
from .search import MAX_QUERY_LENGTH, search
from .worktypes import WorkType

SORTS = {
    "newest": ("-published_at", "-pk"),
    "oldest": ("published_at", "pk"),
}
SORT_CHOICES = [("newest", _("Newest first")), ("oldest", _("Oldest first"))]


def _invalid_marked(attrs: dict[str, Any]) -> dict[str, Any]:
    """The attributes with the stylesheet's `is-invalid` class on a field that has errors
    (Django's BoundField sets aria-invalid, and points aria-describedby at the errors)."""
    if attrs.get("aria-invalid") == "true":
        attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
    return attrs


class QuickInput(forms.TextInput):
    """An <input> written out in Python, with the markup of Django's template (the archive
    form is on every archive page; through templates its inputs cost more than its stories)."""

    def render(
        self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None
    ) -> SafeString:
        value = self.format_value(value)
        shown = format_html(' value="{}"', value) if value is not None else ""
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            self.input_type,
            name,
            shown,
            flatatt(_invalid_marked(self.build_attrs(self.attrs, attrs))),
        )


class QuickDateInput(QuickInput, forms.DateInput):
    """A date. HTML allows only a real date as its value: anything else (typed into the
    address by hand, as a browser's date picker sends only dates) is left out of the markup,
    and the field's error says the date was not valid."""

    def format_value(self, value: Any) -> str | None:
        shown = super().format_value(value)
        if isinstance(shown, str) and not _is_html_date(shown):
            return None
        return shown


def _is_html_date(text: str) -> bool:
    """Whether `text` is a date as HTML writes it: 2026-03-02."""
    try:
        return len(text) == 10 and date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _date_input() -> forms.DateInput:
    return QuickDateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A <select> written out in Python, with the markup of Django's template.

    Django renders every option through a template of its own (a tenth of a millisecond
    each); joined here they cost microseconds. The archive's section and order lists use it.
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
            flatatt(_invalid_marked(self.build_attrs(self.attrs, attrs))),
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


def published_tag(value: str) -> str | None:
    """The slug of the tag on a published story named `value` (its slug, or its name)."""
    tags = Article.objects.published().tags_used()
    return tags.filter(Q(slug=value) | Q(name__iexact=value)).values_list("slug", flat=True).first()


def published_writer(value: str) -> str | None:
    """The profile address of the writer of a published story named `value` (the address or
    the profile's name). A login name finds nothing: only public profiles are looked in."""
    profiles = Profile.objects.public().filter(user__in=Article.objects.published().writers())
    found = profiles.filter(Q(slug=value) | Q(display_name__iexact=value))
    return found.values_list("slug", flat=True).first()


def published_person(value: str) -> str | None:
    """The slug of the person quoted in a published story named `value` (slug or name)."""
    people = Article.objects.published().people_quoted()
    found = people.filter(Q(slug=value) | Q(name__iexact=value))
    return found.values_list("slug", flat=True).first()


class NameField(forms.CharField):
    """A tag, writer or person typed by name (or by the slug in a link), cleaned to its slug."""

    def __init__(self, *, find: Any = None, unknown: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.find, self.unknown = find, unknown

    def clean(self, value: Any) -> str:
        value = " ".join(super().clean(value).split())
        if not value:
            return ""
        found = self.find(value)
        if found is None:
            raise ValidationError(self.unknown, code="unknown", params={"name": value})
        return found


class NameFilter(django_filters.CharFilter):
    """Stories linked to the tag, writer or person named: `stories(slug)` gives their ids
    from the link's own index, so SQLite checks a short list rather than joining every
    published story to its links (3 ms against 1 ms to count a tag's stories, at 10,000)."""

    field_class = NameField

    def __init__(self, *, stories: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.stories = stories

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return qs.filter(pk__in=self.stories(value)) if value else qs


def _text_input() -> QuickInput:
    return QuickInput(attrs={"class": "form-control"})


def _select() -> QuickSelect:
    return QuickSelect(attrs={"class": "form-select"})


class ArchiveFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"), method="search_words", max_length=MAX_QUERY_LENGTH, widget=_text_input()
    )
    section = django_filters.ChoiceFilter(
        field_name="section__slug",
        label=_("Section"),
        empty_label=_("All sections"),
        widget=_select(),
    )
    type = django_filters.ChoiceFilter(
        field_name="work_type",
        choices=WorkType.choices,
        label=_("Type of work"),
        empty_label=_("All types"),
        widget=_select(),
    )
    tag = NameFilter(
        stories=lambda slug: Article.tags.through.objects.filter(tag__slug=slug).values(
            "article_id"
        ),
        label=_("Tag"),
        find=published_tag,
        unknown=_("No published story has the tag “%(name)s”."),
        widget=_text_input(),
    )
    author = NameFilter(
        stories=lambda slug: Byline.objects.filter(author__author_profile__slug=slug).values(
            "article_id"
        ),
        label=_("Author"),
        find=published_writer,
        unknown=_("No published story is by “%(name)s”."),
        widget=_text_input(),
    )
    person = NameFilter(
        stories=lambda slug: Quote.objects.filter(speaker__slug=slug).values("article_id"),
        label=_("Person quoted"),
        find=published_person,
        unknown=_("No published story quotes “%(name)s”."),
        widget=_text_input(),
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
        widget=_select(),
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sections = [(section.slug, section.name) for section in navigation.sections()]
        self.filters["section"].extra["choices"] = sections

    @property
    def is_filtered(self) -> bool:
        """Whether the reader narrowed or reordered the list (not a page for search engines)."""
        return self.is_bound and any(self.data.get(name) for name in self.filters)

    def search_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search(queryset, value)

    def sort_stories(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*SORTS[value])
