"""The small, safe Markdown subset readers see, rendered to sanitised HTML once, on save.

This is the one module allowed to mark HTML as safe: everything it marks went through nh3,
or (JSON-LD) had every character that could end a <script> element escaped.
"""

import json

import nh3
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# "zero" turns every rule off; enable only links, emphasis and lists (plus paragraphs).
_markdown = MarkdownIt("zero").enable(["emphasis", "link", "list", "newline"])

_ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "br"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def render_block(text: str) -> str:
    """Paragraphs and lists: for analysis, standfirst, bottom line, corrections."""
    return _clean(_markdown.render(text or ""))


def render_inline(text: str) -> str:
    """One line of text with links and emphasis: takeaways, claims, impact items."""
    return _clean(_markdown.renderInline(" ".join((text or "").split())))


def trusted(html: str) -> SafeString:
    """Mark HTML produced by render_block/render_inline (and stored) as safe to print."""
    return mark_safe(html)  # noqa: S308 - input was sanitised by nh3 on save


# The escapes Django's json_script filter uses: no "</script>" or "<!--" can end the element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element holding `data`, safe whatever its text.

    Django's json_script filter escapes the same way but can only write type="application/json",
    which search engines do not read as structured data.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - <, >, & escaped above
    )
