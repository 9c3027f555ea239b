"""The links every API answer carries, absolute and built from the request's host: `api_url`
is the thing in this API, `page_url`/`canonical_url` its public page, `stories_url` the stories
list filtered to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Section, Tag


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteUrlField(serializers.Field):
    """An absolute URL on this site for the object, from a function giving its path."""

    def __init__(self, path: Callable[[Any], str], **kwargs: Any) -> None:
        self.path = path
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj: Any) -> str:
        return self.context["request"].build_absolute_uri(self.path(obj))


def page_path(obj: Any) -> str:
    return obj.get_absolute_url()


def api_path(view_name: str, attribute: str = "slug") -> Callable[[Any], str]:
    return lambda obj: reverse(view_name, kwargs={"slug": getattr(obj, attribute)})


def stories_path(parameter: str, attribute: str) -> Callable[[Any], str]:
    """The stories list filtered to this object, e.g. /api/v1/stories/?tag=housing."""
    return lambda obj: (
        f"{reverse('api:story-list')}?{urlencode({parameter: getattr(obj, attribute)})}"
    )


def listing_stories_path(obj: Section | Tag) -> str:
    """The stories list's filter for a section or a tag is named after the model."""
    return stories_path(obj._meta.model_name, "slug")(obj)
