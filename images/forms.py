"""The image library's upload form: the file is checked (images.uploads) before anything is
stored, and a refused file leaves every other field as the person typed it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL.Image import Image as Picture

from . import uploads
from .models import Image


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Picture"),
        help_text=_(
            "A JPEG, PNG, WebP or GIF file. Its location data and camera details are removed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp,.gif"}),
    )

    class Meta:
        model = Image
        fields = ["alt_text", "caption", "credit"]
        widgets = {"caption": forms.Textarea(attrs={"rows": 3, "cols": 70})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.picture: Picture | None = None
        if self.instance.pk:
            del self.fields["upload"]  # a stored picture is fixed; upload a new image instead

    def clean_upload(self) -> Any:
        upload = self.cleaned_data["upload"]
        self.picture = uploads.open_image(upload)
        return upload
