"""Autosave in the story admin: the editor posts its form here every few seconds of quiet and
as the page is left, and the change form offers the kept copy back (articles.autosaves).

Every door starts from ArticleAdmin.get_object (a story the person may not open is a 404, as
one that does not exist) and keeping asks the same question as saving (workflow.can CHANGE,
or the right to add stories). The answers are JSON for the editor's script; nothing a browser
or a script sends gets a 500.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import autosaves
from ..models import Article

# The change (or add) form's address with ?autosave=resume shows the kept copy, unsaved.
RESUME_PARAMETER = "autosave"
RESUME_VALUE = "resume"


def _answer(status: int, message: str, **extra: Any) -> JsonResponse:
    return JsonResponse({"message": message, **extra}, status=status)


def _not_found() -> JsonResponse:
    return _answer(404, _("Not found."))


class AutosaveAdminMixin:
    """For ArticleAdmin: POST the story form to <id>/autosave/ (add/autosave/ for a new story)
    to keep it, to …/autosave/discard/ to drop the kept copy."""

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view  # type: ignore[attr-defined]
        keep, discard = require_POST(self.autosave_view), require_POST(self.discard_autosave_view)
        # Before the admin's own patterns: "<path:object_id>/" would take "add/autosave/".
        return [
            path("add/autosave/", wrap(keep), name="articles_article_autosave_new"),
            path(
                "add/autosave/discard/",
                wrap(discard),
                name="articles_article_autosave_new_discard",
            ),
            path("<path:object_id>/autosave/", wrap(keep), name="articles_article_autosave"),
            path(
                "<path:object_id>/autosave/discard/",
                wrap(discard),
                name="articles_article_autosave_discard",
            ),
            *super().get_urls(),  # type: ignore[misc]
        ]

    # -- the doors ---------------------------------------------------------------------------

    def autosave_view(self, request: HttpRequest, object_id: str | None = None) -> HttpResponse:
        article = None
        if object_id is not None:
            article = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
            if article is None:
                return _not_found()
        try:
            autosave = autosaves.keep(request.user, article, request.POST)
        except PermissionDenied as error:
            return _answer(403, str(error) or _("You may not change this story."))
        except ValidationError as error:
            status = 409 if error.code == autosaves.SUPERSEDED else 400
            return _answer(status, " ".join(error.messages))
        at = timezone.localtime(autosave.saved_at)
        return _answer(
            200,
            _("Draft copy kept at %(time)s") % {"time": formats.time_format(at, "H:i")},
            saved_at=at.isoformat(),
        )

    def discard_autosave_view(
        self, request: HttpRequest, object_id: str | None = None
    ) -> HttpResponse:
        article = None
        if object_id is not None:
            article = self.get_object(request, unquote(object_id))  # type: ignore[attr-defined]
            if article is None:
                return _not_found()
        autosaves.discard(request.user, article)
        message = _("Draft copy discarded.")
        # A plain form in the banner comes back to the editor; the editor's script gets JSON.
        if request.get_preferred_type(["application/json", "text/html"]) == "text/html":
            self.message_user(request, message, messages.SUCCESS)  # type: ignore[attr-defined]
            return HttpResponseRedirect(editor_url(article), status=303)
        return _answer(200, message)

    # -- for the change form -------------------------------------------------------------------

    def autosave_context(self, request: HttpRequest, article: Article | None) -> dict:
        """The change form's autosave variables (empty if this person may not keep a copy):
        `autosave_url` and `autosave_discard_url` for the script, `autosave` the banner."""
        if not autosaves.may_write(request.user, article):
            return {}
        return {
            "autosave_url": autosave_url(article),
            "autosave_discard_url": discard_url(article),
            "autosave": self.autosave_banner(request, article),
        }

    def autosave_banner(self, request: HttpRequest, article: Article | None) -> dict | None:
        """What the change form says of a kept copy: when it was kept, where to resume or
        discard it, and whether the story changed since the form was opened. None if there is
        none to offer."""
        autosave = autosaves.latest(request.user, article)
        if autosave is None:
            return None
        changed = bool(
            article is not None
            and autosave.base_version is not None
            and autosave.base_version != article.version
        )
        return {
            "saved_at": autosave.saved_at,
            "resume_url": f"{editor_url(article)}?{RESUME_PARAMETER}={RESUME_VALUE}",
            "discard_url": discard_url(article),
            "story_changed": changed,
        }

    def resumed_form(self, request: HttpRequest, article: Article | None) -> QueryDict | None:
        """The kept copy to bind the change form to, when the address asks to resume it."""
        if request.method != "GET" or request.GET.get(RESUME_PARAMETER) != RESUME_VALUE:
            return None
        autosave = autosaves.latest(request.user, article)
        return autosaves.as_querydict(autosave) if autosave is not None else None


def editor_url(article: Article | None) -> str:
    if article is None:
        return reverse("admin:articles_article_add")
    return reverse("admin:articles_article_change", args=[article.pk])


def autosave_url(article: Article | None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def discard_url(article: Article | None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_new_discard")
    return reverse("admin:articles_article_autosave_discard", args=[article.pk])
