"""The newsroom's library: the sources stories cite and the people they quote.

Both are shared by every story and know nothing of stories: a story's source list, its claims
and its quotes are parts of the story (articles.models.attribution) that point here.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


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
    """Someone quoted in stories; one public page each, listing their quotes.

    The page is the stories' business (articles serves /people/<slug>/); the project's settings
    give Person its get_absolute_url (ABSOLUTE_URL_OVERRIDES), as Django lets a project do for
    an app that does not know the page.
    """

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
