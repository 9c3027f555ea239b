"""The OpenAPI description of the API: drf-spectacular's, plus the errors every endpoint gives.

The filters' parameters carry the syntax the filters check (api.filters), so a value the
schema calls valid is one the API accepts, and a value it calls invalid is refused.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("For bad parameters: the messages for each parameter, by name."),
    )


ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description=_("Unknown or malformed parameters.")),
    404: OpenApiResponse(ErrorSerializer, description=_("Not found, or not published.")),
    429: OpenApiResponse(ErrorSerializer, description=_("Too many requests; see Retry-After.")),
}


class ContentApiSchema(AutoSchema):
    def get_response_serializers(self) -> Any:
        declared = super().get_response_serializers()
        if not isinstance(declared, dict):
            declared = {200: declared}
        errors = {code: error for code, error in ERROR_RESPONSES.items() if code not in declared}
        return {**declared, **errors}


class ContentApiFilters(DjangoFilterExtension):
    """drf-spectacular's reading of a FilterSet, with the schema our filters give themselves.

    drf-spectacular guesses a type from the filter's class or model field; it does not see a
    form field's bounds (a source id from 1, a slug's length). Each filter in api.filters
    states them in `openapi_schema`.
    """

    priority = 1

    def resolve_filter_field(
        self,
        auto_schema: AutoSchema,
        model: Any,
        filterset_class: Any,
        field_name: str,
        filter_field: Any,
    ) -> list[dict[str, Any]]:
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        schema = getattr(filter_field, "openapi_schema", None)
        if schema is not None:
            for parameter in parameters:
                parameter["schema"] = dict(schema)
        return parameters
