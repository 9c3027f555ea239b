"""Search finds published stories by any of their words, and nothing else."""

import pytest
from django.db import connection

from articles import workflow
from articles.models import Article, KeyTakeaway, Quote
from articles.search import MAX_TERMS, search, terms
from tests.factories import make_article, make_editor, make_person

pytestmark = pytest.mark.django_db


def test_search_finds_words_in_the_story_parts(reporter):
    article = make_article(reporter, status="review")
    Quote.objects.create(article=article, speaker=make_person("Ada Quayle"), text="Dredging soon")
    workflow.publish(article, make_editor("desk"))
    published = Article.objects.published()
    assert list(search(published, "dredging quayle")) == [article]
    assert list(search(published, "takeaway")) == [article]
    assert list(search(published, "dredging nowhere")) == []


def test_search_ignores_drafts(reporter):
    make_article(reporter, headline="Secret zqxjv plan")
    assert not search(Article.objects.published(), "zqxjv").exists()


def test_huge_queries_are_bounded():
    assert len(terms("word " * 20000)) <= MAX_TERMS


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text ranking is the PostgreSQL path"
)


@on_postgresql
def test_postgresql_ranks_the_closest_match_first_and_stems_words(reporter):
    editor = make_editor("desk")
    passing = make_article(reporter, status="published", editor=editor, headline="Ferry timetable")
    KeyTakeaway.objects.create(article=passing, text="A lighthouse keeper was consulted.")
    close = make_article(
        reporter,
        status="published",
        editor=editor,
        headline="Lighthouse keepers return to Skerry Point",
        standfirst="The lighthouse will have resident keepers again.",
    )
    make_article(reporter, status="published", editor=editor, headline="Market day moves")
    for article in (passing, close):
        article.refresh_search_document()
    assert list(search(Article.objects.published(), "lighthouse keeper")) == [close, passing]


@on_postgresql
def test_postgresql_search_uses_the_gin_index():
    """The query's expression matches the index's (migration 0004), so the planner can use it;
    sequential scans are switched off because a near-empty table is cheaper to scan."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = search(Article.objects.all(), "harbour wall").explain()
    assert "article_search_gin" in plan


on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the FTS5 index is the SQLite path"
)


@on_sqlite
def test_sqlite_search_matches_words_and_their_starts_through_the_index(reporter):
    article = make_article(reporter, status="published", headline="Lighthouse keepers return")
    article.refresh_search_document()
    published = Article.objects.published()
    assert list(search(published, "light KEEPERS")) == [article]
    assert list(search(published, "ighthouse")) == []  # a word's middle is not its start
    plan = search(published, "lighthouse").explain()
    assert "VIRTUAL TABLE INDEX" in plan  # the FTS5 index answers, not a scan of every text


@on_sqlite
def test_sqlite_search_index_follows_edits_and_deletions(reporter, editor):
    article = make_article(reporter, status="published", editor=editor, headline="Ferry fares")
    article.refresh_search_document()
    assert list(search(Article.objects.published(), "ferry")) == [article]
    article.headline = "Tram fares"
    article.refresh_search_document()
    assert list(search(Article.objects.published(), "ferry")) == []
    assert list(search(Article.objects.published(), "tram")) == [article]
    workflow.unpublish(article, editor, note="Pulled.")
    Article.objects.filter(pk=article.pk).delete()
    assert not search(Article.objects.all(), "tram").exists()


@pytest.mark.parametrize("query", ['"', "* OR NEAR(", "search_document:x", "-", "a\"b'c", "%_"])
def test_operators_and_quotes_in_a_query_are_only_text(reporter, query):
    make_article(reporter, status="published")
    assert list(search(Article.objects.published(), query)) == []
