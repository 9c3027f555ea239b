"""Attribution and verification: sources, people, their quotes, and the claims a story makes."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from articles import markup
from articles.models import Article, assign_position


class Source(models.Model):
    """A document, statement, interview or dataset a story relies on; reusable across stories."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        STATEMENT = "statement", _("Statement")
        INTERVIEW = "interview", _("Interview")
        REPORT = "report", _("Report")
        DATASET = "dataset", _("Dataset")
        ARTICLE = "article", _("Article")
        PRESS_RELEASE = "press-release", _("Press release")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)
    notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("For the newsroom only; never shown publicly.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "document",
                        "statement",
                        "interview",
                        "report",
                        "dataset",
                        "article",
                        "press-release",
                        "other",
                    ]
                ),
                name="source_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.publisher}" if self.publisher else self.title


class Person(models.Model):
    """Someone quoted in stories; one public page each, listing their quotes."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    role = models.CharField(_("current role"), max_length=200, blank=True)
    organization = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("sources:person", kwargs={"slug": self.slug})


class StorySource(models.Model):
    """A story's ordered source list (what the public "Sources" section shows)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="source_entries")
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
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
    # through an index instead of sorting every quote they ever gave (sources.story_times).
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
