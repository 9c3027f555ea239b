"""Template tags for every page, including those rendered without a request context (error
pages, sitemaps)."""

from datetime import date, datetime

from django import template
from django.conf import settings
from django.utils.translation import get_language

from ..machine_time import machine_time as _machine_time

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The newsroom's name, for the 400 and 500 pages (rendered without any context)."""
    return settings.NEWSROOM_SITE_NAME


@register.simple_tag
def news_language() -> str:
    """The ISO 639 code Google News expects ("en" for en-gb; Chinese keeps its script)."""
    code = (get_language() or settings.LANGUAGE_CODE).lower()
    return code if code.startswith("zh") else code.split("-")[0]


@register.filter
def machine_time(moment: datetime | date | None) -> str:
    """{{ story.published_at|machine_time }}: for `datetime` attributes (articles.machine_time)."""
    return _machine_time(moment)
