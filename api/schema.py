"""The OpenAPI description of the API: drf-spectacular's, plus every answer an endpoint gives.

Besides the 200, each operation lists the errors it can send (always the JSON body below),
the 304 of a conditional request, and the validators and Retry-After it sets. The filters'
parameters carry the syntax the filters check (api.filters), so a value the schema calls
valid is one the API accepts, and a value it calls invalid is refused.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong, for people."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("For bad parameters: the messages for each parameter, by name."),
    )


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


NOT_MODIFIED = OpenApiResponse(
    description=_(
        "Not modified: the ETag sent in If-None-Match (or, for a story, the time in "
        "If-Modified-Since) still holds. No body."
    )
)
BAD_PARAMETERS = error(
    _("Unknown, repeated, empty or malformed parameters; `errors` names each one.")
)
NO_PAGE = error(_("The cursor leads to no page of this list: start again from its first page."))
NOT_PUBLISHED = error(_("Nothing published has this slug (or it is no longer published)."))
NOT_ACCEPTABLE = error(_("The Accept header rules out application/json, the only type sent."))
THROTTLED = error(_("Too many requests from this address; try again after Retry-After."))

ETAG = OpenApiParameter(
    "ETag",
    str,
    OpenApiParameter.HEADER,
    required=True,
    response=[200],
    description=_("Changes exactly when the body does; send it back in If-None-Match."),
)
LAST_MODIFIED = OpenApiParameter(
    "Last-Modified",
    str,
    OpenApiParameter.HEADER,
    required=True,
    response=[200],
    description=_("The story's last public change (publication, correction, update)."),
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    int,
    OpenApiParameter.HEADER,
    required=True,
    response=[429],
    description=_("Seconds to wait before asking again."),
)


def answers(*, paginated: bool) -> dict[int, OpenApiResponse]:
    """Every answer but the 200: a list's 404 is about its cursor, an item's about its slug."""
    return {
        304: NOT_MODIFIED,
        400: BAD_PARAMETERS,
        404: NO_PAGE if paginated else NOT_PUBLISHED,
        406: NOT_ACCEPTABLE,
        429: THROTTLED,
    }


class ContentApiSchema(AutoSchema):
    def get_response_serializers(self) -> Any:
        declared = super().get_response_serializers()
        if not isinstance(declared, dict):
            declared = {200: declared}
        others = answers(paginated=self.view.paginator is not None)
        return {**declared, **{code: others[code] for code in others if code not in declared}}

    def get_override_parameters(self) -> list[Any]:
        return [*super().get_override_parameters(), ETAG, RETRY_AFTER]


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
