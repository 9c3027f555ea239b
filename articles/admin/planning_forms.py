"""The planning view's two forms: the filters (section, person, status) and a story's plan.

Both take the list of people once per page (articles.planning.assignable), so neither the
filter nor the row forms query the database for their choices: the page costs the same
number of queries however many stories it lists.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from staff.names import display_name

from .. import planning
from ..models import Article, Section

Status = Article.Status
SCHEDULED = "scheduled"


def people_choices(people: list[Any]) -> list[tuple[str, str]]:
    return [(str(person.pk), display_name(person)) for person in people]


class PlanningFilter(django_filters.FilterSet):
    """Section, person (assigned, created or bylined) and status; a value that is not a
    choice is named in the form's errors and the other filters still apply."""

    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.order_by("name"), label=_("Section"), empty_label=_("All")
    )
    person = django_filters.ChoiceFilter(
        label=_("Person"), empty_label=_("Everyone"), method="filter_person"
    )
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        empty_label=_("Any"),
        choices=[
            (Status.DRAFT, _("Draft")),
            (Status.REVIEW, _("In review")),
            (SCHEDULED, _("Scheduled")),
        ],
        method="filter_state",
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args: Any, people: list[Any], show_person: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        if show_person:
            self.filters["person"].extra["choices"] = people_choices(people)
        else:
            del self.filters["person"]

    def filter_person(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return planning.worked_on_by(queryset, self.people[value]) if value else queryset

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == SCHEDULED:
            return queryset.filter(status=Status.PUBLISHED)
        return queryset.filter(status=value) if value else queryset


class PlanForm(forms.Form):
    """One story's plan, as the planning view's row posts it."""

    story = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**53)
    planned_for = forms.DateField(
        label=_("Planned for"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    assignees = forms.MultipleChoiceField(
        label=_("Assignees"), required=False, widget=forms.CheckboxSelectMultiple
    )
    planning_note = forms.CharField(
        label=_("Planning note"), required=False, max_length=planning.NOTE_MAX_LENGTH
    )

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        self.fields["assignees"].choices = people_choices(people)

    @classmethod
    def for_story(cls, article: Article, people: list[Any]) -> PlanForm:
        """The story's plan as it stands, unbound, with ids unique to its row."""
        return cls(
            people=people,
            auto_id=f"id_plan{article.pk}_%s",
            initial={
                "story": article.pk,
                "planned_for": article.planned_for,
                "assignees": [str(person.pk) for person in article.assignees.all()],
                "planning_note": article.planning_note,
            },
        )

    def chosen_people(self) -> list[Any]:
        return [self.people[pk] for pk in self.cleaned_data["assignees"]]
