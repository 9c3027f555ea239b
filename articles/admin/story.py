"""The story in the admin: its list, its form with the parts inline, and who may do what.

Permissions come from articles.workflow.can(), so the admin hides exactly what the workflow
would refuse; the workflow refuses it again whatever door is used. The form is the story
editor: its page is in editor_page.py, the calls its script makes in editor.py, autosave.py and
text_mode.py. The workflow's own pages (buttons, transitions) are in transitions.py, the
revision history in revisions.py, import and export in story_text.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from images.admin import thumbnail

from .. import autosaves, editing, revisions, roles, versions, workflow
from ..forms import ArticleForm
from ..models import Article
from ..views import render_story
from .autosave import AutosaveAdminMixin
from .bounded_search import BoundedSearchMixin
from .editor import EditorAdminMixin
from .editor_page import EditorPageMixin
from .filters import AuthorFilter, MineFilter, StatusFilter
from .inlines import (
    BylineInline,
    ClaimInline,
    CorrectionInline,
    ImpactItemInline,
    KeyTakeawayInline,
    QuoteInline,
    StorySourceInline,
    WorkflowEventInline,
)
from .planning import PlanningAdminMixin
from .revisions import RevisionHistoryMixin
from .story_text import StoryTextAdminMixin
from .text_mode import TextModeAdminMixin
from .transitions import TransitionAdminMixin, error_text


class NotFoundForOthersMixin:
    """An object someone may not see is a 404, exactly like one that does not exist."""

    def _get_obj_does_not_exist_redirect(self, request: HttpRequest, opts: Any, object_id: str):
        raise Http404(_("Not found."))


@admin.register(Article)
class ArticleAdmin(
    PlanningAdminMixin,
    EditorPageMixin,
    EditorAdminMixin,
    TextModeAdminMixin,
    AutosaveAdminMixin,
    TransitionAdminMixin,
    RevisionHistoryMixin,
    StoryTextAdminMixin,
    NotFoundForOthersMixin,
    BoundedSearchMixin,
    admin.ModelAdmin,
):
    form = ArticleForm
    list_display = [
        "headline",
        "section",
        "status_label",
        "author_names",
        "updated_at",
        "published_at",
    ]
    list_select_related = ["section"]
    list_filter = [StatusFilter, MineFilter, "section", AuthorFilter]
    search_fields = ["headline", "standfirst"]
    autocomplete_fields = ["section", "tags", "lead_image"]
    date_hierarchy = None
    save_as = False
    save_on_top = True
    list_per_page = 50
    ordering = ["-updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "headline",
                    "work_type",
                    "slug",
                    "standfirst",
                    "dateline",
                    "section",
                    "tags",
                ]
            },
        ),
        (_("Lead image"), {"fields": ["lead_image", "lead_image_preview"]}),
        (_("Context & impact"), {"fields": ["context"]}),
        (_("Bottom line"), {"fields": ["bottom_line"]}),
        (_("How we reported this"), {"fields": ["methods"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "comments_enabled",
                    "status_label",
                    "published_at",
                    "first_published_at",
                    "created_by",
                    "created_at",
                    "updated_at",
                    "revised_at",
                    "version",
                ]
            },
        ),
    ]
    public_change_fieldset = (
        _("Correction or update (this story is live)"),
        {"fields": ["change", "correction"], "classes": ["public-change"]},
    )
    readonly_fields = [
        "lead_image_preview",
        "status_label",
        "published_at",
        "first_published_at",
        "created_by",
        "created_at",
        "updated_at",
        "revised_at",
        "version",
    ]
    # The parts in the order the form shows them.
    inlines = [
        BylineInline,
        KeyTakeawayInline,
        StorySourceInline,
        ClaimInline,
        ImpactItemInline,
        QuoteInline,
        CorrectionInline,
        WorkflowEventInline,
    ]
    actions = ["delete_selected", "submit_selected", "publish_selected"]

    # -- what is shown ---------------------------------------------------------------------

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request).editable_by(request.user)
        return queryset.prefetch_related("bylines__author")

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj: Article) -> str:
        if obj.is_scheduled:
            return format_html(
                "{} <small>({})</small>",
                _("Scheduled"),
                obj.published_at.strftime("%Y-%m-%d %H:%M"),
            )
        return obj.get_status_display()

    @admin.display(description=_("chosen picture"))
    def lead_image_preview(self, obj: Article) -> str:
        if obj.lead_image is None:
            return _("None yet: choose one above (search by alt text, caption or credit).")
        return thumbnail(obj.lead_image, width=240)

    @admin.display(description=_("authors"))
    def author_names(self, obj: Article) -> str:
        return ", ".join(byline.display_name for byline in obj.bylines.all())

    def get_fieldsets(self, request: HttpRequest, obj: Article | None = None) -> list:
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and obj.is_live and self.has_change_permission(request, obj):
            fieldsets.insert(0, self.public_change_fieldset)
        return fieldsets

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.slug_is_fixed:
            fields.append("slug")
        return fields

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        extra_context = extra_context or {}
        if roles.is_editor(request.user):
            extra_context["review_count"] = Article.objects.in_review().count()
        return super().changelist_view(request, extra_context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict | None = None,
    ):
        extra_context = extra_context or {}
        article = self.get_object(request, object_id)
        if article is not None:
            extra_context["workflow_buttons"] = self.workflow_buttons(request, article)
            extra_context["author_note"] = workflow.last_note_for_author(article)
            extra_context["preview_url"] = reverse(
                "admin:articles_article_preview", args=[article.pk]
            )
            if roles.is_editor(request.user):
                extra_context["preview_links_url"] = (
                    reverse("admin:articles_previewlink_changelist")
                    + f"?article__id__exact={article.pk}"
                )
        return super().change_view(request, object_id, form_url, extra_context)

    # -- permissions: the workflow decides ----------------------------------------------------

    def has_view_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if obj is None:
            return super().has_view_permission(request) or roles.is_reporter(request.user)
        return workflow.can(request.user, workflow.VIEW, obj)

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or workflow.can(request.user, workflow.CHANGE, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or workflow.can(request.user, workflow.DELETE, obj)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user)

    def get_deleted_objects(self, objs: Any, request: HttpRequest):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for article in objs:
            if not workflow.can(request.user, workflow.DELETE, article):
                perms_needed.add(
                    _("story “%s” (not yours, or readers have seen it)") % article.headline
                )
        return deleted, counts, perms_needed, protected

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for article in queryset:
            if not workflow.can(request.user, workflow.DELETE, article):
                raise PermissionDenied
        super().delete_queryset(request, queryset)

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        if not workflow.can(request.user, workflow.DELETE, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    # -- saving ----------------------------------------------------------------------------

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except versions.StaleVersion:
            # Someone saved between this form's check and its save, and everything was rolled
            # back: shown again, the form's check names who and when, with what was typed.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        """Nothing yet: the story is saved with its parts in save_related, in one change."""

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The story, its inline parts and its revision, through the editing service."""
        article, data = form.instance, form.cleaned_data
        if change:
            doing = editing.saving(
                article,
                request.user,
                expected_version=form.vouched_version(),
                change=data.get("change") or "",
                correction=data.get("correction") or "",
            )
        else:
            doing = editing.creating(article, request.user)
        with doing as edit:
            super().save_related(request, form, formsets, change)
            message = self.construct_change_message(request, form, formsets, not change)
            edit.comment = revisions.admin_comment(message)
            autosaves.saved(request.user, edit.article, created=not change)

    # -- bulk actions: each story goes through the workflow -------------------------------

    def _bulk(self, request: HttpRequest, queryset: QuerySet, move: Callable, done: str) -> None:
        moved = 0
        for article in queryset:
            try:
                move(article, request.user)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(
                    request,
                    _("“%(headline)s”: %(error)s")
                    % {"headline": article.headline, "error": error_text(error)},
                    messages.ERROR,
                )
            else:
                moved += 1
        if moved:
            self.message_user(request, done % {"count": moved}, messages.SUCCESS)

    @admin.action(description=_("Submit selected stories for review"))
    def submit_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._bulk(request, queryset, workflow.submit, _("%(count)d stories submitted."))

    @admin.action(description=_("Publish selected stories now"), permissions=["publish"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._bulk(request, queryset, workflow.publish, _("%(count)d stories published."))

    # -- workflow pages --------------------------------------------------------------------

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="articles_article_preview",
            ),
            *self.history_urls(),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        return render_story(request, article, preview=True)
