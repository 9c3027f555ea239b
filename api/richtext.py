"""Rich text as data: the stored, sanitised HTML and a plain-text reading of it.

The HTML is what articles.markup rendered and cleaned on save; the text is that HTML without
tags, for clients that show or index plain text.
"""

from __future__ import annotations

import html
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def plain_text(markup: str) -> str:
    """The words of sanitised HTML: tags dropped, entities decoded, paragraphs kept apart."""
    return html.unescape(strip_tags(markup or "")).strip()


class RichTextSerializer(serializers.Serializer):
    """The schema of a rich text value (documentation only; RichTextField produces it)."""

    html = serializers.CharField(help_text=_("Sanitised HTML: p, a, em, strong, ul, ol, li, br."))
    text = serializers.CharField(help_text=_("The same words as plain text."))


@extend_schema_field(RichTextSerializer)
class RichTextField(serializers.Field):
    """Reads a stored `*_html` attribute; writes `{"html": …, "text": …}`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: str) -> dict[str, str]:
        return {"html": value or "", "text": plain_text(value)}
