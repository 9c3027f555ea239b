"""RSS 2.0 and Atom feeds of published stories (the whole site, each section) and corrections."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from edge import contentkeys

from .models import Article, Correction, Section

FEED_ITEMS = 30


def _stories() -> QuerySet:
    return Article.objects.published().newest_first().with_cards().prefetch_related("tags")


class ShowsKeys:
    """A feed's answer declares its content keys (edge/contentkeys.py)."""

    keys: tuple[str, ...] = ("feeds",)

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        contentkeys.shows(request, *self.keys)
        return super().__call__(request, *args, **kwargs)  # type: ignore[misc]


class LatestStoriesFeed(ShowsKeys, Feed):
    """The newest published stories (RSS 2.0)."""

    def title(self) -> str:
        return settings.NEWSROOM_SITE_NAME

    def description(self) -> str:
        return settings.NEWSROOM_SITE_DESCRIPTION

    def link(self) -> str:
        return reverse("articles:front")

    def feed_url(self) -> str:
        return reverse("articles:rss")

    def items(self) -> QuerySet:
        return _stories()[:FEED_ITEMS]

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.standfirst_html

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.first_public_at

    def item_updateddate(self, item: Article) -> datetime | None:
        return item.last_public_change

    def item_author_name(self, item: Article) -> str:
        return ", ".join(byline.display_name for byline in item.bylines.all())

    def item_categories(self, item: Article) -> list[str]:
        section = [item.section.name] if item.section else []
        return section + [tag.name for tag in item.tags.all()]


class LatestStoriesAtomFeed(LatestStoriesFeed):
    """The same stories as Atom: the subtitle is Atom's description, the standfirst its summary."""

    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()

    def feed_url(self) -> str:
        return reverse("articles:atom")


class SectionFeed(LatestStoriesFeed):
    """One section's newest stories (RSS 2.0); an unknown section is a 404."""

    url_name = "articles:section_rss"

    def get_object(self, request: HttpRequest, slug: str) -> Section:
        section = get_object_or_404(Section, slug=slug)
        contentkeys.shows(request, f"section:{section.pk}")
        return section

    def title(self, section: Section) -> str:
        return _("%(section)s — %(site)s") % {
            "section": section.name,
            "site": settings.NEWSROOM_SITE_NAME,
        }

    def description(self, section: Section) -> str:
        return section.description or _("The latest stories in %(section)s.") % {
            "section": section.name
        }

    def link(self, section: Section) -> str:
        return section.get_absolute_url()

    def feed_url(self, section: Section) -> str:
        return reverse(self.url_name, args=[section.slug])

    def items(self, section: Section) -> Any:
        return _stories().for_section(section)[:FEED_ITEMS]


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    url_name = "articles:section_atom"

    def subtitle(self, section: Section) -> str:
        return self.description(section)


class CorrectionsFeed(ShowsKeys, Feed):
    """Every correction of a published story, newest first."""

    keys = ("corrections",)

    link = reverse_lazy("articles:corrections")
    description = gettext_lazy("Corrections to our published stories, newest first.")
    limit = 50

    def title(self) -> str:
        return _("Corrections — %(site)s") % {"site": settings.NEWSROOM_SITE_NAME}

    def items(self) -> QuerySet:
        return Correction.objects.public()[: self.limit]

    def item_title(self, item: Correction) -> str:
        return _("Correction: %(headline)s") % {"headline": item.article.headline}

    def item_description(self, item: Correction) -> str:
        return item.text_html

    def item_pubdate(self, item: Correction) -> datetime:
        return item.created_at
