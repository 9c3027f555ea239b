"""The admin's "Commenter data" page: an editor types an email address and sees every comment
sent with it, then exports them (JSON), deletes them or anonymises them, each destructive
action after a confirmation step. Every rule is in comments.data_rights; this is its door.

Everything is POSTed, so the address never sits in a URL (nor in the server's access logs).
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import data_rights, moderation

FIND, EXPORT, DELETE, ANONYMISE = "find", "export", "delete", "anonymise"
DESTRUCTIVE = {
    DELETE: _("Delete these comments"),
    ANONYMISE: _("Anonymise these comments"),
}


def _done_message(action: str, erasure: data_rights.Erasure) -> str:
    if action == DELETE:
        text = ngettext(
            "Deleted %(count)d comment sent with this address.",
            "Deleted %(count)d comments sent with this address.",
            erasure.comments,
        ) % {"count": erasure.comments}
    else:
        text = ngettext(
            "Anonymised %(kept)d of %(count)d comment sent with this address.",
            "Anonymised %(kept)d of %(count)d comments sent with this address.",
            erasure.comments,
        ) % {"kept": erasure.anonymised, "count": erasure.comments}
        if erasure.comments > erasure.anonymised:
            text += " " + str(_("The others were never published and were deleted."))
    if erasure.replies:
        text += " " + ngettext(
            "%(count)d reply by another reader went with them.",
            "%(count)d replies by other readers went with them.",
            erasure.replies,
        ) % {"count": erasure.replies}
    return text


def commenter_data_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    if not moderation.can_moderate(request.user):
        raise PermissionDenied
    email = data_rights.normalise(request.POST.get("email", ""))
    action = request.POST.get("action", FIND) if request.method == "POST" else ""
    context: dict[str, Any] = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Commenter data"),
        "email": email,
        "queue_url": reverse("admin:comments_comment_changelist"),
    }
    if request.method == "POST" and not email:
        context["problem"] = _("Type the email address the comments were sent with.")
    elif action == EXPORT:
        document = data_rights.export(email, request.user)
        body = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="commenter-data-{stamp}.json"'
        return response
    elif action in DESTRUCTIVE and request.POST.get("confirmed") == "yes":
        erase = data_rights.erase if action == DELETE else data_rights.anonymise
        erasure = erase(email, request.user)
        model_admin.message_user(request, _done_message(action, erasure), messages.SUCCESS)
        return HttpResponseRedirect(request.path)
    elif action in DESTRUCTIVE:
        context["confirm"] = action
        context["confirm_label"] = DESTRUCTIVE[action]
    if email and request.method == "POST":
        comments = data_rights.comments_sent_with(email, request.user)
        context["comments"] = comments
        if context.get("confirm") == DELETE:
            context["replies_by_others"] = data_rights.replies_by_others(comments)
        if context.get("confirm") == ANONYMISE:
            context["unpublished"] = sum(1 for c in comments if c.status != c.Status.APPROVED)
    return TemplateResponse(request, "admin/comments/commenter_data.html", context)
