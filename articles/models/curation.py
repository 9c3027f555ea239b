"""What editors put at the top of a page: the front page's, or one section's, lead story and a
few pinned top stories in order, each until an optional end time; and a log of every change.

Which of these readers see is decided when the page is read (articles.curation.showing): a
story no longer published, or a pin whose end time has passed, is skipped there, so nothing
has to run when a pin expires. The service that changes them is articles.curation.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .article import Article
from .taxonomy import Section

# How many top stories a page may pin beside its lead: enough for a front's top block, few
# enough that the rest of the page still follows the news.
MAX_PINS = 6


def live_stories() -> Q:
    """The stories a pin may point at: those the public may see now (Article.published)."""
    return Q(pk__in=Article.objects.published().values("pk"))


class Curation(models.Model):
    """The editors' choice for one place: the front page (no section) or a section's page."""

    section = models.OneToOneField(
        Section,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="curation",
        help_text=_("Empty for the front page."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True, editable=False)
    # Counts saves, so a page opened before someone else's save cannot quietly undo it.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    class Meta:
        verbose_name = _("front or section page")
        verbose_name_plural = _("front and section pages")
        default_permissions = ()
        constraints = [
            # One row per place; the front page (no section) counts as the place 0.
            models.UniqueConstraint(
                Coalesce("section", models.Value(0)), name="curation_one_per_place"
            ),
        ]

    def __str__(self) -> str:
        return self.section.name if self.section_id else str(_("Front page"))

    def get_absolute_url(self) -> str:
        return self.section.get_absolute_url() if self.section_id else "/"


class PinQuerySet(models.QuerySet):
    def live(self) -> PinQuerySet:
        """Pins whose end time, if any, has not come yet."""
        return self.filter(Q(until__isnull=True) | Q(until__gt=timezone.now()))

    def of_place(self, section: Section | None) -> PinQuerySet:
        if section is None:
            return self.filter(curation__section__isnull=True)
        return self.filter(curation__section=section)

    def next_expiry(self) -> datetime | None:
        """When the next pin's end time comes (None: no pin is waiting to end)."""
        upcoming = self.filter(until__gt=timezone.now())
        return upcoming.aggregate(next=models.Min("until"))["next"]


class Pin(models.Model):
    """One chosen story of a place: the lead (position 0) or a top story (1, 2, … in order)."""

    LEAD = 0

    curation = models.ForeignKey(Curation, on_delete=models.CASCADE, related_name="pins")
    position = models.PositiveSmallIntegerField(_("position"), help_text=_("0 is the lead."))
    story = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="pins",
        limit_choices_to=live_stories,
    )
    until = models.DateTimeField(
        _("until"), null=True, blank=True, help_text=_("Empty: until someone changes it.")
    )

    objects = PinQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("pinned story")
        verbose_name_plural = _("pinned stories")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["curation", "position"], name="pin_one_per_position"),
            # A story is shown once on a page, so it is chosen once for it.
            models.UniqueConstraint(fields=["curation", "story"], name="pin_story_once"),
            models.CheckConstraint(
                condition=Q(position__lte=MAX_PINS), name="pin_position_within_limit"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.curation}: {self.position} {self.story_id}"

    @property
    def is_lead(self) -> bool:
        return self.position == self.LEAD


class CurationChange(models.Model):
    """One saved change to a place's choice, kept for good: who, when, and what it then was."""

    curation = models.ForeignKey(Curation, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The name at the time, so the log still reads right once the account is gone.
    changed_by_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    changed_at = models.DateTimeField(_("when"), default=timezone.now)
    summary = models.TextField(_("the choice after the change"))

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = _("change to a front or section page")
        verbose_name_plural = _("changes to front and section pages")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.changed_at:%Y-%m-%d %H:%M} {self.changed_by_name}: {self.summary}"

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise PermissionDenied("The log of curation changes is written once, never edited.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]
