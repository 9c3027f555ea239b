"""The story editor as a page: the change form laid out for writing (its context for the
template), and the same form shown unsaved — a resumed draft copy, or text mode read back into
the form — for ArticleAdmin.

Saving stays ArticleAdmin's (through the editing service); the JSON helpers the editor's script
calls are in editor.py, text mode's in text_mode.py, autosave's in autosave.py.
"""

from __future__ import annotations

from copy import copy
from typing import Any

from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from sources.models import Source
from staff.names import display_name

from .. import workflow
from ..models import Article
from ..transitions import TRANSITIONS
from .form_text import TextHasProblems, form_from_text
from .transitions import workflow_toolbar
from .widgets import without_popups

TEXT_MODE = "text"  # the editor's `_editor_mode` while the story is written as text


class RenderOnlyForm:
    """A story form shown with what was typed, never valid, so nothing is saved; its own
    checks wait for the real save (they would only repeat what the save will say)."""

    def full_clean(self) -> None:
        self._errors = ErrorDict()
        self.cleaned_data = {}

    def is_valid(self) -> bool:
        return False


class EditorPageMixin:
    """For ArticleAdmin: the editor's page, and the form shown again without saving."""

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict | None = None,
    ) -> HttpResponse:
        article = self.get_object(request, object_id) if object_id else None
        extra_context = extra_context or {}
        resumed = self.resumed_form(request, article)
        if resumed is not None:
            extra_context.update(resumed=True, autosave=None)
            return self.text_mode_or_form(request, object_id, resumed, extra_context)
        if request.method == "POST" and request.POST.get("_editor_mode") == TEXT_MODE:
            if request.POST.get("_editor_switch") == "form":
                return self.text_mode_or_form(request, object_id, request.POST, extra_context)
            try:
                request.POST = form_from_text(request.POST.get("story_text", ""), request.POST)
            except TextHasProblems:
                return self.text_mode_or_form(request, object_id, request.POST, extra_context)
        return super().changeform_view(request, object_id, form_url, extra_context)  # type: ignore[misc]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any):
        return without_popups(super().formfield_for_dbfield(db_field, request, **kwargs))

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict,
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Article | None = None,
    ) -> HttpResponse:
        editable = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        if editable:
            formsets = context.get("inline_admin_formsets", [])
            context["parts"] = {item.formset.prefix: item for item in formsets}
            context["editor"] = self.editor_context(
                request, obj, context.get("resumed", False), context.get("story_text")
            )
            # Shown in the side panel from the story itself; their formsets still post.
            context["editor"]["read_only_parts"] = [
                item for item in formsets if item.formset.prefix in ("corrections", "events")
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def editor_context(
        self,
        request: HttpRequest,
        article: Article | None,
        resumed: bool = False,
        story_text: str | None = None,
    ) -> dict:
        """What the story editor shows around the form, and the addresses its script calls."""
        live = (
            reverse("admin:articles_article_live", args=[article.pk])
            if article
            else reverse("admin:articles_article_live_new")
        )
        urls = {"live": live, "person": reverse("admin:articles_article_person", args=[0])}
        if request.user.has_perm("sources.add_source"):
            urls["new_source"] = reverse("admin:articles_article_new_source")
        if request.user.has_perm("sources.add_person"):
            urls["new_person"] = reverse("admin:articles_article_new_person")
        autosave = self.autosave_context(request, article)
        if autosave:
            urls["autosave"] = autosave["autosave_url"]
        urls["text_check"] = reverse("admin:articles_article_text_check")
        urls["text_from_form"] = reverse("admin:articles_article_text_from_form")
        context: dict = {
            "config": {
                "urls": urls,
                "source_kinds": Source.Kind.choices,
                "text_mode": story_text is not None,
            },
            "story_text": story_text,
            "autosave": None if resumed else autosave.get("autosave"),
            "resumed": resumed,
        }
        if article is None:
            context["workflow"] = []
            return context
        buttons = workflow_toolbar(request, article)
        events = list(article.events.order_by("-at", "-pk")[:50])
        context.update(
            workflow=buttons,
            refusals=[button for button in buttons if not button["allowed"]],
            submit_note=workflow.last_submit_note(article),
            author_note=workflow.last_note_for_author(article)
            if article.status == Article.Status.DRAFT
            else None,
            history=[
                {
                    "at": event.at,
                    "label": TRANSITIONS[event.action].history
                    if event.action in TRANSITIONS
                    else event.action,
                    "actor_name": event.actor_name,
                    "note": event.note,
                }
                for event in events
            ],
            corrections=list(article.corrections.all()),
            created_by_name=display_name(article.created_by) if article.created_by_id else "",
            lead_image_preview=self.lead_image_preview(article),
        )
        return context

    def text_mode_or_form(
        self, request: HttpRequest, object_id: str | None, data: QueryDict, extra_context: dict
    ) -> HttpResponse:
        """The editor with `data`, unsaved: read back into the form if it was written in text
        mode and the text reads cleanly, else still in text mode with the text as typed."""
        if data.get("_editor_mode") == TEXT_MODE:
            text = data.get("story_text", "")
            try:
                data = form_from_text(text, data)
            except TextHasProblems:
                extra_context["story_text"] = text
        return self.render_unsaved(request, object_id, data, extra_context)

    def render_unsaved(
        self, request: HttpRequest, object_id: str | None, data: QueryDict, extra_context: dict
    ) -> HttpResponse:
        """The editor filled with `data` (a kept draft copy, or text mode read back into the
        form), saving nothing: the person reviews it and saves as usual, with every check."""
        unsaved = copy(request)
        # No files; and set now, or Django would parse a GET's empty body into POST the first
        # time FILES is read, after the story form took `data` but before its parts did.
        unsaved._files = MultiValueDict()
        unsaved.method, unsaved.POST = "POST", data
        unsaved.csrf_processing_done = True  # the request itself passed the CSRF check
        unsaved.render_only = True
        return super().changeform_view(unsaved, object_id, "", extra_context)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, "render_only", False):
            return type("UnsavedArticleForm", (RenderOnlyForm, form), {})
        return form
