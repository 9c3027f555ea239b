"""The story form's text mode, as two JSON doors: the problems of a text as it is typed, and the
form's unsaved state as text (articles.admin.form_text does the work).

Only staff who may write stories (add or change them: reporters and editors) get answers;
they read nothing the form did not post except the titles of library sources and the names
of people, which the form's pickers show them anyway.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path
from django.utils.translation import gettext as _

from .form_text import check_text, text_from_form

# A story's text is a few KB; anything this long is not one.
MAX_TEXT_BYTES = 200_000


class TextModeAdminMixin:
    """Mixed into ArticleAdmin (a ModelAdmin), before it: adds `text/check/` and
    `text/from-form/` (admin:articles_article_text_check, …_text_from_form)."""

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        return [
            path("text/check/", wrap(self.text_check_view), name="articles_article_text_check"),
            path(
                "text/from-form/",
                wrap(self.text_from_form_view),
                name="articles_article_text_from_form",
            ),
            *super().get_urls(),
        ]

    def text_check_view(self, request: HttpRequest) -> HttpResponse:
        """POST `story_text` → {"problems": [{"line": n, "message": "…"}, …]}."""
        refused = self._refused(request)
        if refused is not None:
            return refused
        text = request.POST.get("story_text", "")
        if len(text.encode()) > MAX_TEXT_BYTES:
            return _too_long()
        return JsonResponse({"problems": check_text(text)})

    def text_from_form_view(self, request: HttpRequest) -> HttpResponse:
        """POST the story form's data → {"text": "…"}: the story as the form holds it."""
        refused = self._refused(request)
        if refused is not None:
            return refused
        text = text_from_form(request.POST)
        if len(text.encode()) > MAX_TEXT_BYTES:
            return _too_long()
        return JsonResponse({"text": text})

    def _refused(self, request: HttpRequest) -> HttpResponse | None:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            return JsonResponse({"error": _("You may not write stories.")}, status=403)
        return None


def _too_long() -> JsonResponse:
    message = _("The text is longer than %(kb)d KB; a story is much shorter.") % {
        "kb": MAX_TEXT_BYTES // 1000
    }
    return JsonResponse({"error": message}, status=400)
