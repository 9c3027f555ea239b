"""The story editor's helpers behind the form: the live preview with its checklist, and the
sources and people a reporter adds to the library without leaving the story.

The form itself is ArticleAdmin's change form (laid out in reading order by its template);
everything here answers the editor's JavaScript with JSON and saves nothing of the story.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _

from sources.models import Person, Source

from .. import rules
from ..models import Article
from ..slugs import unused_slug
from ..story import Story
from ..views import render_story
from .unsaved import NothingToShow, unsaved_story


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["title", "publisher", "url", "kind"]


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "role", "organization"]


class EditorAdminMixin:
    """For ArticleAdmin: the URLs the editor's script calls."""

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view  # type: ignore[attr-defined]
        return [
            path("add/live/", wrap(self.live_view), name="articles_article_live_new"),
            path("<path:object_id>/live/", wrap(self.live_view), name="articles_article_live"),
            path(
                "library/source/",
                wrap(self.new_source_view),
                name="articles_article_new_source",
            ),
            path(
                "library/person/",
                wrap(self.new_person_view),
                name="articles_article_new_person",
            ),
            path(
                "library/person/<int:pk>/",
                wrap(self.person_view),
                name="articles_article_person",
            ),
            *super().get_urls(),  # type: ignore[misc]
        ]

    # -- the live preview and checklist ----------------------------------------------------

    def editable_story(self, request: HttpRequest, object_id: str | None) -> Article | None:
        """The story the editor shows, or None for a new one; refused unless the person may
        change it (or, for a new one, add stories)."""
        if object_id is None:
            if not self.has_add_permission(request):  # type: ignore[attr-defined]
                raise PermissionDenied
            return None
        article = self.get_object(request, object_id)  # type: ignore[attr-defined]
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):  # type: ignore[attr-defined]
            raise PermissionDenied
        return article

    @staticmethod
    def _refuse(message: str, status: int) -> JsonResponse:
        return JsonResponse({"message": message}, status=status)

    def live_view(self, request: HttpRequest, object_id: str | None = None) -> HttpResponse:
        """The public page of the unsaved story, its checklist and citation numbers (JSON)."""
        if request.method != "POST":
            return self._refuse(_("Send the form to preview it."), 405)
        try:
            article = self.editable_story(request, object_id)
        except PermissionDenied:
            return self._refuse(_("You may not edit this story."), 403)
        try:
            with unsaved_story(self, request, article, request.POST) as story:
                page = render_story(request, story, preview=True)
                numbers = {str(source.pk): n for n, source in Story.of(story).sources}
                checks = rules.checklist(story)
        except NothingToShow:
            return JsonResponse(
                {
                    "html": "",
                    "message": _("Write a headline to see the preview."),
                    "checks": [],
                    "checks_message": _("Write a headline; the checklist follows."),
                }
            )
        return JsonResponse(
            {
                "html": page.content.decode(),
                "citations": numbers,
                "checks": [
                    {
                        "label": str(check.label),
                        "part": check.part,
                        "needed_for": check.needed_for,
                        "ok": check.ok,
                        "problems": [str(problem) for problem in check.problems],
                    }
                    for check in checks
                ],
            },
            headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"},
        )

    # -- the library, without leaving the story ----------------------------------------------

    def _create(self, request: HttpRequest, form: forms.ModelForm, permission: str) -> Any:
        if not request.user.has_perm(permission):
            return self._refuse(_("You may not add to the library."), 403)
        if not form.is_valid():
            errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
            return JsonResponse(
                {"message": _("Please correct the errors."), "errors": errors}, status=400
            )
        return form

    def new_source_view(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return self._refuse(_("Send the new source's details."), 405)
        answer = self._create(request, SourceForm(request.POST), "sources.add_source")
        if isinstance(answer, HttpResponse):
            return answer
        source = answer.save()
        return JsonResponse({"id": source.pk, "text": str(source)}, status=201)

    def new_person_view(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return self._refuse(_("Send the new person's details."), 405)
        answer = self._create(request, PersonForm(request.POST), "sources.add_person")
        if isinstance(answer, HttpResponse):
            return answer
        person = answer.save(commit=False)
        person.slug = unused_slug(Person, person.name)
        person.save()
        return JsonResponse({"id": person.pk, "text": str(person), "role": person.role}, status=201)

    def person_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """A speaker's current role, to prefill a quote's role at the time."""
        if request.method != "GET":
            return self._refuse(_("Only reading is possible here."), 405)
        if not request.user.has_perm("sources.view_person"):
            return self._refuse(_("You may not read the library."), 403)
        person = get_object_or_404(Person, pk=pk)
        return JsonResponse({"id": person.pk, "text": str(person), "role": person.role})
