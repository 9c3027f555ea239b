"""The form editors choose a page's stories with: the lead, then MAX_PINS rows of top stories,
each a story found by searching published headlines and an optional end time.

Rows keep their order in a hidden `order` field: the move buttons renumber it (with the page's
script, in place; without it, by posting the form back unsaved), and the rows are read and
shown in that order. The rules are articles.curation's; this form only collects the choice
and puts the service's refusals beside the rows they are about.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..curation import LEAD, Choice, Slot, pin_key
from ..models import MAX_PINS, Article, Pin
from .widgets import RowAutocompleteSelect

UP = "up"
DOWN = "down"


def is_story_id(value: object) -> bool:
    """Whether a posted value can be a story's id: digits the database's integers can hold
    (a longer number made SQLite raise OverflowError, a 500, before any lookup)."""
    text = str(value)
    return text.isdigit() and len(text) <= 18


class StoryChoiceField(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not is_story_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class StoryLabels:
    """The headlines of the stories every row has chosen, fetched together on first use (for
    the rows' autocompletes, articles.admin.widgets.SharedLabelsMixin)."""

    def __init__(self, rows: list[forms.Form]) -> None:
        self.rows = rows
        self._headlines: dict[str, str] | None = None

    def __getitem__(self, pk: str) -> str | None:
        if self._headlines is None:
            chosen = {str(form["story"].value()) for form in self.rows}
            ids = [int(value) for value in chosen if is_story_id(value)]
            found = Article.objects.filter(pk__in=ids).values_list("pk", "headline")
            self._headlines = {str(pk): headline for pk, headline in found}
        return self._headlines.get(pk)


def _time_field(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        help_text=_("Local time (%(tz)s). Empty: until you change it.")
        % {"tz": timezone.get_default_timezone_name()},
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )


class SlotForm(forms.Form):
    """One chosen story and when it stops being shown."""

    until = _time_field(_("until"))
    # Read leniently (see _number): a row out of place is not an error worth a message.
    order = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, admin_site: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Any story may be posted; the service refuses one that is not published, by name.
        widget = RowAutocompleteSelect(Pin._meta.get_field("story"), admin_site)
        story = StoryChoiceField(
            queryset=Article.objects.all(), required=False, label=_("story"), widget=widget
        )
        self.fields = {"story": story, **self.fields}

    def slot(self) -> Slot | None:
        story = self.cleaned_data.get("story")
        return Slot(story, self.cleaned_data.get("until")) if story else None


class LeadForm(SlotForm):
    # The version of the choice the editor started from (articles.curation: expected_version).
    version = forms.CharField(widget=forms.HiddenInput, required=False)


PinFormSet = forms.formset_factory(
    SlotForm, extra=MAX_PINS, max_num=MAX_PINS, absolute_max=MAX_PINS, validate_max=True
)


class CurationForm:
    """The lead form and the top stories' formset, read and shown as one choice."""

    def __init__(
        self, admin_site: Any, data: QueryDict | None = None, choice: Choice | None = None
    ) -> None:
        kwargs = {"admin_site": admin_site}
        lead_initial: dict[str, Any] = {}
        pins_initial: list[dict[str, Any]] = []
        if choice is not None:
            if choice.lead is not None:
                lead_initial = {"story": choice.lead.story_id, "until": _local(choice.lead)}
            pins_initial = [{"story": pin.story_id, "until": _local(pin)} for pin in choice.pins]
            lead_initial["version"] = choice.version
        pins_initial += [{} for _ in range(MAX_PINS - len(pins_initial))]
        for number, row in enumerate(pins_initial, start=1):
            row["order"] = number
        self.lead = LeadForm(data, prefix="lead", initial=lead_initial, **kwargs)
        self.pins = PinFormSet(data, prefix="pins", initial=pins_initial, form_kwargs=kwargs)
        self.page_errors: list[str] = []
        # The rows' autocompletes name their chosen stories with one query between them.
        labels = StoryLabels(self.forms)
        for form in self.forms:
            form.fields["story"].widget.labels = labels

    @property
    def forms(self) -> list[SlotForm]:
        return [self.lead, *self.pins.forms]

    @property
    def media(self) -> forms.Media:
        return self.lead.media

    def rows(self) -> list[SlotForm]:
        """The top stories' rows in their order (as numbered by the move buttons)."""
        numbered = sorted(enumerate(self.pins.forms), key=lambda row: (_order(row[1]), row[0]))
        return [form for _index, form in numbered]

    def is_valid(self) -> bool:
        lead_valid, pins_valid = self.lead.is_valid(), self.pins.is_valid()
        self.page_errors += [str(error) for error in self.pins.non_form_errors()]
        return lead_valid and pins_valid

    def choice(self) -> tuple[Slot | None, list[tuple[SlotForm, Slot]]]:
        """The lead and the chosen rows, blank rows left out (after is_valid)."""
        chosen = [(form, form.slot()) for form in self.rows()]
        return self.lead.slot(), [(form, slot) for form, slot in chosen if slot is not None]

    def expected_version(self) -> int | None:
        return _number(self.lead.cleaned_data.get("version"))

    def show_refusal(self, error: ValidationError, pin_forms: list[SlotForm]) -> None:
        """Put each of the service's problems beside its row (see curation.pin_key)."""
        places = {LEAD: self.lead}
        places.update({pin_key(n): form for n, form in enumerate(pin_forms, start=1)})
        if not hasattr(error, "error_dict"):
            self.page_errors += error.messages
            return
        for key, problems in error.message_dict.items():
            form = places.get(key)
            if form is None:
                self.page_errors += problems
            else:
                for problem in problems:
                    form.add_error("story", problem)


def moved(data: QueryDict, move: str) -> QueryDict | None:
    """The posted form with one row moved up or down, or None if nothing moved: `move` is
    "up:<prefix>" or "down:<prefix>" of a row (a row at the end stays where it is)."""
    direction, _sep, prefix = move.partition(":")
    prefixes = [f"pins-{n}" for n in range(MAX_PINS)]
    if direction not in (UP, DOWN) or prefix not in prefixes:
        return None

    def order(p: str) -> tuple[int, int]:
        return (_number(data.get(f"{p}-order")) or 0, prefixes.index(p))

    rows = sorted(prefixes, key=order)
    at = rows.index(prefix)
    to = at - 1 if direction == UP else at + 1
    if not 0 <= to < len(rows):
        return None
    rows[at], rows[to] = rows[to], rows[at]
    data = data.copy()
    for number, p in enumerate(rows, start=1):
        data[f"{p}-order"] = str(number)
    return data


def _order(form: SlotForm) -> int:
    return _number(form["order"].value()) or 0


def _number(value: object) -> int | None:
    """A small whole number posted in a hidden field, or None for anything else."""
    text = "" if value is None else str(value).strip()
    return int(text) if text.isdigit() and len(text) <= 9 else None


def _local(pin: Pin) -> str | None:
    if pin.until is None:
        return None
    return timezone.localtime(pin.until).strftime("%Y-%m-%dT%H:%M")
