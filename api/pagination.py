"""Cursor pagination: stable pages while stories are published, a capped page size.

DRF's cursor pagination answers a malformed cursor with a 404 and would pass a tampered
position straight to the database; here both are a 400, and so is a page size outside
1–MAX_PAGE_SIZE (rather than being quietly replaced).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.request import Request

from .params import as_utc

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_POSITION_LENGTH = 200


class CursorPage(CursorPagination):
    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    ordering = ("-pk",)
    invalid_cursor_message = _("Invalid cursor.")

    def get_ordering(self, request: Request, queryset: QuerySet, view: Any) -> tuple[str, ...]:
        """Each view names its own order (`cursor_ordering`): newest first, or by name."""
        return tuple(getattr(view, "cursor_ordering", self.ordering))

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            message = _("Enter a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]})
        return size

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list[Any] | None:
        self._model = queryset.model
        self._ordering = self.get_ordering(request, queryset, view)
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request: Request) -> Cursor | None:
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            cursor = None
            valid = False
        else:
            valid = cursor is None or self._position_is_valid(cursor.position)
        if not valid:
            raise ValidationError({self.cursor_query_param: [self.invalid_cursor_message]})
        return cursor

    def _position_is_valid(self, position: str | None) -> bool:
        """A cursor's position must be a value of the field the pages are ordered by."""
        if position is None:
            return True
        if len(position) > MAX_POSITION_LENGTH or "\x00" in position:
            return False
        field = _ordering_field(self._model, self._ordering[0].lstrip("-"))
        try:
            value = field.to_python(position)
            if isinstance(value, datetime):
                return timezone.is_aware(value) and as_utc(value) is not None
        except DjangoValidationError:
            return False
        return True

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = _("Items per page, 1–%(max)d (default %(default)d).") % {
                    "max": self.max_page_size,
                    "default": self.page_size,
                }
        return parameters


def _ordering_field(model: type[Model], name: str) -> Any:
    return model._meta.pk if name == "pk" else model._meta.get_field(name)
