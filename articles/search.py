"""Text search over stories: one interface for every view, whatever the database.

The text searched is Article.search_document (headline, standfirst, takeaways, claims, quotes
and their speakers, analysis), gathered on publish and on every admin save. Queries are cut to
a bounded number of terms so a huge `q` cannot build a huge SQL statement.

On PostgreSQL the search is full-text (English stemming, web-search syntax) and ranked, backed
by a GIN index on the same expression (migration 0004); elsewhere every term must appear in the
document, case-insensitively.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import QuerySet

if TYPE_CHECKING:
    from django.contrib.postgres.search import SearchVector

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SEARCH_CONFIG = "english"


def terms(query: str) -> list[str]:
    """The words of a query, bounded in length and number."""
    return (query or "")[:MAX_QUERY_LENGTH].split()[:MAX_TERMS]


def document_vector() -> SearchVector:
    """The tsvector expression the GIN index is built on; queries must use exactly this one."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("search_document", config=SEARCH_CONFIG)


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Stories in `queryset` matching every term of `query`; on PostgreSQL, best match first."""
    words = terms(query)
    if not words:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return _full_text(queryset, " ".join(words))
    for word in words:
        queryset = queryset.filter(search_document__icontains=word)
    return queryset


def _full_text(queryset: QuerySet, text: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    search_query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    vector = document_vector()
    return (
        queryset.annotate(search_match=vector, search_rank=SearchRank(vector, search_query))
        .filter(search_match=search_query)
        .order_by("-search_rank", "-published_at", "-pk")
    )
