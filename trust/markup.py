"""Policy text: Markdown with headings, lists, links, emphasis and quotes, sanitised on save.

A policy page has its own <h1> (the policy's name), so a Markdown `#` heading becomes <h2>,
`##` <h3>, and anything deeper <h4>: the outline stays whole whatever the editor typed.
"""

import nh3
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
