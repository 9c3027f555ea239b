"""Search finds published stories by any of their words, and nothing else."""

import pytest
from django.db import connection

from articles import workflow
from articles.models import Article, KeyTakeaway
from articles.search import MAX_TERMS, search, terms
from sources.models import Quote
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
