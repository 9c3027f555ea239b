"""RSS 2.0 and Atom feeds of published stories (the whole site, each section) and corrections.

A story's entry is made once per change of the story and kept under its page token
(articles.kept), like its card: a feed reads its thirty stories' keys and tokens, and the
rows (with section, tags and bylines) only of stories whose entries are not kept. Everything
an entry shows is on the story's page, so every change to it replaces the token.
"""

from __future__ import annotations

from dataclasses import dataclass
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

from . import worktypes
from .kept import KeptByToken, surroundings
from .models import Article, Correction, Section
from .paging import rows_by_key

FEED_ITEMS = 30


def _stories() -> QuerySet:
    return Article.objects.published().newest_first()


@dataclass(frozen=True)
class Entry:
    """What a feed says of one story."""

    path: str
    title: str
    description: str
    pubdate: datetime | None
    updateddate: datetime | None
    author_name: str
    categories: tuple[str, ...]

    @classmethod
    def of(cls, story: Article) -> Entry:
        section = [story.section.name] if story.section else []
        return cls(
            path=story.get_absolute_url(),
            title=story.headline,
            description=story.standfirst_html,
            pubdate=story.first_public_at,
            updateddate=story.last_public_change,
            author_name=", ".join(byline.display_name for byline in story.bylines.all()),
            # The type of work first ("Opinion"), so a reader's app can tell it from news.
            categories=(
                worktypes.label(story.work_type),
                *section,
                *(tag.name for tag in story.tags.all()),
            ),
        )

    def get_absolute_url(self) -> str:
        return self.path


_entries = KeptByToken(2000)


def entries(stories: QuerySet) -> list[Entry]:
    """The newest FEED_ITEMS of `stories` as entries, kept or made (one query for the rows
    of those not kept, with their section, tags and bylines)."""
    around = surroundings()
    keyed = list(stories.values_list("pk", "page_token")[:FEED_ITEMS])
    found = {pk: _entries.get((pk, token, around)) for pk, token in keyed}
    missing = [pk for pk, entry in found.items() if entry is None]
    if missing:
        rows = Article.objects.with_cards().prefetch_related("tags")
        for story in rows_by_key(rows, missing):
            found[story.pk] = entry = Entry.of(story)
            _entries.keep((story.pk, story.page_token, around), entry)
    return [entry for pk, _ in keyed if (entry := found.get(pk)) is not None]


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

    def items(self) -> list[Entry]:
        return entries(_stories())

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_pubdate(self, item: Entry) -> datetime | None:
        return item.pubdate

    def item_updateddate(self, item: Entry) -> datetime | None:
        return item.updateddate

    def item_author_name(self, item: Entry) -> str:
        return item.author_name

    def item_categories(self, item: Entry) -> list[str]:
        return list(item.categories)


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
        return entries(_stories().for_section(section))


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
