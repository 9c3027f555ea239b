"""Policy text: Markdown with headings, lists, links, emphasis and quotes, sanitised on save.

A policy page has its own <h1> (the policy's name), so a Markdown `#` heading becomes <h2>,
`##` <h3>, and anything deeper <h4>: the outline stays whole whatever the editor typed.
"""

import json
from typing import Any

import nh3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("zero").enable(
    ["heading", "lheading", "emphasis", "link", "list", "newline", "blockquote"]
)

_ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "br", "h2", "h3", "h4", "blockquote"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def render(text: str) -> str:
    """Sanitised HTML for a policy's Markdown `text`."""
    tokens = _markdown.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(int(token.tag[1]) + 1, 4)
            token.tag = f"h{level}"
    html = _markdown.renderer.render(tokens, _markdown.options, {})
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    ).strip()


def trusted(html: str) -> SafeString:
    """Mark HTML that render() produced (and the model stored) as safe to print."""
    return mark_safe(html)  # noqa: S308 - sanitised by nh3 on save


# The escapes Django's json_script uses: no "</script>" or "<!--" can end the element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> element holding `data`, safe whatever its text."""
    text = json.dumps(data).translate(_JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308 - <, >, & escaped above
    )
