"""Public pages: thin doors onto Article.objects.published() (or visible_to for staff)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .models import Article, Section, Tag
from .story import Story


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
