"""Admin search with a bounded term: a 100 KB query must not build a 100 KB SQL filter."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest

MAX_ADMIN_SEARCH_LENGTH = 200


class BoundedSearchMixin:
    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        return super().get_search_results(  # type: ignore[misc]
            request, queryset, search_term[:MAX_ADMIN_SEARCH_LENGTH]
        )
