"""A person's story form as it stood a few seconds ago, kept until they save, resume or discard
it (articles.autosaves keeps and reads it).

Not part of the story: no page shows it, no revision holds it and the page cache does not
watch it, so keeping one changes nothing readers see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .article import Article


class Autosave(models.Model):
    """One per person and story, and one per person for a story not yet created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kept for"),
        on_delete=models.CASCADE,
        related_name="autosaves",
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="autosaves",
    )
    # The form as the browser posted it: [name, value] pairs, so fields with several values
    # (tags) and the rows of every inline part come back exactly.
    posted = models.JSONField(_("form as posted"), default=list)
    # The story's version when the form was opened: the resumed form still carries it, so a
    # save after someone else's is refused as any other would be.
    base_version = models.PositiveIntegerField(_("opened at version"), null=True, blank=True)
    saved_at = models.DateTimeField(_("kept at"), auto_now=True)

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["user", "article"],
                condition=Q(article__isnull=False),
                name="autosave_one_per_story",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(article__isnull=True),
                name="autosave_one_new_story",
            ),
        ]
        # Old copies are pruned by age on write (articles.autosaves).
        indexes = [models.Index(fields=["saved_at"], name="autosave_saved_at")]

    def __str__(self) -> str:
        when = formats.date_format(timezone.localtime(self.saved_at), "DATETIME_FORMAT")
        return str(_("Draft copy kept %(when)s")) % {"when": when}
