"""Public pages: thin doors onto Article.objects.published() (or visible_to for staff)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .models import Article, Correction, PreviewLink, Section, Tag
from .story import Story

CORRECTIONS_PER_PAGE = 30


def render_story(request: HttpRequest, article: Article, preview: bool = False) -> HttpResponse:
    """The story page; a preview of an unpublished story is private, uncached and noindex."""
    response = render(
        request,
        "articles/story.html",
        {"story": Story.of(article), "article": article, "preview": preview},
    )
    if preview:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def front_page(request: HttpRequest) -> HttpResponse:
    stories = Article.objects.published().newest_first().with_cards()[:20]
    return render(request, "articles/front.html", {"stories": stories})


def story(request: HttpRequest, slug: str) -> HttpResponse:
    """A story for the public; staff who may see an unpublished one get a marked preview."""
    queryset = Article.objects.visible_to(request.user).with_story_parts()
    article = get_object_or_404(queryset, slug=slug)
    return render_story(request, article, preview=not article.is_live)


def section(request: HttpRequest, slug: str) -> HttpResponse:
    section = get_object_or_404(Section, slug=slug)
    stories = Article.objects.published().for_section(section).newest_first().with_cards()[:50]
    return render(request, "articles/listing.html", {"title": section.name, "stories": stories})


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    stories = Article.objects.published().filter(tags=tag).newest_first().with_cards()[:50]
    return render(request, "articles/listing.html", {"title": tag.name, "stories": stories})


def author(request: HttpRequest, username: str) -> HttpResponse:
    person = get_object_or_404(get_user_model(), username=username, bylines__isnull=False)
    stories = (
        Article.objects.published().filter(bylines__author=person).newest_first().with_cards()[:50]
    )
    title = person.get_full_name() or person.get_username()
    return render(request, "articles/listing.html", {"title": title, "stories": stories})


def shared_preview(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """A preview link shared by an editor: the latest saved story, private and noindex.

    A tampered, expired, revoked or other story's token is a 404; once the story is live the
    link leads to its public page.
    """
    if PreviewLink.find_active(pk, token) is None:
        raise Http404
    article = get_object_or_404(Article.objects.with_story_parts(), pk=pk)
    if article.is_live:
        return redirect(article)
    response = render_story(request, article, preview=True)
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak through links
    return response


def corrections(request: HttpRequest) -> HttpResponse:
    """Every correction of a published story, newest first."""
    page = Paginator(Correction.objects.public(), CORRECTIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "articles/corrections.html", {"page": page})
