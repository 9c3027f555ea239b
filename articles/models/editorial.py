"""What the newsroom keeps around a story: its workflow history, its search index entry,
its saved revisions, its preview links, and each person's notification settings."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..search import SQLITE_INDEX, FullTextDocument
from .article import Article


class WorkflowEvent(models.Model):
    """One recorded state change: who moved the story, from where to where, and why."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=32)
    from_status = models.CharField(_("from"), max_length=16, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Article.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by (name)"), max_length=150, blank=True)
    note = models.TextField(_("note"), blank=True)
    scheduled_for = models.DateTimeField(_("public from"), null=True, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("workflow event")
        verbose_name_plural = _("workflow history")
        indexes = [models.Index(fields=["action", "at"], name="workflowevent_action_at")]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status} by {self.actor_name}"


class SearchEntry(models.Model):
    """A story's entry in the SQLite full-text index (an FTS5 table kept in step with
    Article.search_document by triggers, migration 0008). Read only; SQLite only."""

    article_id = models.BigIntegerField(primary_key=True, db_column="rowid")
    document = FullTextDocument(db_column="search_document")

    class Meta:
        managed = False
        db_table = SQLITE_INDEX

    def __str__(self) -> str:
        return str(self.article_id)


# -- editorial safety: revisions, preview links, notification settings ---------------------------


class StoryRevision(models.Model):
    """Which story and version a saved revision (django-reversion) holds, and what made it."""

    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="story_revision"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("version"))
    action = models.CharField(_("action"), max_length=32)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [models.Index(fields=["article", "version"], name="storyrevision_version")]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.version} ({self.action})"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self) -> PreviewLinkQuerySet:
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A signed, expiring address showing an unpublished story to someone without a login.

    The token signs the link's id with the story's id in the salt and the link's creation time
    as its timestamp, so it cannot be guessed, moved to another story or outlive its maximum
    age; the row says whether it was revoked and when it expires.
    """

    MAX_LIFETIME = timedelta(days=7)
    SALT = "articles.preview-link"

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="preview_links"
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
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self) -> str:
        return str(_("Preview of “%(headline)s”")) % {"headline": self.article.headline}

    def get_absolute_url(self) -> str:
        return reverse("articles:shared_preview", args=[self.article_id, self.token])

    @property
    def token(self) -> str:
        return _PreviewSigner(self.article_id, self.created_at).sign(str(self.pk))

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @classmethod
    def find_active(cls, article_id: int, token: str) -> PreviewLink | None:
        """The link a token stands for, if it is genuine, for this story, unexpired, unrevoked."""
        try:
            link_id = _PreviewSigner(article_id).unsign(token, max_age=cls.MAX_LIFETIME)
        except signing.BadSignature:
            return None
        if not link_id.isdigit():
            return None
        return cls.objects.active().filter(pk=int(link_id), article_id=article_id).first()


class _PreviewSigner(signing.TimestampSigner):
    """Signs with the link's own creation time, so a link's token is the same every time."""

    def __init__(self, article_id: int, at: datetime | None = None) -> None:
        super().__init__(salt=f"{PreviewLink.SALT}:{article_id}")
        self._at = at

    def timestamp(self) -> str:
        if self._at is None:
            return super().timestamp()
        return signing.b62_encode(int(self._at.timestamp()))


class NotificationPreferenceQuerySet(models.QuerySet):
    def wanting_email(self, users: models.QuerySet) -> models.QuerySet:
        """The people among `users` who have not switched workflow emails off."""
        opted_out = self.filter(email_workflow=False).values("user_id")
        return users.exclude(pk__in=opted_out)


class NotificationPreference(models.Model):
    """One person's choice about workflow emails; without a row, emails are on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_workflow = models.BooleanField(
        _("email me about my stories and the review queue"),
        default=True,
        help_text=_(
            "Stories submitted for review (editors); your stories sent back, published, "
            "scheduled or unpublished (authors)."
        ),
    )

    objects = NotificationPreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("my notification settings")
        verbose_name_plural = _("my notification settings")

    def __str__(self) -> str:
        return str(_("Notification settings of %(user)s")) % {"user": self.user}
