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


class StoryImportForm(forms.Form):
    """Paste a story's text, or upload it as a .txt file (see README, "Importing stories")."""

    MAX_BYTES = 1_000_000

    text = forms.CharField(
        label=_("Story text"),
        required=False,
        max_length=MAX_BYTES,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 24, "cols": 90}),
    )
    upload = forms.FileField(
        label=_("…or a .txt file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".txt,text/plain"}),
    )

    def clean_upload(self) -> bytes | None:
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        if not upload.name.lower().endswith(".txt"):
            raise forms.ValidationError(_("Choose a plain-text file ending in .txt."))
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(kb)d KB; a story is much smaller.")
                % {"kb": self.MAX_BYTES // 1000}
            )
        return upload.read()

    def clean(self) -> dict:
        data = super().clean()
        text, upload = data.get("text"), data.get("upload")
        if text and upload is not None:
            raise forms.ValidationError(_("Paste the text or choose a file, not both."))
        if not (text and text.strip()) and upload is None and not self.errors:
            raise forms.ValidationError(_("Paste the story's text or choose a .txt file."))
        return data

    def story_data(self) -> bytes | str:
        upload = self.cleaned_data.get("upload")
        return upload if upload is not None else self.cleaned_data["text"]

    def origin(self) -> str:
        upload = self.files.get(self.add_prefix("upload"))
        return upload.name if self.cleaned_data.get("upload") is not None else ""
