"""Text search over stories: one interface for every view, whatever the database.

The text searched is Article.search_document (headline, standfirst, takeaways, claims, quotes
and their speakers, analysis), gathered on publish and on every admin save. Queries are cut to
a bounded number of terms so a huge `q` cannot build a huge SQL statement.

On PostgreSQL the search is full-text (English stemming, web-search syntax) and ranked, backed
by a GIN index on the same expression (migration 0005). On SQLite it is an FTS5 index of the
same column (migration 0008: a virtual table the database keeps in step with the column by
triggers): every term must appear, as a word or the start of one ("harb" finds "harbour").
Either way the database looks up the matching stories instead of reading every story's text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import connections, models
from django.db.models import Lookup, QuerySet

if TYPE_CHECKING:
    from django.contrib.postgres.search import SearchVector

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SEARCH_CONFIG = "english"
SQLITE_INDEX = "articles_search"  # the FTS5 table (migration 0008)
_WORD = re.compile(r"\w+")


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
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return _full_text(queryset, " ".join(words))
    if vendor == "sqlite":
        match = fts_query(words)
        if not match:  # only punctuation: no word to look for
            return queryset.none()
        entries = apps.get_model("articles", "SearchEntry").objects.using(queryset.db)
        return queryset.filter(pk__in=entries.filter(document__match=match).values("pk"))
    for word in words:
        queryset = queryset.filter(search_document__icontains=word)
    return queryset


def fts_query(words: list[str]) -> str:
    """An FTS5 query requiring every term, each as a word or a word's start.

    Only the word characters of each term reach FTS5, each term as a quoted phrase, so no
    operator, quote or column name a reader types can change what the query means.
    """
    phrases = [" ".join(_WORD.findall(word)) for word in words]
    return " ".join(f'"{phrase}"*' for phrase in phrases if phrase)


class FullTextDocument(models.TextField):
    """The indexed column of the SQLite FTS5 table; `__match` asks the index."""


@FullTextDocument.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


def _full_text(queryset: QuerySet, text: str) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    search_query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
    vector = document_vector()
    return (
        queryset.annotate(search_match=vector, search_rank=SearchRank(vector, search_query))
        .filter(search_match=search_query)
        .order_by("-search_rank", "-published_at", "-pk")
    )
