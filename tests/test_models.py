"""What the database guarantees, and what is rendered once on save."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError

from articles.models import Article, Claim, KeyTakeaway, Quote, StorySource
from articles.slugs import slug_for_headline
from tests.factories import make_article, make_editor, make_person, make_source

pytestmark = pytest.mark.django_db


def test_slugs_are_unique_in_the_database(reporter):
    make_article(reporter, slug="harbour-news")
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.bulk_create([Article(headline="Another", slug="harbour-news")])


def test_a_new_story_gets_a_unique_slug_from_its_headline(reporter):
    first = make_article(reporter, headline="Harbour news")
    second = make_article(reporter, headline="Harbour news")
    assert (first.slug, second.slug) == ("harbour-news", "harbour-news-2")


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Café owners welcome new bins", "cafe-owners-welcome-new-bins"),
        ("Zoë Ó Briain wins the vote", "zoe-o-briain-wins-the-vote"),
    ],
)
def test_accented_headlines_fold_to_ascii_slugs(headline, expected):
    assert slug_for_headline(headline) == expected


@pytest.mark.parametrize("headline", ["港口新闻", "🌊🌊🌊", "Портовые новости"])
def test_headlines_in_other_scripts_get_a_deterministic_non_empty_slug(headline):
    slug = slug_for_headline(headline)
    assert slug.startswith("story-") and slug == slug_for_headline(headline)
    assert slug.isascii()


def test_the_slug_of_a_published_story_cannot_change(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    article.slug = "a-new-address"
    with pytest.raises(ValidationError):
        article.full_clean()
    with pytest.raises(ValidationError):
        article.save()


def test_status_outside_the_choices_is_refused_by_the_database(reporter):
    article = make_article(reporter)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(headline="x", status="archived")


def test_takeaway_positions_are_unique_per_story(reporter):
    article = make_article(reporter, takeaways=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyTakeaway.objects.create(article=article, position=1, text="Clash")


def test_new_parts_take_the_next_position(reporter):
    article = make_article(reporter, takeaways=3)
    assert list(article.takeaways.values_list("position", flat=True)) == [1, 2, 3]


def test_only_one_pull_quote_per_story(reporter):
    article = make_article(reporter)
    speaker = make_person()
    Quote.objects.create(article=article, speaker=speaker, text="One", is_pull=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=article, speaker=speaker, text="Two", is_pull=True)


def test_claim_status_outside_the_choices_is_refused(reporter):
    article = make_article(reporter)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(article=article).update(status="probably")


def test_markdown_is_rendered_and_sanitised_on_save(reporter):
    article = make_article(
        reporter,
        standfirst="A *bold* move. <script>alert(1)</script> [link](javascript:alert(1))",
        context="[Minutes](https://example.org/minutes) <img src=x onerror=alert(1)>",
    )
    assert "<em>bold</em>" in article.standfirst_html
    assert "<script>" not in article.standfirst_html
    assert "javascript:" not in article.standfirst_html.replace("[link](javascript:", "")
    assert 'href="https://example.org/minutes"' in article.context_html
    assert "<img" not in article.context_html


def test_citing_a_source_adds_it_to_the_story_source_list(reporter):
    article = make_article(reporter, verified_claims=0)
    claim = Claim.objects.create(article=article, text="Cited", status="verified")
    source = make_source()
    claim.sources.add(source)
    assert StorySource.objects.filter(article=article, source=source).exists()


def test_a_cited_source_cannot_be_deleted(reporter):
    """E7: a source cited by a claim is protected, and the error says what uses it."""
    article = make_article(reporter)
    source = article.claims.get().sources.get()
    with pytest.raises(ProtectedError):
        source.delete()


def test_a_quoted_person_cannot_be_deleted(reporter):
    article = make_article(reporter)
    speaker = make_person()
    Quote.objects.create(article=article, speaker=speaker, text="Words")
    with pytest.raises(ProtectedError):
        speaker.delete()


def test_deleting_an_author_keeps_their_stories_and_history(reporter):
    """E7: stories, bylines (as a credit) and workflow history survive the user."""
    editor = make_editor("publisher")
    article = make_article(reporter, status="published", editor=editor)
    reporter.delete()
    article.refresh_from_db()
    assert article.created_by is None
    assert article.bylines.get().display_name == "Rosa"
    assert article.events.get(action="submit").actor_name == "Rosa"
