"""The OpenAPI description of the API: drf-spectacular's, plus the errors every endpoint gives."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
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
