"""The admin as the newsroom: story editing with its parts inline, and the workflow buttons.

Permissions come from articles.workflow.can(), so the admin hides exactly what the workflow
would refuse; the workflow refuses it again whatever door is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from images.admin import thumbnail

from . import history, roles, workflow
from .admin_storytext import StoryTextAdminMixin
from .forms import ArticleForm, NoteForm, PreviewLinkForm, PublishForm
from .history_admin import RevisionHistoryMixin
from .models import (
    Article,
    Byline,
    Correction,
    ImpactItem,
    KeyTakeaway,
    NotificationPreference,
    PreviewLink,
    Section,
    Tag,
    WorkflowEvent,
)
from .views import render_story

# Search terms longer than this are cut: a 100 KB query must not build a 100 KB SQL filter.
MAX_ADMIN_SEARCH_LENGTH = 200
# Where rows whose position changes wait during a save, clear of every real position.
_PARKING_POSITION = 30000


class BoundedSearchMixin:
    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        return super().get_search_results(  # type: ignore[misc]
            request, queryset, search_term[:MAX_ADMIN_SEARCH_LENGTH]
        )


class OrderedInlineFormSet(BaseInlineFormSet):
    """Rows with a position: reordering and swapping must not trip the unique constraint."""

    def clean(self) -> None:
        super().clean()
        # Django quietly skips a posted row id that is not one of this story's rows; say so
        # instead, so a crafted or stale form is refused rather than half-saved.
        for form in self.initial_forms:
            if form.instance.pk is None and self.data.get(form.add_prefix(self._pk_field.name)):
                raise ValidationError(
                    _("A row in “%(parts)s” does not belong to this story. Reload the page.")
                    % {"parts": self.model._meta.verbose_name_plural}
                )

    def save(self, commit: bool = True) -> list:
        if commit:
            moving = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk
                and (self._should_delete_form(form) or "position" in form.changed_data)
            ]
            for offset, pk in enumerate(moving):
                self.model.objects.filter(pk=pk).update(position=_PARKING_POSITION + offset)
        return super().save(commit)


class StoryPartInline(admin.TabularInline):
    """A part of a story: editable exactly when the story is (workflow.can)."""

    extra = 1
    formset = OrderedInlineFormSet

    def _story_editable(self, request: HttpRequest, obj: Article | None) -> bool:
        return obj is None or workflow.can(request.user, workflow.CHANGE, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and self._story_editable(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and self._story_editable(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and self._story_editable(request, obj)


class BylineInline(StoryPartInline):
    model = Byline
    fields = ["position", "author", "credit"]
    extra = 0

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        if db_field.name == "author":
            writers = Q(groups__permissions__codename="add_article") | Q(is_superuser=True)
            kwargs["queryset"] = get_user_model().objects.filter(writers, is_active=True).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class KeyTakeawayInline(StoryPartInline):
    model = KeyTakeaway
    fields = ["position", "text"]


class ImpactItemInline(StoryPartInline):
    model = ImpactItem
    fields = ["position", "label", "text"]


class CorrectionInline(admin.StackedInline):
    """Corrections are public notes, added by saving a live story as a correction; nobody
    changes or deletes them from the admin."""

    model = Correction
    fields = ["created_at", "text"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("Corrections (saving a live story as a correction adds one)")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class WorkflowEventInline(admin.TabularInline):
    """The story's history: who moved it, when, and their note. Read-only."""

    model = WorkflowEvent
    fields = ["at", "action", "from_status", "to_status", "actor_name", "note", "scheduled_for"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("Workflow history")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return True  # whoever may open the story may read its history


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("draft", _("Draft")),
            ("review", _("In review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Live")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value in ("draft", "review"):
            return queryset.filter(status=value)
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("whose")
    parameter_name = "mine"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("1", _("My stories"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "1":
            return queryset.filter(Article.objects.owned_by_q(request.user))
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    title = _("author")
    parameter_name = "author"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        if not roles.is_editor(request.user):
            return []
        authors = (
            get_user_model()
            .objects.filter(bylines__isnull=False)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        return [(str(user.pk), user.get_full_name() or user.get_username()) for user in authors]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(bylines__author_id=int(value))
        return queryset


class NotFoundForOthersMixin:
    """An object someone may not see is a 404, exactly like one that does not exist."""

    def _get_obj_does_not_exist_redirect(self, request: HttpRequest, opts: Any, object_id: str):
        raise Http404(_("Not found."))


AfterSaveHook = Callable[[Article], Any]


@admin.register(Article)
class ArticleAdmin(
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
        (None, {"fields": ["headline", "slug", "standfirst", "dateline", "section", "tags"]}),
        (_("Lead image"), {"fields": ["lead_image", "lead_image_preview"]}),
        (_("Context & impact"), {"fields": ["context"]}),
        (_("Bottom line"), {"fields": ["bottom_line"]}),
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
    inlines: list[Any] = [
        BylineInline,
        KeyTakeawayInline,
        ImpactItemInline,
        CorrectionInline,
        WorkflowEventInline,
    ]
    after_save_hooks: list[AfterSaveHook] = []
    actions = ["delete_selected", "submit_selected", "publish_selected"]

    # -- the parts other apps add ------------------------------------------------------------

    @classmethod
    def add_inlines(cls, *inlines: Any, before: Any) -> None:
        """Let another app put its story parts on the form (sources: claims, quotes…)."""
        position = cls.inlines.index(before)
        for inline in reversed(inlines):
            if inline not in cls.inlines:
                cls.inlines.insert(position, inline)

    @classmethod
    def add_after_save_hook(cls, hook: AfterSaveHook) -> None:
        if hook not in cls.after_save_hooks:
            cls.after_save_hooks.append(hook)

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

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        # Every save moves the version (Article.save), inline-only edits included, so anyone
        # holding the form open at the old version is refused (ArticleForm._check_version).
        if change:
            workflow.check_can_edit(request.user, obj)
        else:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        public_change = form.cleaned_data.get("change")
        if change and public_change:
            obj.record_public_change(request.user, form.cleaned_data.get("correction", ""))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        article = form.instance
        if not article.bylines.exists() and article.created_by_id:
            Byline.objects.create(article=article, author=article.created_by)
        for hook in self.after_save_hooks:
            hook(article)
        article.refresh_search_document()
        action = form.cleaned_data.get("change") or ("edit" if change else "create")
        message = self.construct_change_message(request, form, formsets, not change)
        history.record(article, request.user, action, history.admin_comment(message))

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
                    % {"headline": article.headline, "error": _error_text(error)},
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
                "<path:object_id>/transition/<str:action>/",
                wrap(self.transition_view),
                name="articles_article_transition",
            ),
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="articles_article_preview",
            ),
            *self.history_urls(),
            *super().get_urls(),
        ]

    def workflow_buttons(self, request: HttpRequest, article: Article) -> list[dict]:
        labels = {
            workflow.SUBMIT: _("Submit for review"),
            workflow.SEND_BACK: _("Send back with a note"),
            workflow.PUBLISH: _("Publish now or at a time"),
            workflow.UNPUBLISH: _("Unpublish with a note"),
            workflow.RESCHEDULE: _("Reschedule or publish now"),
        }
        # The version on the page is the one reviewed: publishing binds to it (workflow).
        return [
            {
                "action": action,
                "label": label,
                "url": reverse("admin:articles_article_transition", args=[article.pk, action])
                + f"?version={article.version}",
            }
            for action, label in labels.items()
            if workflow.can(request.user, action, article)
        ]

    def transition_view(self, request: HttpRequest, object_id: str, action: str) -> HttpResponse:
        if action not in workflow.TRANSITIONS:
            raise Http404
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        form: Any = None
        if action in (workflow.SEND_BACK, workflow.UNPUBLISH):
            form = NoteForm(request.POST or None)
        elif action in (workflow.PUBLISH, workflow.RESCHEDULE):
            seen = request.GET.get("version", "")
            version = int(seen) if seen.isdigit() and len(seen) < 10 else article.version
            form = PublishForm(request.POST or None, initial={"version": version})
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if request.method == "POST" and (form is None or form.is_valid()):
            try:
                if action == workflow.SUBMIT:
                    workflow.submit(article, request.user)
                elif action == workflow.SEND_BACK:
                    workflow.send_back(article, request.user, form.cleaned_data["note"])
                elif action in (workflow.PUBLISH, workflow.RESCHEDULE):
                    move = workflow.publish if action == workflow.PUBLISH else workflow.reschedule
                    move(
                        article,
                        request.user,
                        at=form.publish_at(),
                        expected_version=form.cleaned_data.get("version"),
                    )
                else:
                    workflow.unpublish(article, request.user, form.cleaned_data["note"])
            except PermissionDenied as error:
                self.message_user(request, _error_text(error), messages.ERROR)
                return HttpResponseRedirect(change_url)
            except ValidationError as error:
                if form is not None and getattr(error, "code", None) in ("time", "note"):
                    form.add_error(None, error)
                else:
                    for message in error.messages:
                        self.message_user(request, message, messages.ERROR)
                    return HttpResponseRedirect(change_url)
            else:
                self.message_user(request, _done_message(action, article), messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        elif not workflow.can(request.user, action, article):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": {
                workflow.SUBMIT: _("Submit for review"),
                workflow.SEND_BACK: _("Send back to the author"),
                workflow.PUBLISH: _("Publish"),
                workflow.UNPUBLISH: _("Unpublish"),
                workflow.RESCHEDULE: _("Reschedule or publish now"),
            }[action],
            "action": action,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/articles/article/transition.html", context)

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        return render_story(request, article, preview=True)


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or str(_("You do not have permission to do that."))


def _done_message(action: str, article: Article) -> str:
    if action in (workflow.PUBLISH, workflow.RESCHEDULE) and article.is_scheduled:
        return _("Scheduled: “%(headline)s” goes live at %(when)s.") % {
            "headline": article.headline,
            "when": article.published_at.strftime("%Y-%m-%d %H:%M %Z"),
        }
    if action == workflow.RESCHEDULE and not article.is_scheduled:
        return _("Published now: “%s”.") % article.headline
    return {
        workflow.RESCHEDULE: _("Rescheduled: “%s”."),
        workflow.SUBMIT: _("Submitted for review: “%s”."),
        workflow.SEND_BACK: _("Sent back to the author: “%s”."),
        workflow.PUBLISH: _("Published: “%s”."),
        workflow.UNPUBLISH: _("Unpublished: “%s” is off the site."),
    }[action] % article.headline


@admin.register(Section)
class SectionAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "position", "story_count"]
    search_fields = ["name"]
    # Counting stories groups the query, and a grouped query drops Meta.ordering: without this
    # the story form's section autocomplete came back in no particular order.
    ordering = ["position", "name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(stories=Count("articles"))

    @admin.display(description=_("stories"), ordering="stories")
    def story_count(self, obj: Section) -> int:
        return obj.stories


@admin.register(Tag)
class TagAdmin(BoundedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    """Editors share an unpublished story through a signed, expiring link, and revoke it."""

    form = PreviewLinkForm
    list_display = ["article", "link", "created_by", "created_at", "expires_at", "state"]
    list_filter = [("article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["article", "created_by"]
    autocomplete_fields = ["article"]
    readonly_fields = ["link", "created_by", "created_at", "expires_at", "revoked_at"]
    actions = ["revoke_selected"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return roles.is_editor(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a link is shared as it was made; it can only be revoked

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the row records who shared what, and when

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["article", "lifetime"] if obj is None else ["article", *self.readonly_fields]

    def save_model(self, request: HttpRequest, obj: PreviewLink, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def response_add(self, request: HttpRequest, obj: PreviewLink, post_url_continue=None):
        return HttpResponseRedirect(reverse("admin:articles_previewlink_change", args=[obj.pk]))

    @admin.display(description=_("link"))
    def link(self, obj: PreviewLink) -> str:
        if not obj.is_active:
            return "—"
        url = obj.get_absolute_url()
        return format_html('<a href="{}" rel="noreferrer">{}</a>', url, url)

    @admin.display(description=_("state"))
    def state(self, obj: PreviewLink) -> str:
        if obj.revoked_at:
            return _("revoked")
        return _("active") if obj.is_active else _("expired")

    @admin.action(description=_("Revoke selected preview links"))
    def revoke_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(count)d links revoked.") % {"count": count})


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    """Each person's own email settings, and nobody else's."""

    fields = ["email_workflow"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request) and (obj is None or obj.user == request.user)

    has_change_permission = has_view_permission

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).filter(user=request.user)

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        own, _created = NotificationPreference.objects.get_or_create(user=request.user)
        return HttpResponseRedirect(
            reverse("admin:articles_notificationpreference_change", args=[own.pk])
        )
