"""The review queue's page in the admin (/admin/review-queue/, wired by the admin site).

The rows come from articles.desk.review_queue, which refuses anyone but an editor; the page
says so on an admin page (403), as the workflow's own pages do.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .. import desk
from ..models import Article

PER_PAGE = 50


def review_queue_view(request: HttpRequest, site: admin.AdminSite) -> HttpResponse:
    context: dict[str, Any] = {
        **site.each_context(request),
        "opts": Article._meta,
        "title": _("Review queue"),
    }
    try:
        queue = desk.review_queue(request.user)
    except PermissionDenied as refusal:
        context["reason"] = str(refusal)
        return TemplateResponse(
            request, "admin/articles/desk/review_queue.html", context, status=403
        )
    page = Paginator(queue, PER_PAGE).get_page(request.GET.get("page"))
    context.update(page=page, stories=page.object_list)
    return TemplateResponse(request, "admin/articles/desk/review_queue.html", context)
