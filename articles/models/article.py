"""The story itself: what a story is, how it saves, and what it tells readers about its
times. Which stories a page shows is the QuerySet's business (queries.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from images.models import Image

from .. import markup, worktypes
from ..slugs import slug_for_headline
from ..worktypes import WorkType
from .queries import ArticleQuerySet
from .taxonomy import Section, Tag


def new_page_token() -> str:
    return uuid.uuid4().hex


class Article(models.Model):
    """A structured story. Its status changes only through articles.workflow."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "The story's address. Made from the headline if left blank; fixed once published."
        ),
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("The opening paragraph that sums up the story.")
    )
    standfirst_html = models.TextField(editable=False, blank=True)
    dateline = models.CharField(
        _("dateline"), max_length=100, blank=True, help_text=_("Where the story was reported.")
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        help_text=_("Shown at the top of the story, on its card and in link previews."),
    )
    context = models.TextField(
        _("context & impact"), blank=True, help_text=_("Analysis paragraphs (Markdown).")
    )
    context_html = models.TextField(editable=False, blank=True)
    bottom_line = models.TextField(_("bottom line"), blank=True)
    bottom_line_html = models.TextField(editable=False, blank=True)
    comments_enabled = models.BooleanField(_("comments enabled"), default=True)
    work_type = models.CharField(
        _("type of work"),
        max_length=16,
        choices=WorkType.choices,
        default=WorkType.NEWS,
        help_text=_("Readers see it above the headline: news, analysis, opinion and so on."),
    )
    methods = models.TextField(
        _("how we reported this"),
        blank=True,
        help_text=_(
            "Optional: who was approached, which documents were read, what could not be "
            "verified. Shown before the sources (Markdown)."
        ),
    )
    methods_html = models.TextField(editable=False, blank=True)
    search_document = models.TextField(editable=False, blank=True)

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    first_published_at = models.DateTimeField(
        _("first published"), null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    revised_at = models.DateTimeField(
        _("updated (public)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a live story was last corrected or updated; readers see this time."),
    )

    # The desk's plan for the story: never shown to readers, changed only by articles.planning
    # (which writes these columns alone, so a plan moves no version, revision or public cache).
    planned_for = models.DateField(
        _("planned for"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the desk means to publish the story (not its scheduled time)."),
    )
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignees"),
        blank=True,
        editable=False,
        related_name="assigned_stories",
        help_text=_("The reporters and editors working on the story."),
    )
    planning_note = models.CharField(_("planning note"), max_length=280, blank=True, editable=False)

    # Replaced by every change to what the story's page shows (articles.prerender): a stored
    # render made from another token is never used. Random, so no save can bring back an old one.
    page_token = models.CharField(max_length=32, default=new_page_token, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        permissions = [
            ("publish_article", _("Can publish, schedule, send back and unpublish stories")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "review", "published"]),
                name="article_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="article_slug_not_empty"),
            models.CheckConstraint(
                condition=Q(work_type__in=WorkType.values), name="article_work_type_valid"
            ),
        ]
        # Every list of stories filters on status and time and orders by (time, id), newest
        # first; with the id in the index, a deep page skips index entries only (no sort).
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_published_order"),
            models.Index(
                fields=["section", "status", "-published_at", "-id"], name="article_section_order"
            ),
            # The planning view reads the unpublished stories by their planned day.
            models.Index(fields=["status", "planned_for"], name="article_planning_order"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args: Any, **kwargs: Any) -> None:
        saved_status = getattr(self, "_saved_status", None)
        adding = self._state.adding
        allowed_transition = getattr(self, "_workflow_transition", False)
        if not allowed_transition and (
            (adding and self.status != self.Status.DRAFT)
            or (not adding and saved_status and self.status != saved_status)
        ):
            raise PermissionDenied("A story's status changes only through articles.workflow.")
        saved_slug = getattr(self, "_saved_slug", None)
        if self.slug_is_fixed and saved_slug and self.slug != saved_slug:
            raise ValidationError(
                _("The address of a story that has been published cannot change.")
            )
        if not self.slug:
            self.slug = self._unique_slug()
        self.standfirst_html = markup.render_block(self.standfirst)
        self.context_html = markup.render_block(self.context)
        self.bottom_line_html = markup.render_block(self.bottom_line)
        self.methods_html = markup.render_block(self.methods)
        self.page_token = new_page_token()
        if not adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "updated_at", "page_token"}
        super().save(*args, **kwargs)
        self._saved_status = self.status
        self._saved_slug = self.slug
        self._workflow_transition = False

    def get_absolute_url(self) -> str:
        return reverse("articles:story", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Article:
        instance = super().from_db(db, field_names, values)
        instance._saved_status = instance.__dict__.get("status")
        instance._saved_slug = instance.__dict__.get("slug")
        return instance

    # -- what the story is ------------------------------------------------------------------

    @property
    def is_live(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def first_public_at(self) -> datetime | None:
        """When readers first saw the story: a republished story keeps its first time."""
        return self.first_published_at or self.published_at

    @property
    def last_public_change(self) -> datetime | None:
        """The last change readers are told about: publication, or a declared correction or
        update (internal saves do not count). The page, its JSON-LD, the feeds, the sitemaps
        and the API (its fields, Last-Modified and ninjs) all say this time."""
        times = [t for t in (self.published_at, self.revised_at) if t]
        return max(times) if times else None

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def slug_is_fixed(self) -> bool:
        return self.first_published_at is not None

    def is_owned_by(self, user: Any) -> bool:
        if not user.is_authenticated:
            return False
        if self.created_by_id == user.pk:
            return True
        return any(byline.author_id == user.pk for byline in self.bylines.all())

    def standfirst_safe(self) -> SafeString:
        return markup.trusted(self.standfirst_html)

    def context_safe(self) -> SafeString:
        return markup.trusted(self.context_html)

    def bottom_line_safe(self) -> SafeString:
        return markup.trusted(self.bottom_line_html)

    def work_type_meaning(self) -> str:
        return worktypes.meaning(self.work_type)

    def methods_safe(self) -> SafeString:
        return markup.trusted(self.methods_html)

    # -- saving -------------------------------------------------------------------------------

    def clean(self) -> None:
        if not self.slug and self.headline:
            self.slug = self._unique_slug()
        saved_slug = getattr(self, "_saved_slug", None)
        if self.slug_is_fixed and saved_slug and self.slug != saved_slug:
            raise ValidationError(
                {"slug": _("The address of a story that has been published cannot change.")}
            )

    def refresh_search_document(self) -> None:
        """Gather the text search looks at (the story and its parts) into one column."""
        self.search_document = self.search_text(
            takeaways=[takeaway.text for takeaway in self.takeaways.all()],
            impact_items=[item.text for item in self.impact_items.all()],
            claims=[claim.text for claim in self.claims.all()],
            quotes=[(q.text, q.speaker.name) for q in self.quotes.select_related("speaker")],
        )
        Article.objects.filter(pk=self.pk).update(search_document=self.search_document)

    def search_text(
        self,
        *,
        takeaways: list[str],
        impact_items: list[str],
        claims: list[str],
        quotes: list[tuple[str, str]],
    ) -> str:
        """The search document of this story with these parts (quotes as (words, speaker))."""
        parts = [self.headline, self.standfirst, self.dateline, self.context, self.bottom_line]
        parts.append(self.methods)
        parts += [*takeaways, *impact_items, *claims]
        for words, speaker in quotes:
            parts += [words, speaker]
        return "\n".join(part for part in parts if part)

    def record_public_change(self, user: Any, correction: str = "") -> models.Model | None:
        """A live story changed: move its public "updated" time, and for a correction leave
        the public note (with the same time and the editor) that can never be deleted."""
        # parts.py imports this module for its foreign keys to Article, so not at the top.
        now = timezone.now()
        self.revised_at = now
        Article.objects.filter(pk=self.pk).update(revised_at=now, page_token=new_page_token())
        if not correction.strip():
            return None
        return self.corrections.create(text=correction.strip(), created_by=user, created_at=now)

    def _unique_slug(self) -> str:
        base = slug_for_headline(self.headline)
        candidate, n = base, 2
        while Article.objects.filter(slug=candidate).exclude(pk=self.pk).exists():
            candidate = f"{base[: 100 - len(str(n)) - 1]}-{n}"
            n += 1
        return candidate
