"""The audit trail: one append-only list of who did what, when and from where.

Entries are written by audit.trail.record and never changed: the model refuses to save an
existing row or delete one, and the queryset refuses updates and deletes. Two writes are
let through on purpose: a deleted user's or content type's link is set to NULL (the copied
login name and target label keep the entry readable), and the retention purge
(audit.retention) removes entries older than AUDIT_RETENTION_DAYS.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import actions

# Foreign keys Django sets to NULL when what they point to is deleted (on_delete=SET_NULL).
NULLABLE_LINKS = frozenset({"actor", "content_type"})


class AppendOnly(Exception):
    """An attempt to change or delete an audit entry."""


class EntryQuerySet(models.QuerySet):
    def in_areas(self, areas: list[str] | tuple[str, ...]) -> EntryQuerySet:
        return self.filter(area__in=areas)

    def readable_by(self, user: Any) -> EntryQuerySet:
        """The entries this person may read: every area for a superuser, the newsroom's and
        the comments' for anyone else allowed to read the trail, none otherwise."""
        from .reading import readable_areas

        return self.in_areas(readable_areas(user))

    def update(self, **kwargs: Any) -> int:
        # Deleting a user or a content type sets entries' links to NULL: the only update allowed.
        if kwargs and set(kwargs) <= NULLABLE_LINKS and all(v is None for v in kwargs.values()):
            return super().update(**kwargs)
        raise AppendOnly("Audit entries cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Audit entries cannot be deleted; old ones are purged by purge_audit.")

    delete.queryset_only = True  # type: ignore[attr-defined]

    def _purge(self) -> int:
        """Remove these entries for good: only audit.retention calls this."""
        return self._raw_delete(self.db)


class Entry(models.Model):
    """Something that happened, by whom, to what, from where."""

    class Origin(models.TextChoices):
        WEB = "web", _("web request")
        COMMAND = "command", _("command")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # Copied at the time, so the entry still says who it was once the account is gone.
    actor_name = models.CharField(_("actor's login"), max_length=150, blank=True, db_index=True)
    # Codes and areas from audit.actions; no `choices`, so a new action needs no migration.
    action = models.CharField(_("action"), max_length=40)
    area = models.CharField(_("area"), max_length=20)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("target type"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    object_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_label = models.CharField(_("target"), max_length=200, blank=True)
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices)
    address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    browser = models.CharField(_("browser"), max_length=300, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        # Reading is the only thing anyone does with entries; there is nothing to grant beyond it.
        default_permissions = ("view",)
        indexes = [models.Index(fields=["area", "-at"], name="audit_entry_area_at")]

    def __str__(self) -> str:
        who = self.actor_name or _("(no one signed in)")
        return f"{self.get_action_display()} · {who} · {self.target_label}".rstrip(" ·")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("Audit entries cannot be changed.")
        # Always an INSERT: a new instance given an existing id must not overwrite that row.
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Audit entries cannot be deleted.")

    def get_action_display(self) -> str:
        known = actions.ACTIONS.get(self.action)
        return str(known.label) if known else self.action

    def get_area_display(self) -> str:
        return str(actions.AREAS.get(self.area, self.area))
