"""The story admin's text doors: "Import story" (paste or upload) and "Export as text".

Both go through the same functions as the commands (articles.importing, articles.storytext)
and the same permission answers as the rest of the story admin: importing needs the right to
add stories (reporters and editors); exporting needs the right to open that story, so anyone
else gets the same 404 as for a story that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

import audit

from .. import importing, storytext
from ..forms import StoryImportForm


class StoryTextAdminMixin:
    """Mixed into ArticleAdmin (a ModelAdmin): adds the import page and the export download."""

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_view), name="articles_article_import"),
            path(
                "<path:object_id>/export/",
                wrap(self.export_view),
                name="articles_article_export",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = StoryImportForm(request.POST or None, request.FILES or None)
        problems: list[storytext.Problem] = []
        if request.method == "POST" and form.is_valid():
            try:
                summary = importing.import_text(form.story_data(), request.user, form.origin())
            except importing.ImportRefused as refused:
                problems = refused.problems
                if refused.text and form.cleaned_data.get("upload") is not None:
                    # Show the uploaded text, so it can be corrected right here.
                    form = StoryImportForm({"text": refused.text})
            else:
                article = summary.article
                audit.record(
                    "story.imported", target=article, request=request, source=form.origin()
                )
                self.message_user(
                    request,
                    _("Imported “%(headline)s” as a draft: %(summary)s.")
                    % {"headline": article.headline, "summary": summary},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_change", args=[article.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import story"),
            "form": form,
            "problems": problems,
        }
        return TemplateResponse(request, "admin/articles/article/import.html", context)

    def export_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_permission(request, article):
            raise Http404
        text, _notes = storytext.export(article)
        audit.record("story.exported", target=article, request=request)
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{article.slug}.txt"'
        return response
