"""The small, safe Markdown subset readers see, rendered to sanitised HTML once, on save.

This is the one module allowed to mark HTML as safe: everything it marks went through nh3.
"""

import nh3
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
