"""The related stories under a story: those sharing the most tags, then its section's newest.

The candidates are each of the story's tags' newest stories (TAGGED of them, through the
(tag, story) index, migration 0010) and the section's newest few (the section index); each is
then checked to be published by its primary key, so the cost does not grow with the archive.

This one query is written in SQL. Built through the ORM (a union of sliced subqueries, a
correlated check, a filtered count) it took four times as long to build as to run, on every
uncached story page. Its table names come from the models' metadata, and it applies
the rule of ArticleQuerySet.published() — published, and its time has come — which the
story page tests hold it to (a draft or a scheduled story never shows).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connections
from django.utils import timezone

from .models import Article, Section

COUNT = 4  # stories in the box
TAGGED = 50  # candidates: each tag's newest stories
SECTION = 4  # candidates: the section's newest


def related_stories(article: Article, tag_ids: list[int]) -> list[Article]:
    """Up to COUNT published stories sharing the most tags with `article`, then newest."""
    if not tag_ids and article.section_id is None:
        return []
    connection = connections[article._state.db or "default"]
    n = _names()
    published = Article.Status.PUBLISHED.value
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    tags = ", ".join(["%s"] * len(tag_ids))
    # Derived tables let each candidate list keep its ORDER BY and LIMIT inside the UNION; the
    # candidates come first and CROSS JOIN keeps them first (SQLite, without statistics,
    # would otherwise walk every published story's index entry and test each against them).
    candidates: list[str] = []
    params: list[Any] = []
    for number, tag_id in enumerate(tag_ids):
        # One list per tag: each walks its own stretch of the index, newest first, and stops.
        candidates.append(
            f"SELECT story_id FROM (SELECT t.{n['story']} AS story_id FROM {n['tagging']} t"
            f" WHERE t.{n['tag']} = %s ORDER BY t.{n['story']} DESC LIMIT %s) tagged{number}"
        )
        params += [tag_id, TAGGED]
    if article.section_id is not None:
        candidates.append(
            f"SELECT story_id FROM (SELECT n.id AS story_id FROM {n['article']} n"
            " WHERE n.section_id = %s AND n.status = %s AND n.published_at <= %s AND n.id <> %s"
            " ORDER BY n.published_at DESC, n.id DESC LIMIT %s) newest"
        )
        params += [article.section_id, published, now, article.pk, SECTION]
    shared = "0"
    if tag_ids:
        shared = (
            f"(SELECT COUNT(*) FROM {n['tagging']} c"
            f" WHERE c.{n['story']} = a.id AND c.{n['tag']} IN ({tags}))"
        )
    sql = (
        f"SELECT a.id, a.headline, a.slug, a.published_at, s.id, s.name, s.slug,"
        f" {shared} AS shared_tags"
        f" FROM ({' UNION '.join(candidates)}) candidate"
        f" CROSS JOIN {n['article']} a LEFT OUTER JOIN {n['section']} s ON s.id = a.section_id"
        " WHERE a.id = candidate.story_id"
        " AND a.status = %s AND a.published_at <= %s AND a.id <> %s"
        " ORDER BY shared_tags DESC, a.published_at DESC, a.id DESC LIMIT %s"
    )
    params = [*(tag_ids if tag_ids else []), *params, published, now, article.pk, COUNT]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [_story(connection, row) for row in rows]


@cache
def _names() -> dict[str, str]:
    """Table and column names, from the models (quoted for the database)."""
    tagging = Article.tags.through._meta
    quote = connections["default"].ops.quote_name
    return {
        "article": quote(Article._meta.db_table),
        "section": quote(Section._meta.db_table),
        "tagging": quote(tagging.db_table),
        "story": quote(tagging.get_field("article").column),
        "tag": quote(tagging.get_field("tag").column),
    }


def _story(connection: Any, row: tuple) -> Article:
    """An Article with only what the related box shows, and its section if it has one."""
    pk, headline, slug, published_at, section_pk, section_name, section_slug, _shared = row
    column = Article._meta.get_field("published_at").get_col(Article._meta.db_table)
    for converter in connection.ops.get_db_converters(column):
        published_at = converter(published_at, column, connection)
    story = Article.from_db(
        connection.alias,
        ["id", "headline", "slug", "published_at"],
        [pk, headline, slug, published_at],
    )
    story.section = None
    if section_pk is not None:
        story.section = Section.from_db(
            connection.alias, ["id", "name", "slug"], [section_pk, section_name, section_slug]
        )
    return story
