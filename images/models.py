"""The picture library: an image, the words readers get with it (alt text, caption, credit),
and its renditions.

Renditions are made once, when the image is stored (images.renditions), and described on the
image's own row, so a page that shows the image needs no query beyond the one that fetched it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL.Image import Image as Picture

from . import uploads
from .renditions import FALLBACK_WIDTH, content_type, delete_files, write


@dataclass(frozen=True)
class Rendition:
    """One stored file of an image: a width in one format, or the social card crop."""

    name: str  # "w480", "w960", "w1600" (or narrower), or "social"
    format: str  # "webp" or "jpeg"
    width: int
    height: int
    file: str  # the storage name, under images/<key>/

    @property
    def url(self) -> str:
        return default_storage.url(self.file)

    @property
    def content_type(self) -> str:
        return content_type(self.file)


# When an image is the library keepers' alone to change, whoever uploaded it: conditions on
# Image rows that other apps add (articles: a story past its draft shows it), so this app
# needs to know nothing of them.
_KEEPERS_ONLY: list[Callable[[], Q]] = []


def keepers_only_when(condition: Callable[[], Q]) -> None:
    """Register a condition under which only the library's keepers may change an image."""
    _KEEPERS_ONLY.append(condition)


def keeps_the_library(user: Any) -> bool:
    """The library's keepers (editors) are those trusted to delete images."""
    return user.has_perm("images.delete_image")


class ImageQuerySet(models.QuerySet):
    def changeable_by(self, user: Any) -> ImageQuerySet:
        """The images whose words `user` may change: keepers any; anyone else who may change
        images only those they uploaded, and none that a keepers-only condition covers.

        A reporter cannot rewrite a colleague's caption, nor the alt text of a picture on a
        story an editor is reviewing or has published: it changes what readers see."""
        if keeps_the_library(user):
            return self.all()
        if not user.has_perm("images.change_image"):
            return self.none()
        mine = self.filter(uploaded_by=user)
        for condition in _KEEPERS_ONLY:
            mine = mine.exclude(condition())
        return mine

    def create_from_upload(self, upload: IO[bytes], **fields: Any) -> Image:
        """Check an uploaded file (images.uploads), then store it with its renditions.

        Raises ValidationError with a message for people when the file is refused.
        """
        picture = uploads.open_image(upload)
        image = self.model(**fields)
        image.store(picture, getattr(upload, "name", "") or "")
        return image


class Image(models.Model):
    class Format(models.TextChoices):
        JPEG = "JPEG", "JPEG"
        PNG = "PNG", "PNG"
        WEBP = "WEBP", "WebP"
        GIF = "GIF", "GIF"

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("original"), max_length=200, editable=False)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_(
            "What the picture shows, for readers who cannot see it (screen readers, slow "
            "connections). Required: a story whose lead image has none cannot be published."
        ),
    )
    caption = models.CharField(
        _("caption"), max_length=1000, blank=True, help_text=_("Shown under the picture.")
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made it, e.g. “Photo: Ada Quayle / Calder Press”."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    format = models.CharField(_("format"), max_length=8, choices=Format.choices, editable=False)
    renditions = models.JSONField(_("renditions"), default=list, editable=False)
    original_name = models.CharField(
        _("uploaded as"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The file's name on the uploader's computer (the stored name is generated)."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="image_alt_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.width}×{self.height})"

    @property
    def label(self) -> str:
        """A short name for people: the alt text, else the caption, else the uploaded name."""
        texts = (" ".join(t.split()) for t in (self.alt_text, self.caption, self.original_name))
        text = next((t for t in texts if t), "")
        if not text:
            return f"#{self.pk}"
        return text if len(text) <= 60 else text[:59].rstrip() + "…"

    @property
    def has_alt_text(self) -> bool:
        return bool(self.alt_text.strip())

    # -- storing ---------------------------------------------------------------------------

    def store(self, picture: Picture, original_name: str = "") -> None:
        """Write the re-encoded original and every rendition, then save the row.

        If the row cannot be saved, the files just written are removed again.
        """
        self.original_name = uploads.clean_name(original_name)
        write(self, picture)
        try:
            with transaction.atomic():
                self.save()
        except Exception:
            delete_files(self.file_names())
            raise

    def file_names(self) -> set[str]:
        """Every storage name this image owns: the original and its renditions."""
        return {self.file.name, *(item["file"] for item in self.renditions)} - {""}

    # -- renditions, as pages use them -----------------------------------------------------

    @cached_property
    def _renditions(self) -> list[Rendition]:
        return [Rendition(**item) for item in self.renditions]

    def widths(self, image_format: str) -> list[Rendition]:
        """The resized copies in one format ("webp" or "jpeg"), narrowest first."""
        found = [r for r in self._renditions if r.name != "social" and r.format == image_format]
        return sorted(found, key=lambda rendition: rendition.width)

    def srcset(self, image_format: str) -> str:
        return ", ".join(f"{r.url} {r.width}w" for r in self.widths(image_format))

    @property
    def webp_srcset(self) -> str:
        return self.srcset("webp")

    @property
    def jpeg_srcset(self) -> str:
        return self.srcset("jpeg")

    @property
    def fallback(self) -> Rendition:
        """The JPEG an old browser loads from `src`: the widest up to 960 px."""
        jpegs = self.widths("jpeg")
        fitting = [r for r in jpegs if r.width <= FALLBACK_WIDTH]
        return (fitting or jpegs)[-1]

    @property
    def thumbnail(self) -> Rendition:
        return self.widths("jpeg")[0]

    @property
    def social(self) -> Rendition:
        """The 1200×630 crop (smaller for a small picture) for link previews and search."""
        return next(r for r in self._renditions if r.name == "social")

    def all_renditions(self) -> list[Rendition]:
        return list(self._renditions)
