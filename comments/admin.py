"""The moderation queue: editors read comments (escaped, like everything in the admin) and
decide them in bulk through comments.moderation. Reporters do not see it at all.

Comments are never edited here: a reader's words are approved, rejected or marked as spam as
they were sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, QuerySet, Value, When
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import moderation
from .models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "name", "article", "status", "spam_reason", "created_at"]
    list_display_links = ["excerpt"]
    list_filter = ["status", ("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body", "article__headline"]
    search_help_text = _("Search names, emails, comment text and headlines.")
    list_per_page = 50
    actions = ["approve_selected", "reject_selected", "mark_spam_selected", "reopen_selected"]
    fields = [
        "article",
        "parent",
        "name",
        "email",
        "body",
        "status",
        "spam_reason",
        "created_at",
        "moderated_by",
        "moderated_at",
        "ip_address",
        "user_agent",
    ]
    readonly_fields = fields

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        """The queue first (waiting longest on top), then decided comments, newest first."""
        waiting = Comment.objects.awaiting_decision_q()
        return [
            Case(When(waiting, then=Value(0)), default=Value(1)).asc(),
            Case(When(waiting, then=F("created_at"))).asc(),
            F("created_at").desc(),
        ]

    @admin.display(description=_("comment"))
    def excerpt(self, comment: Comment) -> str:
        return comment.excerpt

    # -- nobody edits a reader's words; moderators decide ------------------------------------

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return moderation.can_moderate(request.user)

    def _decide(
        self, request: HttpRequest, queryset: QuerySet, decide: Callable, done: Any
    ) -> None:
        decided = 0
        for comment in queryset:
            try:
                decide(comment, request.user)
            except (PermissionDenied, ValidationError) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(
                    request,
                    _("“%(comment)s”: %(error)s") % {"comment": comment.excerpt, "error": text},
                    messages.ERROR,
                )
            else:
                decided += 1
        if decided:
            self.message_user(request, done % {"count": decided}, messages.SUCCESS)

    @admin.action(permissions=["moderate"], description=_("Approve selected comments"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count")
        self._decide(request, queryset, moderation.approve, done)

    @admin.action(permissions=["moderate"], description=_("Reject selected comments"))
    def reject_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count")
        self._decide(request, queryset, moderation.reject, done)

    @admin.action(permissions=["moderate"], description=_("Mark selected comments as spam"))
    def mark_spam_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy(
            "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
        )
        self._decide(request, queryset, moderation.mark_spam, done)

    @admin.action(permissions=["moderate"], description=_("Return selected comments to the queue"))
    def reopen_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy(
            "%(count)d comment returned to the queue.",
            "%(count)d comments returned to the queue.",
            "count",
        )
        self._decide(request, queryset, moderation.reopen, done)
