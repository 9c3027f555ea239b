"""Forms for the admin: the story's change form (bound to the version it was opened at; a
correction or an update for a live story), and the workflow actions (note, publication time)."""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import editing, workflow
from .models import Article, PreviewLink

PUBLIC_CHANGES = [
    (editing.CORRECTION, _("A correction: readers see a note saying what was wrong")),
    (editing.UPDATE, _("A minor update: only the “updated” time moves")),
]


class PublicChangeFields(forms.Form):
    """A live story's change is a correction (with its public note) or a minor update."""

    change = forms.ChoiceField(
        label=_("This change to a live story is"),
        choices=PUBLIC_CHANGES,
        widget=forms.RadioSelect,
        required=False,
    )
    correction = forms.CharField(
        label=_("Correction (shown to readers)"),
        help_text=_("What was wrong and what is right now. It can never be deleted."),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        required=False,
        max_length=2000,
    )

    def drop_public_change(self) -> None:
        del self.fields["change"], self.fields["correction"]

    def check_public_change(self, data: dict) -> None:
        if "change" not in self.fields:
            return
        try:
            editing.check_public_change(data.get("change", ""), data.get("correction", ""))
        except ValidationError as error:
            self.add_error("correction" if error.code == "correction" else "change", error)


class ArticleForm(PublicChangeFields, forms.ModelForm):
    """The story form. It carries the version it was opened at: a save is refused if anyone
    saved the story (or any of its parts) since, with who and when (no lost updates). It only
    validates; the admin saves through articles.editing."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    overwrite = forms.BooleanField(
        label=_("Save my version anyway, replacing their changes"), required=False
    )

    class Meta:
        model = Article
        fields = ["headline"]  # the admin passes the fields of its fieldsets

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conflict: editing.Conflict | None = None
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        if not (self.instance.pk and self.instance.is_live):
            self.drop_public_change()
        self._size_text_boxes()

    # The editor's boxes, sized for what each holds; a headline wraps instead of running off.
    ROWS = {"headline": 2, "standfirst": 3, "context": 8, "bottom_line": 3, "methods": 4}

    def _size_text_boxes(self) -> None:
        for name, rows in self.ROWS.items():
            field = self.fields.get(name)
            if field is not None:
                attrs = {**field.widget.attrs, "rows": rows, "cols": 60}
                field.widget = forms.Textarea(attrs=attrs)

    def clean_headline(self) -> str:
        # Typed in a box that wraps, a headline is still one line.
        return " ".join(self.cleaned_data["headline"].split())

    @property
    def changed_data(self) -> list[str]:
        """The story's own fields only: the change message names what was edited."""
        own = ("loaded_version", "seen_version", "overwrite", "change", "correction")
        return [name for name in super().changed_data if name not in own]

    def clean(self) -> dict:
        data = super().clean()
        if self.instance.pk:
            self._check_version(data)
            self.check_public_change(data)
        return data

    def _check_version(self, data: dict) -> None:
        """The version the form was opened at must still be the story's (or, after seeing a
        conflict, the one shown then, to overwrite it deliberately). The editing service
        checks again under the row lock when it saves."""
        loaded = data.get("loaded_version")
        if loaded is None:
            raise ValidationError(
                _("This form does not say which version of the story it was opened at. Reload it."),
                code="version",
            )
        self.conflict = editing.conflict(self.instance, self.vouched_version())
        if self.conflict is not None:
            raise ValidationError(self.conflict.message(), code="conflict")

    def vouched_version(self) -> int | None:
        """The version whoever saves vouches for: the one opened, or the one overwritten."""
        data = self.cleaned_data
        if data.get("overwrite") and data.get("seen_version") is not None:
            return data["seen_version"]
        return data.get("loaded_version")


class RestoreForm(PublicChangeFields):
    """Restore an old revision: bound to the version compared, and for a live story, the
    same correction-or-update choice as any other change."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, live: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not live:
            self.drop_public_change()

    def clean(self) -> dict:
        data = super().clean()
        self.check_public_change(data)
        return data


class PreviewLinkForm(forms.ModelForm):
    """Share an unpublished story: how long the link should work."""

    LIFETIMES = {"1h": timedelta(hours=1), "1d": timedelta(days=1), "3d": timedelta(days=3)}
    LIFETIMES["7d"] = PreviewLink.MAX_LIFETIME

    lifetime = forms.ChoiceField(
        label=_("The link works for"),
        choices=[
            ("1h", _("one hour")),
            ("1d", _("one day")),
            ("3d", _("three days")),
            ("7d", _("seven days")),
        ],
        initial="1d",
    )

    class Meta:
        model = PreviewLink
        fields = ["article"]

    def save(self, commit: bool = True) -> PreviewLink:
        link = super().save(commit=False)
        link.created_at = timezone.now()
        link.expires_at = link.created_at + self.LIFETIMES[self.cleaned_data["lifetime"]]
        if commit:
            link.save()
        return link


class NoteForm(forms.Form):
    """Send back and unpublish: the author is told why."""

    note = forms.CharField(
        label=_("Note to the author"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=workflow.NOTE_MAX_LENGTH,
    )


class SubmitForm(forms.Form):
    """Submit for review: what the author wants the editor to know (a late source, a doubt)."""

    note = forms.CharField(
        label=_("Note to the editor (optional)"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=workflow.NOTE_MAX_LENGTH,
        required=False,
    )

    def __init__(self, *args: Any, answering: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if answering:  # the story came back with an editor's note, shown above the field
            self.fields["note"].label = _("Your answer (optional)")


class PublishForm(forms.Form):
    """Publish now, or schedule: the story goes live at that time without any cron job."""

    WHEN_NOW = "now"
    WHEN_LATER = "later"

    # The version the editor reviewed: publishing a story changed since is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
