"""The workflow in the admin: the moves a story's toolbar shows (each usable, or saying why
not), and the pages behind them (an optional note to the editor for submit; a note for send
back and unpublish; now or a time for publish and reschedule).

Every page calls the same articles.workflow function as any other door, and shows its
refusals as admin messages. Someone who opens a move they may not make is told why on an
admin page (403), not sent to the public "sign in" page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .. import workflow
from ..forms import NoteForm, PublishForm, SubmitForm
from ..models import Article
from ..transitions import TRANSITIONS


class TransitionAdminMixin:
    """For ArticleAdmin: /transition/<action>/ and the buttons that lead there."""

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view  # type: ignore[attr-defined]
        return [
            path(
                "<path:object_id>/transition/<str:action>/",
                wrap(self.transition_view),
                name="articles_article_transition",
            ),
            *super().get_urls(),  # type: ignore[misc]
        ]

    def workflow_buttons(self, request: HttpRequest, article: Article) -> list[dict]:
        """The toolbar's moves this person may make now."""
        return [button for button in workflow_toolbar(request, article) if button["allowed"]]

    def transition_view(self, request: HttpRequest, object_id: str, action: str) -> HttpResponse:
        if action not in workflow.TRANSITIONS:
            raise Http404
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        posted = request.POST if request.method == "POST" else None
        form: Any
        # A story sent back (or unpublished) is resubmitted in answer to the editor's note.
        editor_note = workflow.last_note_for_author(article) if action == workflow.SUBMIT else None
        if action == workflow.SUBMIT:
            form = SubmitForm(posted, answering=editor_note is not None)
        elif action in (workflow.SEND_BACK, workflow.UNPUBLISH):
            form = NoteForm(posted)
        else:  # publish, reschedule
            seen = request.GET.get("version", "")
            version = int(seen) if seen.isdigit() and len(seen) < 10 else article.version
            form = PublishForm(posted, initial={"version": version})
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if posted is not None and form.is_valid():
            try:
                if action == workflow.SUBMIT:
                    workflow.submit(article, request.user, form.cleaned_data["note"])
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
                self.message_user(request, error_text(error), messages.ERROR)
                return HttpResponseRedirect(change_url)
            except ValidationError as error:
                if getattr(error, "code", None) in ("time", "note"):
                    form.add_error(None, error)
                else:
                    for message in error.messages:
                        self.message_user(request, message, messages.ERROR)
                    return HttpResponseRedirect(change_url)
            else:
                self.message_user(request, _done_message(action, article), messages.SUCCESS)
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "action": action,
            "change_url": change_url,
        }
        reason = workflow.why_not(request.user, action, article)
        if reason is not None:
            context["title"] = _("%s: not possible") % TRANSITIONS[action].title
            context["reason"] = reason
            return TemplateResponse(
                request, "admin/articles/article/transition_refused.html", context, status=403
            )
        context["title"] = TRANSITIONS[action].title
        context["form"] = form
        if action != workflow.SUBMIT:
            context["submit_note"] = workflow.last_submit_note(article)
        context["editor_note"] = editor_note
        return TemplateResponse(request, "admin/articles/article/transition.html", context)


def workflow_toolbar(request: HttpRequest, article: Article) -> list[dict]:
    """The moves that belong to the story's state, each usable or saying why not.

    A move from another state (unpublish on a draft) is left out, not shown refused.
    """
    toolbar = []
    for action, transition in TRANSITIONS.items():
        if not _belongs_to_state(action, article):
            continue
        reason = workflow.why_not(request.user, action, article)
        url = reverse("admin:articles_article_transition", args=[article.pk, action])
        toolbar.append(
            {
                "action": action,
                "label": transition.button,
                # The version on the page is the one reviewed: publishing binds to it.
                "url": f"{url}?version={article.version}",
                "allowed": reason is None,
                "reason": reason,
            }
        )
    return toolbar


def error_text(error: Exception) -> str:
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
    return TRANSITIONS[action].done % article.headline


def _belongs_to_state(action: str, article: Article) -> bool:
    """Whether the move starts from the story's state (reschedule: only while scheduled)."""
    if action == workflow.RESCHEDULE:
        return article.is_scheduled
    return article.status == TRANSITIONS[action].source
