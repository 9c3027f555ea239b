"""Sitemaps: every published story and section, and a Google News sitemap of the last two days.

/sitemap.xml is an index of the others: /sitemap-pages.xml, /sitemap-sections.xml and
/sitemap-stories.xml, whose pages (?p=2, ...) each hold the published stories of one range
of STORIES_PER_SITEMAP story ids, oldest first. A page costs the same at 10,000 stories as at
1,000,000 (a single sitemap of every story took seconds to render and grew with the
archive); the index needs only the highest id, not a count of every story; and a page, once
its range is full, changes only when one of its stories does, so crawlers can rely on it.
All go through django.contrib.sitemaps' views; the news sitemap only swaps the template
for one that adds the `news:` elements
(https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from .models import Article, Section

NEWS_WINDOW = timedelta(days=2)
SLUG_MARK = "story-slug"  # stands in for a slug while the story route is reversed
NEWS_LIMIT = 1000  # Google News reads at most this many URLs per sitemap
STORIES_PER_SITEMAP = 5000  # well under the protocol's 50,000, so a page renders quickly


class IdRangePaginator:
    """Pages of a story list by ranges of ids: page n holds ids (n-1)*size+1 to n*size.

    A page may hold fewer than `size` stories (drafts take ids too), never more.
    """

    def __init__(self, stories: QuerySet, size: int) -> None:
        self.stories, self.size = stories, size

    @cached_property
    def num_pages(self) -> int:
        highest = Article.objects.aggregate(highest=Max("pk"))["highest"] or 0  # by the key
        return max(1, math.ceil(highest / self.size))

    def page(self, number: Any) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(number) from error
        if not 1 <= number <= self.num_pages:
            raise EmptyPage(number)
        bottom = (number - 1) * self.size
        stories = self.stories.filter(pk__gt=bottom, pk__lte=bottom + self.size).order_by("pk")
        return Page(list(stories), number, self)


class StorySitemap(Sitemap):
    limit = STORIES_PER_SITEMAP

    def items(self) -> QuerySet:
        return Article.objects.published().only("slug", "published_at", "revised_at")

    @cached_property
    def paginator(self) -> IdRangePaginator:
        return IdRangePaginator(self.items(), self.limit)

    def get_latest_lastmod(self) -> None:
        """No time in the index for the stories: Django's default reads every story to find
        it. Each story's own entry carries its time."""
        return None

    def location(self, item: Article) -> str:
        prefix, suffix = self._around_slug
        return f"{prefix}{item.slug}{suffix}"

    @cached_property
    def _around_slug(self) -> tuple[str, str]:
        """What comes before and after the slug in a story's address. Addresses differ only
        by slug (plain ASCII, nothing to quote), so the route is reversed once per request
        rather than once per story: a third of a 10,000-story sitemap's time went there."""
        prefix, _, suffix = Article(slug=SLUG_MARK).get_absolute_url().partition(SLUG_MARK)
        return prefix, suffix

    def lastmod(self, item: Article) -> datetime:
        return item.last_public_change


class SectionSitemap(Sitemap):
    def items(self) -> QuerySet:
        return Section.objects.all()


class PageSitemap(Sitemap):
    """The front page and the archive."""

    def items(self) -> list[str]:
        return ["articles:front", "articles:archive"]

    def location(self, item: str) -> str:
        return reverse(item)


class NewsSitemap(Sitemap):
    """Stories first published in the last two days, with their headline and time."""

    limit = NEWS_LIMIT

    def items(self) -> QuerySet:
        since = timezone.now() - NEWS_WINDOW
        return (
            Article.objects.published()
            .filter(first_published_at__gte=since)
            .newest_first()
            .only("slug", "headline", "first_published_at", "published_at")
        )


SITEMAPS = {"pages": PageSitemap, "sections": SectionSitemap, "stories": StorySitemap}
NEWS_SITEMAPS = {"news": NewsSitemap}
