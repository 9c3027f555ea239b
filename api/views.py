"""The content API's endpoints: thin doors onto Article.objects.published().

Every queryset here starts from published() (never visible_to: the API has no staff view),
and everything else (sections, tags, people, sources, authors, corrections, withdrawals) is
reached through, or counted over, published stories only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.urls import reverse
from django.utils.translation import get_language
from django.views.generic import TemplateView
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from articles import workflow
from articles.kept import KeptByToken, surroundings
from articles.models import Article, Byline, Correction, Quote, WorkflowEvent
from articles.models.bylines import WITH_WRITER
from articles.story import Story
from authors.models import Profile
from edge import contentkeys

from . import ninjs, serializers
from .conditional import make_conditional
from .filters import StoryFilter, WithdrawalFilter
from .pagination import CursorPage
from .params import check_parameters
from .reference import api_reference
from .schema import LAST_MODIFIED, answers


class ReadOnlyView(generics.GenericAPIView):
    """GET, HEAD and OPTIONS only; unknown parameters refused; validators on every 200."""

    http_method_names = ["get", "head", "options"]
    pagination_class = None
    last_modified: datetime | None = None
    # What the answer shows (edge/contentkeys.py; the keys are declared in articles/cachekeys.py).
    content_keys: tuple[str, ...] = ("names",)
    shown: list[str] | None = None  # the keys of the rows this answer holds

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        check_parameters(request, self.allowed_parameters())

    def allowed_parameters(self) -> set[str]:
        allowed: set[str] = set()
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        if self.paginator is not None:
            allowed |= {self.paginator.cursor_query_param, self.paginator.page_size_query_param}
        return allowed

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        answered = getattr(request, "_request", request)
        contentkeys.shows(answered, *self.content_keys, *(self.shown or ()))
        return make_conditional(request, response, self.last_modified)


class ListView(ReadOnlyView, generics.ListAPIView):
    pagination_class = CursorPage
    cursor_ordering: tuple[str, ...] = ("-pk",)


def published_stories() -> QuerySet:
    return Article.objects.published()


# -- stories -----------------------------------------------------------------------------------


# A story's summary, and a whole story, are made once per change of the story (articles.kept):
# about 1 KB and 10 KB each.
_summaries = KeptByToken(5000)
# What a summary reads besides the story's row (as Article.objects.with_bylines()).
SUMMARY_PREFETCHES = (
    "tags",
    Prefetch("bylines", queryset=Byline.objects.select_related(*WITH_WRITER)),
)
_stories = KeptByToken(1000)


class StoryList(ListView):
    """Published stories, newest first."""

    serializer_class = serializers.StorySummarySerializer
    filterset_class = StoryFilter
    cursor_ordering = ("-published_at", "-pk")
    content_keys = ("archive",)

    def get_queryset(self) -> QuerySet:
        # Tags and bylines are read in summaries(), for the stories whose summaries are not kept.
        return published_stories().with_cards().prefetch_related(None)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.summaries(page))

    def summaries(self, stories: list[Article]) -> list[Any]:
        """Each story's summary as kept under its page token, made only where missing:
        serializing a summary (its links, tags and bylines) was most of the list's time.
        Everything a summary shows is on the story's page, so every change to it replaces
        the token; its links are absolute, so the address the API was reached at counts."""
        around = (*surroundings(), self.request.scheme, self.request.get_host())
        keys = [(story.pk, story.page_token, around) for story in stories]
        found = [_summaries.get(key) for key in keys]
        missing = [story for story, summary in zip(stories, found, strict=True) if summary is None]
        prefetch_related_objects(missing, *SUMMARY_PREFETCHES)
        made = iter(self.get_serializer(missing, many=True).data if missing else ())
        summaries = []
        for key, summary in zip(keys, found, strict=True):
            if summary is None:
                summary = next(made)
                _summaries.keep(key, summary)
            summaries.append(summary)
        return summaries

    def paginate_queryset(self, queryset: QuerySet) -> list | None:
        page = super().paginate_queryset(queryset)
        self.shown = contentkeys.story_keys(page or [])
        return page


class StoryDetailBase(ReadOnlyView):
    lookup_field = "slug"
    content_keys = ()

    def get_queryset(self) -> QuerySet:
        # The page's parts, plus every quote (the page shows only the pull quote, which
        # rides in the story's row).
        return (
            published_stories()
            .with_story_parts()
            .prefetch_related(
                Prefetch("quotes", queryset=Quote.objects.select_related("speaker", "source")),
            )
        )

    def get_story(self) -> Story:
        story = Story.of(self.get_object())
        self.last_modified = story.article.last_public_change
        self.shown = contentkeys.story_keys([story.article])
        return story


@extend_schema(parameters=[LAST_MODIFIED])
class StoryDetail(StoryDetailBase, generics.RetrieveAPIView):
    """One published story, whole: every part in the page's order, both HTML and text."""

    serializer_class = serializers.StorySerializer

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The story as kept under its page token (one query for the token), or made from
        its parts (seven) and kept: everything it shows is on the story's page, so every
        change to it replaces the token."""
        around = (*surroundings(), request.scheme, request.get_host())
        token = published_stories().filter(slug=self.kwargs["slug"]).values_list("pk", "page_token")
        found = token.first()
        kept = _stories.get((*found, around)) if found else None
        if kept is None:
            story = self.get_story()
            context = {**self.get_serializer_context(), "story": story}
            data = self.get_serializer(story.article, context=context).data
            key = (story.article.pk, story.article.page_token, around)
            _stories.keep(key, (data, self.last_modified))
            return Response(data)
        data, self.last_modified = kept
        self.shown = [f"story:{found[0]}"]
        return Response(data)


class StoryNinjs(StoryDetailBase):
    """One published story as an IPTC ninjs 3.1 news item."""

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT, **answers(paginated=False)},
        parameters=[LAST_MODIFIED],
        description="The story as an IPTC ninjs 3.1 news item (application/json).",
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        story = self.get_story()
        return Response(ninjs.news_item(story, request, self.last_modified))


# -- what stories point at ----------------------------------------------------------------------


def counted(things: QuerySet, stories: str) -> QuerySet:
    """`things` with `story_count`: how many published stories reach each through `stories`."""
    reached = Q(**{f"{stories}__in": published_stories()})
    return things.annotate(story_count=Count(stories, filter=reached, distinct=True))


class SectionList(ListView):
    """Sections with at least one published story."""

    serializer_class = serializers.SectionSerializer
    cursor_ordering = ("position", "name")

    def get_queryset(self) -> QuerySet:
        return counted(published_stories().sections_used(), "articles")


class TagList(ListView):
    """Tags on at least one published story."""

    serializer_class = serializers.TagSerializer
    cursor_ordering = ("name", "pk")

    def get_queryset(self) -> QuerySet:
        return counted(published_stories().tags_used(), "articles")


class AuthorList(ListView):
    """Writers with a public profile and a byline on at least one published story."""

    serializer_class = serializers.AuthorSerializer
    cursor_ordering = ("slug",)

    def get_queryset(self) -> QuerySet:
        profiles = Profile.objects.public().filter(user__in=published_stories().writers())
        return counted(profiles, "user__bylines__article")


def quoted_people() -> QuerySet:
    published_quotes = Q(quotes__article__in=published_stories())
    return counted(published_stories().people_quoted(), "quotes__article").annotate(
        quote_count=Count("quotes", filter=published_quotes, distinct=True)
    )


class PersonList(ListView):
    """People quoted in at least one published story."""

    serializer_class = serializers.PersonSerializer
    cursor_ordering = ("name", "pk")

    def get_queryset(self) -> QuerySet:
        return quoted_people()


class PersonDetail(ReadOnlyView, generics.RetrieveAPIView):
    """A person quoted in published stories, with those quotes (newest story first)."""

    serializer_class = serializers.PersonDetailSerializer
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet:
        return quoted_people()

    def get_object(self) -> Any:
        person = super().get_object()
        person.published_quotes = list(
            published_stories().quotes_by(person).select_related("article")
        )
        stories = [f"story:{quote.article_id}" for quote in person.published_quotes]
        self.shown = [f"person:{person.pk}", *stories]
        return person


class SourceList(ListView):
    """Sources in the source list of at least one published story. Never their notes."""

    serializer_class = serializers.SourceSerializer
    cursor_ordering = ("title", "pk")

    def get_queryset(self) -> QuerySet:
        return counted(published_stories().sources_listed(), "story_entries__article")


class CorrectionList(ListView):
    """Corrections to published stories, newest first."""

    serializer_class = serializers.CorrectionSerializer
    cursor_ordering = ("-created_at", "-pk")
    content_keys = ("corrections",)

    def get_queryset(self) -> QuerySet:
        return Correction.objects.public()


class WithdrawalList(ListView):
    """Stories that were live and have been taken down since `since`, newest first.

    One row per story (its latest withdrawal); a story published again is not listed, and
    neither is a scheduled story withdrawn before its time (it was never public).
    """

    serializer_class = serializers.WithdrawalSerializer
    filterset_class = WithdrawalFilter
    cursor_ordering = ("-at", "-pk")
    content_keys = ("archive",)  # stories leaving the published set

    def get_queryset(self) -> QuerySet:
        latest = WorkflowEvent.objects.filter(
            article=OuterRef("article"), action=workflow.UNPUBLISH
        ).order_by("-at", "-pk")
        return (
            workflow.withdrawals()
            .filter(pk=Subquery(latest.values("pk")[:1]))
            .exclude(article__in=published_stories())
            .select_related("article")
        )


# -- the rest of /api/ --------------------------------------------------------------------------


class ApiDocs(TemplateView):
    """The API reference: the OpenAPI schema as a page of the site, drawn on the server
    (api/reference.py says why not Redoc)."""

    template_name = "api/docs.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "reference": api_reference(get_language()),
            "schema_url": reverse("api:schema"),
        }


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any other address under /api/: a JSON 404 rather than the site's HTML page."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        raise NotFound()
