"""The moderation queue: editors read each comment whole (escaped, like everything in the
admin) with its story, the comment it answers and why the machine held it, and decide it with
one click on its row, or many at once with the bulk actions. Both go through
comments.moderation. Reporters do not see the queue at all.

Comments are never edited here: a reader's words are approved, rejected or marked as spam as
they were sent.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Exists, F, OuterRef, Prefetch, QuerySet, Value, When
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
    QueryDict,
)
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from . import antispam, moderation, reports
from .commenter_data_admin import commenter_data_view
from .models import Comment, Report

# The one form every row's decision buttons submit (with their own formaction): it sits
# outside the changelist's form, which a form inside a table cell could not.
DECISION_FORM = "comment-decision"

BUTTONS = {
    moderation.APPROVE: _("Approve"),
    moderation.REJECT: _("Reject"),
    moderation.SPAM: _("Spam"),
    moderation.REOPEN: _("Back to queue"),
}
DONE = {
    moderation.APPROVE: _("Approved the comment from %(name)s: “%(excerpt)s”"),
    moderation.REJECT: _("Rejected the comment from %(name)s: “%(excerpt)s”"),
    moderation.SPAM: _("Marked the comment from %(name)s as spam: “%(excerpt)s”"),
    moderation.REOPEN: _("Returned the comment from %(name)s to the queue: “%(excerpt)s”"),
}


def _error_text(error: Exception) -> str:
    return " ".join(getattr(error, "messages", [str(error)]))


class ReportedFilter(admin.SimpleListFilter):
    """Comments readers reported: since the last decision (what still needs a look), or ever."""

    title = _("reports")
    parameter_name = "reported"
    OPEN, EVER = "open", "ever"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [(self.OPEN, _("Reported since the last decision")), (self.EVER, _("Ever reported"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == self.OPEN:
            return queryset.filter(Exists(Report.objects.filter(reports.open_reports_of_row_q())))
        if self.value() == self.EVER:
            return queryset.filter(Exists(Report.objects.filter(comment=OuterRef("pk"))))
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["queue_comment", "queue_status"]
    list_display_links = None  # a row holds links and buttons; "Details" opens the comment
    list_filter = ["status", ReportedFilter, ("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "parent", "moderated_by"]
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

    class Media:
        css = {"all": ["admin/css/comment_queue.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        """With each comment's reports (one more query however many rows the page lists)."""
        reports_oldest_first = Report.objects.order_by("created_at", "pk")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("reports", queryset=reports_oldest_first))
        )

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        """The queue first (waiting longest on top), then decided comments, newest first."""
        waiting = Comment.objects.awaiting_decision_q()
        return [
            Case(When(waiting, then=Value(0)), default=Value(1)).asc(),
            Case(When(waiting, then=F("created_at"))).asc(),
            F("created_at").desc(),
        ]

    def get_list_display(self, request: HttpRequest) -> list[str]:
        """Moderators get the decision buttons with each comment's status; others the status."""
        if self.has_moderate_permission(request):
            return ["queue_comment", "queue_status_and_decisions"]
        return list(self.list_display)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra_context = {"title": _("Moderate comments"), **(extra_context or {})}
        if self.has_moderate_permission(request):
            extra_context["decision_form"] = DECISION_FORM
            extra_context["commenter_data_url"] = reverse("admin:comments_comment_commenter_data")
        return super().changelist_view(request, extra_context)

    # -- the queue's rows (no query: list_select_related brings the story, parent, moderator)

    @admin.display(description=_("comment"))
    def queue_comment(self, comment: Comment) -> str:
        opening, rest = comment.opening_and_rest()
        return render_to_string(
            "admin/comments/comment/_queue_comment.html",
            {"comment": comment, "opening": opening, "rest": rest},
        )

    @admin.display(description=_("status"))
    def queue_status(self, comment: Comment) -> str:
        return self._status_cell(comment, decisions=False)

    @admin.display(description=_("status"))
    def queue_status_and_decisions(self, comment: Comment) -> str:
        return self._status_cell(comment, decisions=True)

    def _status_cell(self, comment: Comment, decisions: bool) -> str:
        context = {
            "comment": comment,
            "spam_reasons": antispam.reasons_in_words(comment.spam_reason),
            "reports": reports.open_reports(comment),
        }
        if decisions:
            context["decide_url"] = reverse("admin:comments_comment_decide", args=[comment.pk])
            context["decision_form"] = DECISION_FORM
            context["decisions"] = [
                (decision, BUTTONS[decision]) for decision in moderation.open_decisions(comment)
            ]
        return render_to_string("admin/comments/comment/_queue_status.html", context)

    # -- nobody edits a reader's words; moderators decide ------------------------------------

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return moderation.can_moderate(request.user)

    # -- one comment, one click --------------------------------------------------------------

    def get_urls(self) -> list:
        return [
            path(
                "commenter-data/",
                self.admin_site.admin_view(self.commenter_data_view),
                name="comments_comment_commenter_data",
            ),
            path(
                "<path:object_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="comments_comment_decide",
            ),
            *super().get_urls(),
        ]

    def commenter_data_view(self, request: HttpRequest) -> HttpResponse:
        """Find, export, delete or anonymise a commenter's comments (comments.data_rights)."""
        return commenter_data_view(self, request)

    def decide_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """POST decision=approve|reject|spam|reopen: decide this comment, back to the queue
        (same filters, search and page) with what happened, or why nothing did."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        back = self._queue_url(request)
        decision = request.POST.get("decision", "")
        if decision not in moderation.OUTCOMES:
            self.message_user(request, _("Choose a decision for the comment."), messages.ERROR)
            return HttpResponseRedirect(back)
        comment = self.get_object(request, unquote(object_id))
        if comment is None:
            return self._gone(request, back)
        try:
            moderation.decide(comment, request.user, decision)
        except Comment.DoesNotExist:  # deleted since the row was read
            return self._gone(request, back)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(
                request,
                _("The comment from %(name)s: %(error)s")
                % {"name": comment.name, "error": _error_text(error)},
                messages.ERROR,
            )
        else:
            done = DONE[decision] % {"name": comment.name, "excerpt": comment.excerpt}
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(back)

    def _queue_url(self, request: HttpRequest) -> str:
        """The queue as the moderator left it: its query string, re-encoded from what the
        decision form carried (so nothing but a query string can follow the path)."""
        url = reverse("admin:comments_comment_changelist")
        filters = QueryDict(request.POST.get("_changelist_filters", "")).urlencode()
        return f"{url}?{filters}" if filters else url

    def _gone(self, request: HttpRequest, back: str) -> HttpResponse:
        self.message_user(
            request, _("That comment no longer exists: someone deleted it."), messages.WARNING
        )
        return HttpResponseRedirect(back)

    # -- many at once ------------------------------------------------------------------------

    def _decide(self, request: HttpRequest, queryset: QuerySet, decision: str, done: Any) -> None:
        decided = 0
        for comment in queryset:
            try:
                moderation.decide(comment, request.user, decision)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(
                    request,
                    _("“%(comment)s”: %(error)s")
                    % {"comment": comment.excerpt, "error": _error_text(error)},
                    messages.ERROR,
                )
            else:
                decided += 1
        if decided:
            self.message_user(request, done % {"count": decided}, messages.SUCCESS)

    @admin.action(permissions=["moderate"], description=_("Approve selected comments"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy("%(count)d comment approved.", "%(count)d comments approved.", "count")
        self._decide(request, queryset, moderation.APPROVE, done)

    @admin.action(permissions=["moderate"], description=_("Reject selected comments"))
    def reject_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count")
        self._decide(request, queryset, moderation.REJECT, done)

    @admin.action(permissions=["moderate"], description=_("Mark selected comments as spam"))
    def mark_spam_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy(
            "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
        )
        self._decide(request, queryset, moderation.SPAM, done)

    @admin.action(permissions=["moderate"], description=_("Return selected comments to the queue"))
    def reopen_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        done = ngettext_lazy(
            "%(count)d comment returned to the queue.",
            "%(count)d comments returned to the queue.",
            "count",
        )
        self._decide(request, queryset, moderation.REOPEN, done)
