"""The planning view's two forms — the filters (section, person, status) and a story's plan —
and the plan's fields on the story form (StoryPlanFields).

The planning view's forms take the list of people once per page (articles.planning.assignable),
so neither the filter nor the row forms query the database for their choices: the page costs
the same number of queries however many stories it lists.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
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


class StoryPlanFields(forms.Form):
    """The plan on the story form, for the story editor's side panel: mixed into the form
    ArticleAdmin builds (PlanningAdminMixin.get_form), saved through articles.planning.plan
    once the story is (PlanningAdminMixin.save_related).

    Read only (disabled: whatever is posted is ignored) for anyone who may not plan and on a
    live story. A plan is saved only from a page that showed it (`plan_shown` posted), so a
    form without the fields never clears a plan. Not part of the story's own changes: the
    change message and the story text leave them out.
    """

    PLAN_FIELDS = ("planned_for", "assignees", "planning_note")
    may_plan = False  # set per request by PlanningAdminMixin.get_form

    plan_shown = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)
    planned_for = forms.DateField(
        label=_("Planned for"),
        required=False,
        help_text=_("The day the desk means to publish it; readers never see this."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    assignees = forms.MultipleChoiceField(
        label=_("Assignees"), required=False, widget=forms.CheckboxSelectMultiple
    )
    planning_note = forms.CharField(
        label=_("Planning note"), required=False, max_length=planning.NOTE_MAX_LENGTH
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = list(planning.assignable())
        self.plan_people = {str(person.pk): person for person in people}
        self.fields["assignees"].choices = people_choices(people)
        article = getattr(self, "instance", None)
        if article is not None and article.pk is not None:
            self.initial.setdefault("planned_for", article.planned_for)
            self.initial.setdefault(
                "assignees", [str(person.pk) for person in article.assignees.all()]
            )
            self.initial.setdefault("planning_note", article.planning_note)
        if not self.may_plan or (article is not None and article.pk and article.is_live):
            for name in self.PLAN_FIELDS:
                self.fields[name].disabled = True

    @property
    def changed_data(self) -> list[str]:
        planned = (*self.PLAN_FIELDS, "plan_shown")
        return [name for name in super().changed_data if name not in planned]

    def plan_changed(self) -> bool:
        """Whether the page showed the plan, and it was changed there."""
        if not (self.may_plan and self.cleaned_data.get("plan_shown")):
            return False
        fields = [name for name in self.PLAN_FIELDS if not self.fields[name].disabled]
        return any(self[name]._has_changed() for name in fields)

    def chosen_plan_people(self) -> list[Any]:
        return [self.plan_people[pk] for pk in self.cleaned_data.get("assignees", [])]

    def clean(self) -> dict:
        data = super().clean()
        if self.plan_changed():
            found = planning.problems(
                self.instance,
                data.get("planned_for"),
                self.chosen_plan_people(),
                (data.get("planning_note") or "").strip(),
            )
            for name, messages in found.items():
                self.add_error(None if name == NON_FIELD_ERRORS else name, messages)
        return data

    def save_plan(self, user: Any, article: Article) -> None:
        """Save the plan typed on the form, if it changed (after the story is saved)."""
        if self.plan_changed():
            planning.plan(
                user,
                article,
                self.cleaned_data.get("planned_for"),
                self.chosen_plan_people(),
                self.cleaned_data.get("planning_note") or "",
            )
