"""Which stories: the public's (published), a person's view of them (visible_to,
editable_by), the fetches each kind of page needs, and the public lists built from stories
(the tags in use, the writers, the people quoted, the sources listed, a person's quotes).

The site and the API both ask these, so each list has one definition. The story model
(article.py) uses this QuerySet as its manager and is reached here as `self.model`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from sources.models import Person, Source

from .. import roles
from .attribution import Claim, Quote, StorySource
from .bylines import WITH_WRITER, Byline
from .taxonomy import Section, Tag


class ArticleQuerySet(models.QuerySet):
    def published(self) -> ArticleQuerySet:
        """The one definition of what the public may see: published, and its time has come."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user: Any) -> ArticleQuerySet:
        """The only widening of published(): editors preview everything, writers their own."""
        if roles.is_editor(user):
            return self.all()
        if roles.is_reporter(user):
            return self.filter(
                Q(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())
                | self.owned_by_q(user)
            )
        return self.published()

    def editable_by(self, user: Any) -> ArticleQuerySet:
        """The stories a person may open in the admin: editors all, writers their own."""
        if roles.is_editor(user):
            return self.all()
        if roles.is_reporter(user):
            return self.filter(self.owned_by_q(user))
        return self.none()

    @staticmethod
    def owned_by_q(user: Any) -> Q:
        bylined = Byline.objects.filter(article=OuterRef("pk"), author=user)
        return Q(created_by=user) | Q(Exists(bylined))

    def in_review(self) -> ArticleQuerySet:
        return self.filter(status=self.model.Status.REVIEW)

    def scheduled(self) -> ArticleQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def changed_publicly_since(self, moment: datetime) -> ArticleQuerySet:
        """These stories whose last public change (Article.last_public_change: publication,
        or a declared correction or update) is at or after `moment`."""
        last_change = Greatest("published_at", Coalesce("revised_at", "published_at"))
        return self.alias(last_public_change=last_change).filter(last_public_change__gte=moment)

    def next_publication_time(self) -> datetime | None:
        """When the next scheduled story goes live (None: nothing is scheduled)."""
        return self.scheduled().aggregate(next=models.Min("published_at"))["next"]

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def for_section(self, section: Section) -> ArticleQuerySet:
        return self.filter(section=section)

    def with_bylines(self) -> ArticleQuerySet:
        """Section and ordered bylines (with their authors), in a fixed number of queries."""
        return self.select_related("section").prefetch_related(_bylines_with_authors())

    def with_cards(self) -> ArticleQuerySet:
        """What a list of story cards needs; the long texts a card never shows stay behind.

        The section and lead image are joined (an image's renditions are data on its own
        row), so lists that skip many stories page by key first (articles.paging)."""
        return (
            self.with_bylines()
            .select_related("lead_image")
            .defer(
                "search_document",
                "context",
                "context_html",
                "bottom_line",
                "bottom_line_html",
                "methods",
                "methods_html",
            )
        )

    def with_story_row(self) -> ArticleQuerySet:
        """The story's row with what joins to it one-to-one: its section, lead image and pull
        quote (at most one per story, by constraint) with the quote's speaker and source.

        `story_row` marks a row fetched this way, so articles.story.Story knows it may add
        the parts (story_prefetches) to it rather than fetch the story again.
        """
        return self.annotate(
            pull=models.FilteredRelation("quotes", condition=Q(quotes__is_pull=True)),
            story_row=models.Value(True, output_field=models.BooleanField()),
        ).select_related("section", "pull__speaker", "pull__source", "lead_image")

    def with_story_parts(self) -> ArticleQuerySet:
        """The story's row and its parts for articles.story.Story, in a fixed number of queries.

        Claims arrive once per cited source (`cited_source_id`) in `claim_citations`, so
        claims and their citations cost one query. The short lists (takeaways, impact items,
        corrections) and the tags are read by Story.of, all in one query.
        """
        return self.with_story_row().prefetch_related("tags", *story_prefetches())

    def writers(self) -> models.QuerySet:
        """The users bylined on any of these stories."""
        bylines = self.parts_of_these(Byline.objects.filter(author=OuterRef("pk")))
        return get_user_model().objects.filter(Exists(bylines))

    def tags_used(self) -> models.QuerySet:
        """The tags any of these stories carries."""
        taggings = self.parts_of_these(self.model.tags.through.objects.filter(tag=OuterRef("pk")))
        return Tag.objects.filter(Exists(taggings))

    def people_quoted(self) -> models.QuerySet:
        """The people quoted in any of these stories."""
        quotes = self.parts_of_these(Quote.objects.filter(speaker=OuterRef("pk")))
        return Person.objects.filter(Exists(quotes))

    def sections_used(self) -> models.QuerySet:
        """The sections any of these stories is filed in."""
        return Section.objects.filter(Exists(self.filter(section=OuterRef("pk"))))

    def sources_listed(self) -> models.QuerySet:
        """The sources in the source list of any of these stories."""
        entries = self.parts_of_these(StorySource.objects.filter(source=OuterRef("pk")))
        return Source.objects.filter(Exists(entries))

    def quotes_by(self, person: Person) -> models.QuerySet:
        """What `person` said in these stories, newest story first (through the index on
        the speaker and the story's time, articles.story_times)."""
        return self.parts_of_these(Quote.objects.filter(speaker=person)).order_by(
            "-story_published_at", "-article_id", "position"
        )

    def parts_of_these(self, rows: models.QuerySet) -> models.QuerySet:
        """Those of `rows` (which point at a story by `article_id`) that belong to one of
        these stories. Each row is checked through its story's primary key, so the database
        walks an index of the rows (a tag's, a writer's, a person's) instead of every story."""
        return rows.filter(Exists(self.filter(pk=OuterRef("article_id"))))

    def latest_per_section(self, count: int, sections: list[Section]) -> ArticleQuerySet:
        """The newest `count` of these stories in each of these sections, in one query.

        Each section's few are found by a small subquery on the (section, status, time)
        index and the stories fetched by primary key, so the cost follows the number of
        sections, not of stories.
        """
        if not sections:
            return self.none()
        newest = [self.filter(section=s).newest_first().values("pk")[:count] for s in sections]
        return self.model.objects.filter(pk__in=_ids_of(self.model, newest))


def story_prefetches() -> list[Any]:
    """The parts of a story that Story.of reads from prefetched rows (see with_story_parts)."""
    return [
        _bylines_with_authors(),
        models.Prefetch(
            "claims",
            queryset=Claim.objects.annotate(cited_source_id=models.F("sources")).order_by(
                "position", "cited_source_id"
            ),
            to_attr="claim_citations",
        ),
        models.Prefetch("source_entries", queryset=StorySource.objects.select_related("source")),
    ]


def _ids_of(model: type[models.Model], parts: list[models.QuerySet]) -> models.QuerySet:
    """The story ids the (ordered, sliced) `parts` select, as one subquery: their UNION ALL.

    Looking stories up by primary key in one list is what both databases do fast: with the
    published filter outside too, SQLite (without ANALYZE statistics) walked every published
    story, and with an OR of several lists PostgreSQL scanned the table. Each part is wrapped
    in `pk IN (...)` because SQLite refuses ORDER BY and LIMIT inside a compound statement.
    """
    wrapped = [model.objects.filter(pk__in=part).values("pk") for part in parts]
    return wrapped[0].union(*wrapped[1:], all=True)


def _bylines_with_authors() -> models.Prefetch:
    return models.Prefetch("bylines", queryset=Byline.objects.select_related(*WITH_WRITER))
