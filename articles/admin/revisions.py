"""The story's revision history in the admin: the list, compare any two, restore one.

Every door starts from ArticleAdmin.get_object (stories the person may open, else 404) and
restoring asks the same question as editing (workflow.can CHANGE), so history is never a way
round the rules.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from .. import comparison, editing, revisions, workflow
from ..forms import RestoreForm
from ..models import Article, StoryRevision


def _revision_id(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


class RevisionHistoryMixin:
    """For ArticleAdmin: /history/ lists revisions; compare and restore hang off it."""

    def history_urls(self) -> list:
        wrap = self.admin_site.admin_view  # type: ignore[attr-defined]
        return [
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                wrap(self.restore_view),
                name="articles_article_restore",
            ),
        ]

    def _story(self, request: HttpRequest, object_id: str) -> Article:
        article = self.get_object(request, object_id)  # type: ignore[attr-defined]
        if article is None:
            raise Http404
        return article

    def _context(self, request: HttpRequest, article: Article, title: str, **extra: Any) -> dict:
        return {
            **self.admin_site.each_context(request),  # type: ignore[attr-defined]
            "opts": Article._meta,
            "original": article,
            "title": title,
            "change_url": reverse("admin:articles_article_change", args=[article.pk]),
            "history_url": reverse("admin:articles_article_history", args=[article.pk]),
            "can_restore": workflow.can(request.user, workflow.CHANGE, article),
            **extra,
        }

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict | None = None
    ) -> HttpResponse:
        article = self._story(request, object_id)
        kept = list(revisions.revisions_of(article))
        rows = [
            {
                "revision": revision,
                "who": revisions.author_name(revision.revision.user),
                "action": revisions.ACTIONS.get(revision.action, revision.action),
                "comment": revisions.change_message(revision),
            }
            for revision in kept
        ]
        context = self._context(
            request,
            article,
            _("History of “%s”") % article.headline,
            rows=rows,
            compare_url=reverse("admin:articles_article_compare", args=[article.pk]),
        )
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def compare_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = self._story(request, object_id)
        history = revisions.revisions_of(article)
        old_id = _revision_id(request.GET.get("from"))
        new_id = _revision_id(request.GET.get("to"))
        if old_id is None or new_id is None:
            latest = list(history[:2])
            if len(latest) < 2:
                self.message_user(  # type: ignore[attr-defined]
                    request, _("There is only one revision so far."), messages.INFO
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_history", args=[article.pk])
                )
            new_id, old_id = latest[0].pk, latest[1].pk
        found = {revision.pk: revision for revision in history.filter(pk__in=[old_id, new_id])}
        if old_id not in found or new_id not in found:
            raise Http404
        old, new = sorted([found[old_id], found[new_id]], key=lambda revision: revision.pk)
        context = self._context(
            request,
            article,
            _("Compare versions %(old)s and %(new)s") % {"old": old.version, "new": new.version},
            comparison=comparison.compare(old, new),
        )
        return TemplateResponse(request, "admin/articles/article/compare.html", context)

    def restore_view(self, request: HttpRequest, object_id: str, revision_id: int) -> HttpResponse:
        article = self._story(request, object_id)
        revision = StoryRevision.objects.filter(article=article, pk=revision_id).first()
        if revision is None:
            raise Http404
        if not workflow.can(request.user, workflow.CHANGE, article):
            raise PermissionDenied
        form = RestoreForm(
            request.POST or None, initial={"version": article.version}, live=article.is_live
        )
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if request.method == "POST" and form.is_valid():
            try:
                _new, left_out = editing.restore(
                    article,
                    revision,
                    request.user,
                    expected_version=form.cleaned_data["version"],
                    change=form.cleaned_data.get("change", ""),
                    correction=form.cleaned_data.get("correction", ""),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                for message in left_out:
                    self.message_user(request, message, messages.WARNING)  # type: ignore[attr-defined]
                self.message_user(  # type: ignore[attr-defined]
                    request,
                    _("Restored version %(version)s as a new revision.")
                    % {"version": revision.version},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
        current = revisions.revisions_of(article).first()
        context = self._context(
            request,
            article,
            _("Restore version %(version)s") % {"version": revision.version},
            comparison=comparison.compare(current, revision) if current != revision else None,
            restoring=revision,
            form=form,
        )
        return TemplateResponse(request, "admin/articles/article/compare.html", context)
