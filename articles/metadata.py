"""What each page tells browsers, search engines and link previews about itself.

A view builds one `PageMeta` (title, description, canonical address, robots policy, OpenGraph
type and times, JSON-LD) and base.html prints it through templates/_page_meta.html. The policy:
every page has a canonical address without query parameters (except the page number); previews
are `noindex, nofollow`; filtered or searched listings and listings past their first page are
`noindex, follow` (the sitemaps list every story, so nothing is lost to search engines).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import unescape
from typing import Any

from django.conf import settings
from django.core.paginator import Page
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale

from trust import publisher

from . import markup, worktypes
from .machine_time import machine_time
from .story import Story

DESCRIPTION_LENGTH = 200
BACKSTORY_LENGTH = 5000
NOINDEX_FOLLOW = "noindex, follow"
NOINDEX_NOFOLLOW = "noindex, nofollow"


def plain_text(html: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Sanitised HTML as one line of plain text, cut at a word boundary."""
    text = " ".join(unescape(strip_tags(html)).split())
    return Truncator(text).chars(limit)


@dataclass
class SocialImage:
    """The picture link previews show: the lead image's social crop, at an absolute URL."""

    url: str
    width: int
    height: int
    alt: str
    content_type: str

    def json_ld(self) -> dict[str, Any]:
        return {"@type": "ImageObject", "url": self.url, "width": self.width, "height": self.height}


@dataclass
class PageMeta:
    title: str
    description: str
    canonical_url: str
    robots: str = ""
    og_type: str = "website"
    published_time: datetime | None = None
    modified_time: datetime | None = None
    section: str = ""
    structured_data: dict[str, Any] | None = None
    image: SocialImage | None = None

    @property
    def locale(self) -> str:
        return to_locale(get_language() or settings.LANGUAGE_CODE)

    def json_ld(self) -> SafeString:
        return markup.json_ld(self.structured_data or {})


def site_description() -> str:
    return settings.NEWSROOM_SITE_DESCRIPTION


def for_front(request: HttpRequest) -> PageMeta:
    return PageMeta(
        title="",
        description=site_description(),
        canonical_url=request.build_absolute_uri(reverse("articles:front")),
        structured_data=publisher.organization_page(request),
    )


def for_listing(
    request: HttpRequest,
    title: str,
    description: str,
    page: Page | None,
    filtered: bool = False,
) -> PageMeta:
    """A list of stories: canonical without filters; noindex when filtered or past page 1."""
    number = page.number if page is not None else 1
    url = request.path if number == 1 else f"{request.path}?page={number}"
    return PageMeta(
        title=title,
        description=description or site_description(),
        canonical_url=request.build_absolute_uri(url),
        robots=NOINDEX_FOLLOW if filtered or number > 1 else "",
    )


def for_story(request: HttpRequest, story: Story, preview: bool = False) -> PageMeta:
    article = story.article
    url = request.build_absolute_uri(article.get_absolute_url())
    description = plain_text(article.standfirst_html)
    image = social_image(request, article)
    return PageMeta(
        title=article.headline,
        description=description or site_description(),
        canonical_url=url,
        robots=NOINDEX_NOFOLLOW if preview else "",
        og_type="article",
        published_time=story.published_at,
        modified_time=story.modified_at,
        section=article.section.name if article.section else "",
        structured_data=news_article(request, story, url, description, image),
        image=image,
    )


def social_image(request: HttpRequest, article: Any) -> SocialImage | None:
    if article.lead_image is None:
        return None
    crop = article.lead_image.social
    return SocialImage(
        url=request.build_absolute_uri(crop.url),
        width=crop.width,
        height=crop.height,
        alt=article.lead_image.alt_text,
        content_type=crop.content_type,
    )


def news_article(
    request: HttpRequest,
    story: Story,
    url: str,
    description: str,
    image: SocialImage | None = None,
) -> dict:
    """schema.org NewsArticle for the story page (https://schema.org/NewsArticle), typed by
    the story's type of work (articles.worktypes)."""
    article = story.article
    authors = [_author(request, byline) for byline in story.bylines]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": worktypes.schema_types(article.work_type),
        "genre": worktypes.label(article.work_type),
        "headline": article.headline,
        "description": description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "image": [image.json_ld()] if image else None,
        "datePublished": _local_iso(story.published_at),
        "dateModified": _local_iso(story.modified_at),
        "author": authors,
        "publisher": publisher.organization(request),
        "articleSection": article.section.name if article.section else None,
        "keywords": [tag.name for tag in story.tags],
        "dateline": article.dateline,
        "backstory": plain_text(article.methods_html, limit=BACKSTORY_LENGTH),
        "correction": [
            {
                "@type": "CorrectionComment",
                "text": plain_text(correction.text_html, limit=1000),
                "datePublished": _local_iso(correction.created_at),
            }
            for correction in story.corrections
        ],
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "isAccessibleForFree": True,
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _author(request: HttpRequest, byline: Any) -> dict[str, str]:
    """A Person with the profile page's url when the writer has a public profile."""
    person = {"@type": "Person", "name": byline.display_name}
    if byline.profile is not None:
        person["url"] = request.build_absolute_uri(byline.profile.get_absolute_url())
    return person


def _local_iso(moment: datetime | None) -> str | None:
    """ISO 8601 in the newsroom's time zone, to the second (as readers see it on the page)."""
    return machine_time(moment) or None
