"""Text search over stories: one interface for every view, whatever the database.

The text searched is Article.search_document (headline, standfirst, takeaways, claims, quotes
and their speakers, analysis), gathered on publish and on every admin save. Queries are cut to
a bounded number of terms so a huge `q` cannot build a huge SQL statement.
"""

from __future__ import annotations

from django.db.models import QuerySet

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


def terms(query: str) -> list[str]:
    """The words of a query, bounded in length and number."""
    return (query or "")[:MAX_QUERY_LENGTH].split()[:MAX_TERMS]


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Stories in `queryset` that contain every term of `query` (case-insensitive)."""
    for term in terms(query):
        queryset = queryset.filter(search_document__icontains=term)
    return queryset
