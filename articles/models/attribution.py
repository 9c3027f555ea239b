"""What a story attributes: its ordered source list, the claims it makes (each citing sources
from the newsroom's library) and the quotes it carries (each from a person in the library).

They name the story by the model's name: the story's own module reads them (a story's parts
are fetched with it), so it imports this one.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from sources.models import Person, Source

from .. import markup
from .positions import assign_position


class StorySource(models.Model):
    """A story's ordered source list (what the public "Sources" section shows)."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="source_entries")
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="story_entries"
    )
    position = models.PositiveSmallIntegerField(_("order"), blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("story source")
        verbose_name_plural = _("sources of this story")
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="storysource_position"),
            models.UniqueConstraint(fields=["article", "source"], name="storysource_once"),
        ]

    def __str__(self) -> str:
        return str(self.source)

    def save(self, *args: Any, **kwargs: Any) -> None:
        assign_position(self)
        super().save(*args, **kwargs)


class Claim(models.Model):
    """A statement the story makes, with how far the newsroom has verified it."""

    class Status(models.TextChoices):
        VERIFIED = "verified", _("Verified")
        UNCONFIRMED = "unconfirmed", _("Unconfirmed")
        DISPUTED = "disputed", _("Disputed")

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="claims")
    position = models.PositiveSmallIntegerField(_("order"), blank=True)
    text = models.TextField(_("claim"))
    text_html = models.TextField(editable=False, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UNCONFIRMED
    )
    sources = models.ManyToManyField(
        Source, verbose_name=_("cited sources"), blank=True, related_name="claims"
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="claim_position_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=["verified", "unconfirmed", "disputed"]),
                name="claim_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args: Any, **kwargs: Any) -> None:
        assign_position(self)
        self.text_html = markup.render_inline(self.text)
        super().save(*args, **kwargs)

    def text_safe(self) -> SafeString:
        return markup.trusted(self.text_html)


class Quote(models.Model):
    """Words someone said, with their role at the time; one per story may be the pull quote."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="quotes")
    position = models.PositiveSmallIntegerField(_("order"), blank=True)
    speaker = models.ForeignKey(
        Person, verbose_name=_("speaker"), on_delete=models.PROTECT, related_name="quotes"
    )
    role = models.CharField(
        _("role at the time"),
        max_length=200,
        blank=True,
        help_text=_("Defaults to the speaker's current role."),
    )
    text = models.TextField(_("quoted words"), help_text=_("Without quotation marks."))
    said_on = models.DateField(_("said on"), null=True, blank=True)
    context = models.CharField(_("context"), max_length=300, blank=True)
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="quotes",
    )
    is_pull = models.BooleanField(_("pull quote"), default=False)
    # The story's publication time, kept here so a person's page finds their newest quotes
    # through an index instead of sorting every quote they ever gave (articles.story_times).
    story_published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        indexes = [
            models.Index(
                fields=["speaker", "-story_published_at", "-article", "position"],
                name="quote_speaker_newest",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="quote_position_unique"),
            models.UniqueConstraint(
                fields=["article"], condition=models.Q(is_pull=True), name="one_pull_quote"
            ),
        ]

    def __str__(self) -> str:
        return f"“{self.text[:60]}” — {self.speaker}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        assign_position(self)
        if not self.role and self.speaker_id:
            self.role = self.speaker.role
        # Read afresh: the story in memory may predate a change to its time.
        times = type(self.article).objects.filter(pk=self.article_id)
        self.story_published_at = times.values_list("published_at", flat=True).first()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "story_published_at"}
        super().save(*args, **kwargs)
