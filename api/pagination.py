"""Cursor pagination: stable pages while stories are published, a capped page size.

A cursor is opaque: clients copy it from a page's `next` or `previous` link. Its syntax is
public (base64, of bounded length), and a value that breaks it is a 400 like any malformed
parameter. A well-formed cursor that leads to no page of this list (altered by hand, or
copied from another list) is a 404, as an unknown page is in Django and DRF: the page it
names does not exist. DRF would pass a tampered position straight to the database; here it
must be a value the list's ordering column can hold. A page size outside 1–MAX_PAGE_SIZE is
a 400 too (rather than being quietly replaced).
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.request import Request

from .params import anchored, as_utc, whole_number

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# The longest text a list is ordered by (a source's title), and so the longest cursor DRF
# writes: "o=…&r=1&p=" and that text with each character percent-encoded as up to four UTF-8
# bytes (12 characters), in base64.
MAX_POSITION_LENGTH = 300
MAX_CURSOR_LENGTH = 4 * math.ceil((len("o=1000&r=1&p=") + 12 * MAX_POSITION_LENGTH) / 3)
BASE64 = r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)"


class CursorPage(CursorPagination):
    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    ordering = ("-pk",)
    malformed_cursor_message = _("Enter the cursor of a `next` or `previous` link, unchanged.")
    invalid_cursor_message = _(
        "This cursor leads to no page of this list; start again from its first page."
    )
    cursor_query_description = _(
        "Where the page starts: copy it from the `next` or `previous` link of another page of "
        "this list, unchanged. A value that is not base64 is a 400; a cursor that leads to no "
        "page of this list is a 404."
    )
    page_size_query_description = format_lazy(
        _("Items per page, 1–{max} (default {default})."),
        max=MAX_PAGE_SIZE,
        default=DEFAULT_PAGE_SIZE,
    )

    def get_ordering(self, request: Request, queryset: QuerySet, view: Any) -> tuple[str, ...]:
        """Each view names its own order (`cursor_ordering`): newest first, or by name."""
        return tuple(getattr(view, "cursor_ordering", self.ordering))

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        size = whole_number(raw)
        if size is None or not 1 <= size <= self.max_page_size:
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
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        if len(encoded) > MAX_CURSOR_LENGTH or not re.fullmatch(BASE64, encoded):
            raise ValidationError({self.cursor_query_param: [self.malformed_cursor_message]})
        cursor = super().decode_cursor(request)  # NotFound when it does not decode
        if not self._position_is_valid(cursor.position):
            raise NotFound(self.invalid_cursor_message)
        return cursor

    def _position_is_valid(self, position: str | None) -> bool:
        """A cursor's position must be a value the column the pages are ordered by can hold."""
        if position is None:
            return True
        if "\x00" in position:
            return False
        field = _ordering_field(self._model, self._ordering[0].lstrip("-"))
        try:
            value = field.to_python(position)
            field.run_validators(value)
            if isinstance(value, datetime):
                return timezone.is_aware(value) and as_utc(value) is not None
        except DjangoValidationError:
            return False
        return True

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        """DRF's two parameters, with the syntax decode_cursor and get_page_size check."""
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.cursor_query_param: {"pattern": anchored(BASE64), "maxLength": MAX_CURSOR_LENGTH},
            self.page_size_query_param: {"minimum": 1, "maximum": self.max_page_size},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds[parameter["name"]])
        return parameters


def _ordering_field(model: type[Model], name: str) -> Any:
    return model._meta.pk if name == "pk" else model._meta.get_field(name)
