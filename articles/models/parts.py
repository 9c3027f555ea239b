"""The short parts a story page lists under the story: takeaways, impact items and the
public corrections."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .. import markup
from .article import Article
from .positions import assign_position


class KeyTakeaway(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="takeaways")
    position = models.PositiveSmallIntegerField(_("order"), blank=True)
    text = models.CharField(_("takeaway"), max_length=500)
    text_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("key takeaway")
        verbose_name_plural = _("key takeaways")
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="takeaway_position_unique")
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args: Any, **kwargs: Any) -> None:
        assign_position(self)
        self.text_html = markup.render_inline(self.text)
        super().save(*args, **kwargs)

    def text_safe(self) -> SafeString:
        return markup.trusted(self.text_html)


class ImpactItem(models.Model):
    """A labelled consequence, e.g. "Budget effect: …"."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="impact_items")
    position = models.PositiveSmallIntegerField(_("order"), blank=True)
    label = models.CharField(_("label"), max_length=80)
    text = models.TextField(_("text"))
    text_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("impact item")
        verbose_name_plural = _("impact items")
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="impact_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.text}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        assign_position(self)
        self.text_html = markup.render_inline(self.text)
        super().save(*args, **kwargs)

    def text_safe(self) -> SafeString:
        return markup.trusted(self.text_html)


class CorrectionQuerySet(models.QuerySet):
    def public(self) -> CorrectionQuerySet:
        """Corrections readers may see: those of stories the public may see, newest first."""
        return (
            self.filter(article__in=Article.objects.published())
            .select_related("article")
            .order_by("-created_at", "-pk")
        )


class Correction(models.Model):
    """A public note that a published story was corrected, with its time.

    Corrections are never deleted: a story that has any cannot be deleted either (PROTECT).
    """

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    text = models.TextField(_("correction"))
    text_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return self.text

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.text_html = markup.render_block(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"

    def text_safe(self) -> SafeString:
        return markup.trusted(self.text_html)
