"""Forms for the workflow actions in the admin (the note, the publication time)."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoteForm(forms.Form):
    """Send back and unpublish: the author is told why."""

    note = forms.CharField(
        label=_("Note to the author"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=5000,
    )


class PublishForm(forms.Form):
    """Publish now, or schedule: the story goes live at that time without any cron job."""

    WHEN_NOW = "now"
    WHEN_LATER = "later"

    when = forms.ChoiceField(
        label=_("When"),
        choices=[(WHEN_NOW, _("Publish now")), (WHEN_LATER, _("Schedule for a time"))],
        initial=WHEN_NOW,
        widget=forms.RadioSelect,
    )
    at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        help_text=_("Local time (%(tz)s), e.g. 2026-12-01 07:30.")
        % {"tz": timezone.get_default_timezone_name()},
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("when") == self.WHEN_LATER and not data.get("at"):
            self.add_error("at", _("Choose when the story should go live."))
        return data

    def publish_at(self) -> datetime | None:
        if self.cleaned_data.get("when") == self.WHEN_LATER:
            return self.cleaned_data["at"]
        return None
