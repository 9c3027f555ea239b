"""Template tags for pages rendered without a request context (error pages, sitemaps)."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

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
