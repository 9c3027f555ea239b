"""The comment form's doors: send a comment, fetch fresh tokens, and recover from CSRF failures.

None of these responses may be cached: they carry per-reader tokens or the reader's own text.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from articles.models import Article

from . import closing, events, ratelimit, reports, tokens
from .forms import CommentForm, ReportForm
from .models import MAX_ID, Comment

SENT = gettext_lazy("Thanks — your comment is awaiting moderation.")


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _form_page(
    request: HttpRequest,
    article: Article,
    form: CommentForm,
    *,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    """The "Leave a Comment" page: the form with what was typed, and fresh tokens inline."""
    if form.is_bound:
        form.is_valid()  # errors next to the fields, and the comment being answered
    context = {
        "article": article,
        "form": form,
        "reply_to": form.reply_to,
        "notice": notice,
        "issued": tokens.issue(article),
        "issued_field": tokens.FIELD,
    }
    return _private(render(request, "comments/form_page.html", context, status=status))


def _closed(request: HttpRequest, article: Article) -> HttpResponse:
    unsent = request.POST.get("body", "") if request.method == "POST" else ""
    context = {"article": article, "unsent": unsent}
    return _private(render(request, "comments/closed.html", context, status=403))


def _open_story(slug: str) -> Article:
    """Only published stories take comments; anything else is a 404 like an unknown one."""
    return get_object_or_404(Article.objects.published(), slug=slug)


@require_http_methods(["GET", "POST"])
def comment_form(request: HttpRequest, slug: str) -> HttpResponse:
    """GET: the form on its own page (to reply, or without the story). POST: send a comment."""
    article = _open_story(slug)
    if not closing.is_open(article):
        return _closed(request, article)
    if request.method == "GET":
        form = CommentForm(article=article)
        form.reply_to = Comment.objects.replyable_for(article, request.GET.get("parent"))
        form.initial["parent"] = form.reply_to.pk if form.reply_to else None
        return _form_page(request, article, form)

    form = CommentForm(request.POST, article=article)
    address = ratelimit.client_address(request)
    log = {"story": article.pk, "client": address, "name": request.POST.get("name", "")}
    problem = tokens.problem(request.POST.get(tokens.FIELD), article)
    if problem is not None:
        events.record("refused", reason=problem.reason, **log)
        return _form_page(request, article, form, notice=str(problem.value), status=400)
    if not form.is_valid():
        events.record("invalid", fields=",".join(sorted(form.errors)), **log)
        return _form_page(request, article, form)
    verdict = ratelimit.hit(address)
    if not verdict.allowed:
        events.record("rate-limited", logging.WARNING, bucket=ratelimit.bucket(address), **log)
        minutes = max(1, round(verdict.retry_after / 60))
        notice = ngettext(
            "You have sent several comments in a short time. Your comment was not sent; "
            "please wait %(minutes)d minute and send it again.",
            "You have sent several comments in a short time. Your comment was not sent; "
            "please wait %(minutes)d minutes and send it again.",
            minutes,
        ) % {"minutes": minutes}
        response = _form_page(request, article, form, notice=notice, status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response

    comment, created = Comment.objects.submit(
        form.comment(address, request.META.get("HTTP_USER_AGENT", ""))
    )
    events.record(
        "stored" if created else "duplicate",
        logging.WARNING if comment.spam_reason else logging.INFO,
        comment=comment.pk,
        status=comment.status,
        spam=comment.spam_reason,
        length=len(comment.body),
        **log,
    )
    messages.success(request, SENT, extra_tags="comment")
    return redirect(f"{article.get_absolute_url()}#comments")


@require_GET
def token(request: HttpRequest, article_id: int) -> JsonResponse:
    """Fresh per-reader tokens for a cached story page (fetched by static/js/comments.js)."""
    article = get_object_or_404(Article.objects.published(), pk=article_id)
    if not closing.is_open(article):
        return _private(JsonResponse({"error": "closed"}, status=403))
    data = {"csrf": get_token(request), "timestamp_token": tokens.issue(article)}
    return _private(JsonResponse(data))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the comment form comes back with its text and fresh tokens.

    Any other form gets a short page saying what to do.
    """
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is None or match.view_name != "comments:form":
        return _private(render(request, "comments/csrf_failure.html", status=403))
    article = _open_story(match.kwargs["slug"])
    if not closing.is_open(article):
        return _closed(request, article)
    form = CommentForm(request.POST, article=article)
    client = ratelimit.client_address(request)
    events.record("refused", reason="csrf", story=article.pk, client=client)
    return _form_page(request, article, form, notice=str(tokens.Problem.MISSING.value), status=403)


# -- readers report a comment -----------------------------------------------------------------


def _reportable_or_404(comment_id: int) -> Comment:
    comment = reports.reportable(comment_id)
    if comment is None:
        raise Http404("No such comment on the site.")
    return comment


def _report_page(
    request: HttpRequest, comment: Comment, form: ReportForm, *, notice: str = "", status: int = 200
) -> HttpResponse:
    context = {
        "comment": comment,
        "article": comment.article,
        "form": form,
        "notice": notice,
        "client_days": settings.COMMENTS_CLIENT_DATA_DAYS,
    }
    return _private(render(request, "comments/report.html", context, status=status))


@require_http_methods(["GET", "POST"])
def report_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    """GET: the report form for an approved comment. POST: report it, then say thanks (the same
    thanks whether or not this report sent the comment back to the queue)."""
    comment = _reportable_or_404(comment_id)
    if request.method == "GET":
        return _report_page(request, comment, ReportForm())
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _report_page(request, comment, form, status=400)
    address = ratelimit.client_address(request)
    verdict = ratelimit.hit(
        address,
        scope="report",
        limit=settings.COMMENTS_REPORT_RATE_LIMIT,
        period=settings.COMMENTS_REPORT_RATE_PERIOD,
    )
    if not verdict.allowed:
        events.record("report-rate-limited", logging.WARNING, comment=comment.pk, client=address)
        notice = gettext_lazy(
            "You have sent several reports in a short time. This one was not sent; please "
            "try again later."
        )
        response = _report_page(request, comment, form, notice=str(notice), status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    reports.report(comment, form.cleaned_data["reason"], form.cleaned_data["note"], address)
    return _private(redirect("comments:reported", comment_id=comment.pk))


@require_GET
def reported(request: HttpRequest, comment_id: int) -> HttpResponse:
    """The thanks after a report, with the way back to the story."""
    article = None
    if 0 < comment_id <= MAX_ID:
        found = Comment.objects.filter(pk=comment_id, article__in=Article.objects.published())
        found = found.select_related("article").only("pk", "article__slug", "article__headline")
        comment = found.first()
        article = comment.article if comment is not None else None
    return _private(render(request, "comments/reported.html", {"article": article}))
