"""Public pages: thin doors onto Article.objects.published() (or visible_to for staff)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from django_filters.views import FilterView

from authors.jsonld import profile_page
from authors.models import Profile
from edge import contentkeys

from . import cachekeys, metadata, paging, prerender
from . import cards as story_cards
from .filters import ArchiveFilter
from .front import FrontPage, SectionTop
from .models import Article, Correction, PreviewLink, Section
from .paging import KeysFirstPaginator
from .related import related_stories
from .story import Story

STORIES_PER_PAGE = 20
CORRECTIONS_PER_PAGE = 30


def render_story(request: HttpRequest, article: Article, preview: bool = False) -> HttpResponse:
    """The story page; a preview of an unpublished story is private, uncached and noindex.

    A live story's head and article come from its stored render (articles.prerender); a
    preview is rendered afresh every time and never kept.
    """
    if preview:
        story = Story.of(article)
        page = prerender.render(request, story, preview=True)
        related = story.related
    else:
        page = prerender.page_for(request, article)
        related = related_stories(article, page.tag_ids)
        contentkeys.shows(request, *cachekeys.story_page(article, page.tag_ids))
    context = {"article": article, "page": page, "related": related, "preview": preview}
    response = render(request, "articles/story.html", context)
    if preview:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def front_page(request: HttpRequest) -> HttpResponse:
    front = FrontPage.build()
    contentkeys.shows(request, "front")  # and each card's story (articles.cards)
    cards: dict[str, Any] = {}
    if front.lead:
        cards = {
            "lead": story_cards.cards_for(
                request, front.lead, lead=True, level=2, takeaways=front.lead_takeaways
            )[0],
            "top_stories": story_cards.cards_for(request, front.top_stories, level=3),
            "latest": story_cards.cards_for(request, front.latest, level=3, compact=True),
            "sections": [
                (block, story_cards.cards_for(request, block.stories, level=3, hide_section=True))
                for block in front.sections
            ],
        }
    context = {"front": front, "cards": cards, "page_meta": metadata.for_front(request)}
    return render(request, "articles/front.html", context)


def story(request: HttpRequest, slug: str) -> HttpResponse:
    """A story for the public; staff who may see an unpublished one get a marked preview."""
    queryset = Article.objects.visible_to(request.user).with_story_row().select_related("rendered")
    article = get_object_or_404(queryset, slug=slug)
    return render_story(request, article, preview=not article.is_live)


def robots_txt(request: HttpRequest) -> HttpResponse:
    contentkeys.shows(request, "robots")
    sitemaps = [
        request.build_absolute_uri(reverse(name))
        for name in ("articles:sitemap", "articles:news_sitemap")
    ]
    return render(request, "robots.txt", {"sitemaps": sitemaps}, content_type="text/plain")


def published_cards() -> Any:
    """What every list of stories starts from: published, newest first, ready for cards."""
    return Article.objects.published().newest_first().with_cards()


class CountedUpToALimit:
    """Story lists count their stories no further than paging.COUNT_LIMIT."""

    def get_paginator(self, queryset: Any, per_page: int, *args: Any, **kwargs: Any) -> Any:
        return KeysFirstPaginator(
            queryset, per_page, *args, count_limit=paging.COUNT_LIMIT, **kwargs
        )


class StoryListView(CountedUpToALimit, ListView):
    """A page of published story cards, newest first; later pages are noindex."""

    template_name = "articles/listing.html"
    context_object_name = "stories"
    paginate_by = STORIES_PER_PAGE
    allow_empty = True

    def title(self) -> str:
        raise NotImplementedError

    def description(self) -> str:
        return ""

    def list_key(self) -> str:
        """The content key of the record whose stories the list shows."""
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        contentkeys.shows(self.request, self.list_key())  # and each card's (articles.cards)
        context["title"] = self.title()
        context["page_meta"] = metadata.for_listing(
            self.request, self.title(), self.description(), context["page_obj"]
        )
        self.arrange(context)
        return context

    def arrange(self, context: dict[str, Any]) -> None:
        """Put the page's stories on it as cards."""
        context["cards"] = story_cards.cards_for(self.request, context["stories"])


class SectionView(StoryListView):
    def get_queryset(self) -> Any:
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return published_cards().for_section(self.section)

    def title(self) -> str:
        return self.section.name

    def list_key(self) -> str:
        return f"section:{self.section.pk}"

    def description(self) -> str:
        return self.section.description or str(
            _("The latest stories in %(section)s.") % {"section": self.section.name}
        )

    def arrange(self, context: dict[str, Any]) -> None:
        """The first page starts with the editors' choice, if any; a story is listed once."""
        context["section"] = self.section
        top = None
        if context["page_obj"].number == 1:
            top = SectionTop.build(self.section, context["stories"])
        if top is None:
            context["cards"] = story_cards.cards_for(
                self.request, context["stories"], hide_section=True
            )
            return
        on_top = {story.pk for story in top.stories}
        context["top"] = top
        context["top_cards"] = self._top_cards(top)
        context["stories"] = [s for s in context["stories"] if s.pk not in on_top]
        context["cards"] = story_cards.cards_for(
            self.request, context["stories"], level=3, hide_section=True
        )

    def _top_cards(self, top: SectionTop) -> dict[str, Any]:
        """A chosen story from another section keeps its section's name."""
        here = self.section.pk

        def card(story: Article, **variant: Any) -> Any:
            return story_cards.card_for(
                self.request, story, hide_section=story.section_id == here, **variant
            )

        return {
            "lead": card(top.lead, lead=True, level=2, takeaways=top.lead_takeaways),
            "top_stories": [card(s, level=3, compact=True) for s in top.top_stories],
        }


class TagView(StoryListView):
    """Stories with a tag; a tag only unpublished stories carry has no page yet."""

    def get_queryset(self) -> Any:
        used = Article.objects.published().tags_used()
        self.tag = get_object_or_404(used, slug=self.kwargs["slug"])
        # Through the tag's own (tag, story) index: a join made SQLite walk every published
        # story checking its tags (3 ms to count a tag's stories at 10,000 stories).
        tagged = Article.tags.through.objects.filter(tag=self.tag).values("article_id")
        return published_cards().filter(pk__in=tagged)

    def title(self) -> str:
        return self.tag.name

    def list_key(self) -> str:
        return f"tag:{self.tag.pk}"

    def description(self) -> str:
        return str(_("Stories tagged %(tag)s.") % {"tag": self.tag.name})


class AuthorView(StoryListView):
    """A writer's public profile and published stories.

    Only a public profile of someone with a published story has a page; every other address
    (a login name, a private profile, a writer with nothing published) is the same 404, so the
    page never tells whether an account exists.
    """

    template_name = "authors/profile.html"

    def get_queryset(self) -> Any:
        writers = Article.objects.published().writers()
        profiles = Profile.objects.public().filter(user__in=writers).select_related("photo")
        self.profile = get_object_or_404(profiles, slug=self.kwargs["slug"])
        return published_cards().filter(bylines__author=self.profile.user_id)

    def title(self) -> str:
        return self.profile.display_name

    def list_key(self) -> str:
        return f"author:{self.profile.user_id}"

    def description(self) -> str:
        about = ", ".join(part for part in (self.profile.role, self.profile.beat) if part)
        stories = str(_("Stories by %(name)s.") % {"name": self.title()})
        return f"{about}. {stories}" if about else stories

    def arrange(self, context: dict[str, Any]) -> None:
        super().arrange(context)
        context["profile"] = self.profile
        context["page_meta"].structured_data = profile_page(self.request, self.profile)


class ArchiveView(CountedUpToALimit, FilterView):
    """Every published story, filtered and searched; an invalid filter is shown and ignored."""

    filterset_class = ArchiveFilter
    template_name = "articles/archive.html"
    context_object_name = "stories"
    paginate_by = STORIES_PER_PAGE
    strict = False

    def get_queryset(self) -> Any:
        return published_cards()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        contentkeys.shows(self.request, "archive", "names")  # and each card's (articles.cards)
        title = _("Archive")
        context["page_meta"] = metadata.for_listing(
            self.request,
            str(title),
            str(_("Every story we have published, by section, tag, author and date.")),
            context["page_obj"],
            filtered=self.filterset.is_filtered,
        )
        context["cards"] = story_cards.cards_for(self.request, context["stories"], level=3)
        return context


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
    contentkeys.shows(request, "corrections")
    page = Paginator(Correction.objects.public(), CORRECTIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "articles/corrections.html", {"page": page})
