"""Search finds published stories by any of their words, and nothing else."""

import pytest

from articles import workflow
from articles.models import Article
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
