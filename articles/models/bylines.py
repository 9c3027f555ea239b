"""Who wrote a story: its ordered bylines."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from authors.names import public_name, public_profile

from .positions import assign_position

# What a byline's name and link read with it, so a list of bylines costs one query.
WITH_WRITER = ("author", "author__author_profile")


class Byline(models.Model):
    """An author credited on a story, in order."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="bylines",
    )
    credit = models.CharField(
        _("name shown"),
        max_length=120,
        blank=True,
        help_text=_(
            "For someone with no account. A writer's byline shows their profile's name, "
            "else this, else their full name."
        ),
    )
    position = models.PositiveSmallIntegerField(_("order"), blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="byline_position_unique"),
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        assign_position(self)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        """The name readers see: the profile's, else the credit, else the full name."""
        return public_name(self.author, self.credit)

    @property
    def profile(self) -> Any:
        """The writer's public profile (its page), or None."""
        return public_profile(self.author)


def keep_names_of_deleted_writer(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A deleted account's bylines keep the name readers saw, as their credit (the byline's
    author becomes empty): its profile goes with the account."""
    name = public_name(instance)
    Byline.objects.filter(author=instance, credit="").update(credit=name)


def connect_signals() -> None:
    models.signals.pre_delete.connect(
        keep_names_of_deleted_writer,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="byline_keeps_deleted_writer_name",
    )
