"""A live story's page is rendered once and kept until something it shows changes.

The page cache tests check that every change shows on the story page at once (with the stored
render beneath the cache); these check the stored render itself: that it is reused, that a
change to anything it shows makes it again, and that nothing of one reader or one preview is
kept.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import prerender, workflow
from articles.models import Article, Claim, StoryRender, Tag
from tests.factories import make_article, make_full_story, make_source, make_tag
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_full_story(reporter, editor, headline="Harbour wall repairs approved")


def stored(article: Article) -> StoryRender | None:
    return StoryRender.objects.filter(article=article).first()


def page_text(client, article: Article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return parse(response).get_text(" ", strip=True)


def test_the_first_reader_keeps_the_render_and_later_readers_reuse_it(client, story):
    first = client.get(story.get_absolute_url()).content
    render = stored(story)
    assert render is not None and render.token == Article.objects.get(pk=story.pk).page_token
    with CaptureQueriesContext(connection) as captured:
        again = client.get(story.get_absolute_url()).content
    assert again == first
    assert stored(story).rendered_at == render.rendered_at
    assert not any("storyrender" in q["sql"].lower() for q in captured if "INSERT" in q["sql"])


def test_a_render_kept_under_an_old_token_is_never_used(client, story):
    """A reader who rendered before an edit committed may store late: the token says so."""
    client.get(story.get_absolute_url())
    StoryRender.objects.filter(article=story).update(body_html="<article>Stale words</article>")
    assert "Stale words" in page_text(client, story)  # the same token: used as kept
    Article.objects.get(pk=story.pk).save()  # any save gives the story a new token
    assert "Stale words" not in page_text(client, story)


def test_a_render_for_another_address_is_made_again(client, story, settings):
    settings.ALLOWED_HOSTS = ["testserver", "news.example"]
    client.get(story.get_absolute_url())
    response = client.get(story.get_absolute_url(), HTTP_HOST="news.example")
    canonical = parse(response).select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("http://news.example/")


def test_a_preview_is_never_kept(reporter_client, reporter):
    draft = make_article(reporter, headline="Not yet public")
    assert reporter_client.get(draft.get_absolute_url()).status_code == 200
    assert stored(draft) is None


def test_the_stored_render_holds_nothing_of_the_reader(client, editor_client, story):
    editor_client.get(story.get_absolute_url())
    render = stored(story)
    kept = render.head_html + render.body_html
    assert "csrfmiddlewaretoken" not in kept and "preview" not in kept.lower()
    assert "Harbour wall repairs approved" in page_text(client, story)


@pytest.mark.parametrize("side", ["story", "tag"])
def test_tagging_from_either_side_makes_the_render_again(client, story, side):
    client.get(story.get_absolute_url())
    tag = make_tag("Zephyrine")
    if side == "story":
        story.tags.add(tag)
    else:
        tag.articles.add(story)
    assert "Zephyrine" in page_text(client, story)
    if side == "story":
        story.tags.clear()
    else:
        tag.articles.clear()
    assert "Zephyrine" not in page_text(client, story)


def test_deleting_a_tag_makes_the_render_again(client, story):
    tag = story.tags.get()
    assert tag.name in page_text(client, story)
    Tag.objects.filter(pk=tag.pk).get().delete()
    assert f'rel="tag">{tag.name}' not in client.get(story.get_absolute_url()).content.decode()


@pytest.mark.parametrize("side", ["claim", "source"])
def test_citing_a_source_from_either_side_makes_the_render_again(client, story, side):
    claim = Claim.objects.filter(article=story, status="verified").first()
    client.get(story.get_absolute_url())
    source = make_source("Zephyrine survey")
    if side == "claim":
        claim.sources.add(source)
    else:
        source.claims.add(claim)
    page = parse(client.get(story.get_absolute_url()))
    assert "Zephyrine survey" in page.select_one("section.sources").text
    assert len(page.select(f"#claim-{claim.position} a.citation")) == claim.sources.count()


def test_a_writer_logging_in_keeps_the_render(client, story, reporter):
    client.get(story.get_absolute_url())
    token = Article.objects.get(pk=story.pk).page_token
    reporter.last_login = timezone.now()
    reporter.save(update_fields=["last_login"])
    assert Article.objects.get(pk=story.pk).page_token == token


def test_stale_gives_a_new_token_to_the_stories_it_is_given(story, reporter, editor):
    other = make_article(reporter, status="published", editor=editor)
    before = dict(Article.objects.values_list("pk", "page_token"))
    prerender.stale(Article.objects.filter(pk=story.pk))
    after = dict(Article.objects.values_list("pk", "page_token"))
    assert after[story.pk] != before[story.pk] and after[other.pk] == before[other.pk]


def test_related_stories_never_show_a_draft_or_a_scheduled_story(client, reporter, editor):
    tag = make_tag("Harbour")
    story = make_article(reporter, status="published", editor=editor)
    story.tags.add(tag)
    draft = make_article(reporter, headline="Draft neighbour")
    scheduled = make_article(reporter, status="review", headline="Scheduled neighbour")
    workflow.publish(scheduled, editor, at=timezone.now() + timedelta(hours=2))
    live = make_article(reporter, status="published", editor=editor, headline="Live neighbour")
    for article in (draft, scheduled, live):
        article.tags.add(tag)
    links = [a.text for a in parse(client.get(story.get_absolute_url())).select("aside.related a")]
    assert links == ["Live neighbour"]


def test_a_thread_closing_with_age_makes_the_render_again(client, story, settings, editor):
    from tests.comments_support import make_comment

    make_comment(story, body="First!")
    ten_days_ago = timezone.now() - timedelta(days=10)
    Article.objects.filter(pk=story.pk).update(
        published_at=ten_days_ago, first_published_at=ten_days_ago
    )
    prerender.stale(Article.objects.filter(pk=story.pk))
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0  # never
    page = parse(client.get(story.get_absolute_url()))
    assert page.select(".comment-reply") and page.select_one("#comment-form") is not None
    settings.COMMENTS_CLOSE_AFTER_DAYS = 5  # the clock alone closes it: no save, no new token
    page = parse(client.get(story.get_absolute_url()))
    assert not page.select(".comment-reply") and page.select_one("#comment-form") is None
    assert page.select_one(".comments-closed") is not None
    assert "First!" in page.select_one("#comments").text
