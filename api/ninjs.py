"""A published story as an IPTC ninjs 3.1 news item, so agency and aggregator tools can ingest it.

The story's structure (takeaways, claims with citations, context, quotes, sources,
corrections) goes into the HTML body with the same section classes as the story page;
the native /stories/<slug>/ endpoint has it as fields. Empty values are left out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import to_locale
from rest_framework.request import Request

from articles import worktypes
from articles.story import Story

from .richtext import plain_text

STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}


def timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def language_tag() -> str:
    """The site language as an IETF BCP 47 tag, e.g. en-gb → en-GB."""
    return to_locale(settings.LANGUAGE_CODE).replace("_", "-")


def news_item(story: Story, request: Request, version_created: datetime) -> dict[str, Any]:
    """Build the ninjs object of a story (from an article fetched with with_story_parts())."""
    article = story.article
    absolute = request.build_absolute_uri
    quotes = list(article.quotes.all())
    body_html = render_to_string(
        "api/ninjs_body.html", {"story": story, "article": article, "quotes": quotes}
    ).strip()
    body_text = plain_text(body_html)
    item: dict[str, Any] = {
        "standard": STANDARD,
        "uri": absolute(article.get_absolute_url()),
        "type": "text",
        "representationType": "full",
        "version": str(article.version),
        "firstCreated": timestamp(article.first_public_at),
        "versionCreated": timestamp(version_created),
        "pubStatus": "usable",
        "language": language_tag(),
        "slugline": article.slug,
        "headlines": [{"role": "main", "value": article.headline}],
        "genres": [worktypes.ninjs_genre(article.work_type)],
        "bodies": [
            _body("text/html", body_html, body_text),
            _body("text/plain", body_text, body_text),
        ],
        "copyrightHolder": settings.NEWSROOM_SITE_NAME,
        "altIds": [
            {"role": "slug", "value": article.slug},
            {"role": "api", "value": absolute(reverse("api:story-detail", args=[article.slug]))},
        ],
    }
    if article.standfirst_html:
        item["descriptions"] = [
            {"role": "summary", "contentType": "text/html", "value": article.standfirst_html},
            {
                "role": "summary",
                "contentType": "text/plain",
                "value": plain_text(article.standfirst_html),
            },
        ]
    if story.bylines:
        item["by"] = ", ".join(byline.display_name for byline in story.bylines)
    if article.dateline:
        item["located"] = article.dateline
    subjects = [_subject(article.section, "section", absolute)] if article.section else []
    subjects += [_subject(tag, "tag", absolute) for tag in story.tags]
    if subjects:
        item["subjects"] = subjects
    speakers = {quote.speaker.pk: quote.speaker for quote in quotes}
    if speakers:
        item["people"] = [
            {
                "name": person.name,
                "rel": "quoted",
                "uri": absolute(person.get_absolute_url()),
                "literal": person.slug,
            }
            for person in speakers.values()
        ]
    if story.sources:
        item["infoSources"] = [_info_source(source) for _number, source in story.sources]
    if article.lead_image is not None:
        item["associations"] = [_picture(article.lead_image, absolute)]
    return item


def _picture(image: Any, absolute: Any) -> dict[str, Any]:
    """The lead image as an associated ninjs picture, with every rendition."""
    picture: dict[str, Any] = {
        "name": "leadimage",
        "rel": "lead image",
        "uri": image.key.urn,
        "type": "picture",
        "descriptions": [
            {"role": "alternative-text", "contentType": "text/plain", "value": image.alt_text}
        ],
        "renditions": [
            {
                "name": f"{rendition.name}-{rendition.format}",
                "href": absolute(rendition.url),
                "contentType": rendition.content_type,
                "width": rendition.width,
                "height": rendition.height,
            }
            for rendition in image.all_renditions()
        ],
    }
    if image.caption:
        picture["descriptions"].append(
            {"role": "caption", "contentType": "text/plain", "value": image.caption}
        )
    if image.credit:
        picture["by"] = image.credit
    return picture


def _body(content_type: str, value: str, text: str) -> dict[str, Any]:
    return {
        "role": "main",
        "contentType": content_type,
        "value": value,
        "charCount": len(text),
        "wordCount": len(text.split()),
    }


def _subject(obj: Any, rel: str, absolute: Any) -> dict[str, Any]:
    return {
        "name": obj.name,
        "rel": rel,
        "uri": absolute(obj.get_absolute_url()),
        "literal": obj.slug,
    }


def _info_source(source: Any) -> dict[str, Any]:
    info = {"name": source.title, "role": "source", "literal": str(source.pk)}
    if source.url:
        info["uri"] = source.url
    return info
