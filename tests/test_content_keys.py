"""Each kind of change names exactly the content keys readers see it on (articles/cachekeys.py),
and each cacheable answer declares the keys it shows; the page cache and the stored story
render are both invalidated by those keys, and nothing else."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from articles import editing, workflow
from articles.models import Article, StoryRender
from comments import moderation
from edge import contentkeys, pagecache
from newsroom.wiring import CACHEABLE_VIEWS
from tests.comments_support import make_comment
from tests.factories import (
    PASSWORD,
    author_page,
    make_article,
    make_full_story,
    make_image,
    make_profile,
    make_story_in_review,
    make_tag,
)
from tests.page_cache_support import cached, fetch, text
from tests.signin_support import password_step
from tests.trust_support import write_policy, write_publisher

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def story(reporter, editor):
    # A policy and a trust.txt, so that the standards pages and /trust.txt answer too.
    write_policy(editor, "ethics", "We are fair.")
    write_publisher(editor, trust_txt="member=https://press-association.example/\n")
    return make_full_story(reporter, editor)


def purged_by(committed, change) -> frozenset[str]:
    """The keys purged, in one batch, when `change()` commits."""
    with contentkeys.recorded() as batches, committed():
        change()
    assert len(batches) <= 1, batches
    return batches[0] if batches else frozenset()


def lists_of(article: Article) -> set[str]:
    """Every key a public story is shown under, as it stands."""
    article.refresh_from_db()
    pk = article.pk
    keys = {f"story:{pk}", f"thread:{pk}", "sitemap:1", f"section:{article.section_id}"}
    keys |= {"front", "archive", "feeds", "sitemap", "corrections", "names", "schedule"}
    keys |= {f"tag:{tag.pk}" for tag in article.tags.all()}
    keys |= {f"author:{byline.author_id}" for byline in article.bylines.all()}
    keys |= {f"person:{quote.speaker_id}" for quote in article.quotes.all()}
    return keys


# -- what changes touch -------------------------------------------------------------------------


def test_a_drafts_save_names_no_key(reporter, committed):
    draft = make_article(reporter)
    draft.tags.add(make_tag("Ferries"))

    def save() -> None:
        draft.headline = "Ferry timetable to change in spring"
        editing.save(draft, reporter, expected_version=draft.version)

    assert purged_by(committed, save) == frozenset()


def test_submitting_and_sending_back_name_no_key(reporter, editor, committed):
    draft = make_article(reporter)
    assert purged_by(committed, lambda: workflow.submit(draft, reporter)) == frozenset()
    assert purged_by(committed, lambda: workflow.send_back(draft, editor, "More")) == frozenset()


def test_publishing_names_the_story_and_every_list_it_joins(reporter, editor, committed):
    ready = make_story_in_review(reporter)
    assert purged_by(committed, lambda: workflow.publish(ready, editor)) == lists_of(ready)


def test_unpublishing_names_the_story_and_every_list_it_leaves(story, editor, committed):
    expected = lists_of(story)
    assert purged_by(committed, lambda: workflow.unpublish(story, editor, "Legal")) == expected


def test_a_correction_names_the_story_and_its_lists(story, editor, committed):
    def correct() -> None:
        story.headline = "Harbour wall repairs approved for spring"
        editing.save(
            story,
            editor,
            expected_version=story.version,
            change="correction",
            correction="We gave the wrong month.",
        )

    assert purged_by(committed, correct) == lists_of(story)


def test_moving_a_live_story_names_the_lists_it_left_and_joined(story, editor, committed):
    before = lists_of(story)
    new_tag = make_tag("Ferries")

    def retag() -> None:
        with editing.saving(story, editor, expected_version=story.version, change="update"):
            story.tags.set([new_tag])

    purged = purged_by(committed, retag)
    assert purged == before | {f"tag:{new_tag.pk}"}


def test_renaming_a_tag_names_the_tag_and_the_public_stories_carrying_it(
    story, reporter, committed
):
    tag = story.tags.first()
    make_article(reporter).tags.add(tag)  # a draft: not named

    def rename() -> None:
        tag.name = "Sea walls"
        tag.save()

    expected = {f"tag:{tag.pk}", "names", "archive", "feeds", f"story:{story.pk}"}
    assert purged_by(committed, rename) == expected


def test_renaming_a_section_names_it_the_navigation_and_its_public_stories(story, committed):
    section = story.section

    def rename() -> None:
        section.name = "Coast"
        section.save()

    expected = {f"section:{section.pk}", "nav", "names", "front", f"story:{story.pk}"}
    assert purged_by(committed, rename) == expected


def test_renaming_a_person_names_them_and_the_stories_quoting_them(story, committed):
    speaker = story.quotes.first().speaker

    def rename() -> None:
        speaker.name = "Ada Quayle-Hart"
        speaker.save()

    expected = {f"person:{speaker.pk}", "names", f"story:{story.pk}"}
    assert purged_by(committed, rename) == expected


def test_renaming_a_writer_names_them_and_their_public_stories(story, committed):
    writer = story.bylines.first().author

    def rename() -> None:
        writer.first_name = "Rosalind"
        writer.save()

    expected = {f"author:{writer.pk}", "names", "feeds", f"story:{story.pk}"}
    assert purged_by(committed, rename) == expected


def test_a_profile_change_names_the_author_page_names_feeds_and_their_public_stories(
    story, reporter, editor, committed
):
    writer = story.bylines.first().author
    make_article(writer, headline="A draft")  # not public: not named
    profile = make_profile(writer, slug="rosa-penrose")

    def rename() -> None:
        profile.display_name = "Rosa P. Penrose"
        profile.save()

    expected = {f"author:{writer.pk}", "names", "feeds", f"story:{story.pk}"}
    assert purged_by(committed, rename) == expected
    assert purged_by(committed, profile.delete) == expected


def test_a_writer_logging_in_names_nothing(story, reporter, committed):
    responses = []
    log_in = lambda: responses.append(password_step(Client(), reporter.username, PASSWORD))  # noqa: E731
    assert purged_by(committed, log_in) == frozenset()
    assert responses[0].status_code == 302


def test_an_images_alt_text_names_the_public_stories_leading_with_it(reporter, editor, committed):
    image = make_image(alt_text="A quay at dusk")
    live = make_article(reporter, status="published", editor=editor, lead_image=image)
    make_article(reporter, lead_image=image)  # a draft: not named

    def reword() -> None:
        image.alt_text = "Cranes on the quay at dusk"
        image.save()

    assert purged_by(committed, reword) == {f"story:{live.pk}"}


def test_an_images_alt_text_names_the_author_pages_showing_it_as_a_photo(
    reporter, other_reporter, committed
):
    image = make_image(alt_text="Rosa at her desk")
    make_profile(reporter, slug="rosa-penrose", photo=image)
    make_profile(other_reporter, slug="rhys-morgan", photo=image, is_public=False)

    def reword() -> None:
        image.alt_text = "Rosa Penrose in the newsroom"
        image.save()

    assert purged_by(committed, reword) == {f"author:{reporter.pk}"}


def test_a_comment_decision_names_its_thread_and_a_new_comment_nothing(story, editor, committed):
    pending = {}
    made = purged_by(committed, lambda: pending.update(c=make_comment(story, status="pending")))
    assert made == frozenset()
    assert purged_by(committed, lambda: moderation.approve(pending["c"], editor)) == {
        f"thread:{story.pk}"
    }


# -- the two caches follow the same keys --------------------------------------------------------


def test_a_drafts_save_invalidates_no_cached_answer_and_no_stored_render(
    client, story, reporter, committed
):
    draft = make_article(reporter, section=story.section)
    draft.tags.set(story.tags.all())
    urls = ["/", "/articles/", story.get_absolute_url(), "/feeds/rss/", "/api/v1/stories/"]
    for url in urls:
        cached(client, url)
    renders = list(StoryRender.objects.values_list("article_id", "token"))

    with committed():
        draft.headline = "Ferry timetable to change in spring"
        editing.save(draft, reporter, expected_version=draft.version)

    for url in urls:
        assert fetch(client, url)[1] == 0, f"{url} was rendered again"
    assert list(StoryRender.objects.values_list("article_id", "token")) == renders


def test_a_renamed_tag_re_renders_the_cached_page_and_the_stored_render_alike(
    client, story, committed
):
    url = story.get_absolute_url()
    cached(client, url)
    token = Article.objects.get(pk=story.pk).page_token
    tag = story.tags.first()
    with committed():
        tag.name = "Zephyrine walls"
        tag.save()
    assert Article.objects.get(pk=story.pk).page_token != token
    assert "Zephyrine walls" in text(client.get(url))


def test_a_change_leaves_the_pages_it_does_not_touch_cached(
    client, story, reporter, editor, committed
):
    other_section = make_article(reporter, status="published", editor=editor)
    url = other_section.get_absolute_url()
    cached(client, url)
    speaker = story.quotes.first().speaker
    with committed():
        speaker.name = "Ada Quayle-Hart"
        speaker.save()
    assert fetch(client, url)[1] == 0


# -- what answers show --------------------------------------------------------------------------


def public_urls(story: Article) -> dict[str, str]:
    """One address of every cacheable view (view name → address)."""
    speaker = story.quotes.first().speaker
    writer = story.bylines.first().author
    section = story.section
    return {
        "articles:front": "/",
        "articles:archive": "/articles/",
        "articles:story": story.get_absolute_url(),
        "articles:section": section.get_absolute_url(),
        "articles:section_rss": f"/sections/{section.slug}/feeds/rss/",
        "articles:section_atom": f"/sections/{section.slug}/feeds/atom/",
        "articles:tag": story.tags.first().get_absolute_url(),
        "articles:author": author_page(writer),
        "articles:rss": "/feeds/rss/",
        "articles:atom": "/feeds/atom/",
        "articles:sitemap": "/sitemap.xml",
        "articles:sitemap_section": "/sitemap-stories.xml",
        "articles:news_sitemap": "/sitemap-news.xml",
        "articles:robots": "/robots.txt",
        "trust:standards": "/about/",
        "trust:policy": "/about/ethics/",
        "trust:trust_txt": "/trust.txt",
        "trust:trust_txt_well_known": "/.well-known/trust.txt",
        "articles:corrections": "/corrections/",
        "articles:corrections_feed": "/corrections/feed/",
        "articles:person": f"/people/{speaker.slug}/",
        "api:story-list": "/api/v1/stories/",
        "api:story-detail": f"/api/v1/stories/{story.slug}/",
        "api:story-ninjs": f"/api/v1/stories/{story.slug}/ninjs/",
        "api:section-list": "/api/v1/sections/",
        "api:tag-list": "/api/v1/tags/",
        "api:person-list": "/api/v1/people/",
        "api:person-detail": f"/api/v1/people/{speaker.slug}/",
        "api:source-list": "/api/v1/sources/",
        "api:author-list": "/api/v1/authors/",
        "api:correction-list": "/api/v1/corrections/",
        "api:withdrawal-list": "/api/v1/withdrawals/?since=2020-01-01T00:00:00Z",
    }


def test_every_cacheable_view_is_checked_here(story):
    assert set(public_urls(story)) == CACHEABLE_VIEWS


def test_every_cacheable_answer_carries_its_keys_for_the_frontend_cache(client, story, settings):
    settings.FRONTEND_CACHE_SECONDS = 3600
    for view, url in public_urls(story).items():
        response = client.get(url)
        assert response.status_code == 200, url
        keys = set(response["xkey"].split())
        assert "all" in keys and len(keys) > 1, (view, keys)
        assert response["Surrogate-Control"] == "max-age=3600", url
        assert "no-cache" in response["Cache-Control"], url


def test_a_story_page_shows_its_story_thread_section_and_tags(client, story):
    keys = set(client.get(story.get_absolute_url())["xkey"].split())
    tags = {f"tag:{tag.pk}" for tag in story.tags.all()}
    expected = {f"story:{story.pk}", f"thread:{story.pk}", f"section:{story.section_id}", "nav"}
    assert expected | tags <= keys


def test_a_list_shows_each_story_on_it(client, story):
    assert f"story:{story.pk}" in client.get("/")["xkey"].split()
    assert f"story:{story.pk}" in client.get("/api/v1/stories/")["xkey"].split()


def test_answers_made_for_one_person_carry_no_keys(editor_client, story):
    response = editor_client.get(story.get_absolute_url())
    assert "xkey" not in response and "Surrogate-Control" not in response
    assert "private" in response["Cache-Control"]


def test_an_answer_that_declares_no_keys_is_not_kept(client, story, monkeypatch):
    monkeypatch.setattr(contentkeys, "shown", lambda request: frozenset())
    url = story.get_absolute_url()
    client.get(url)
    response, queries = fetch(client, url)
    assert queries > 0 and "xkey" not in response


def test_a_purge_is_one_batch_per_transaction(story, editor, committed):
    with contentkeys.recorded() as batches, committed():
        workflow.unpublish(story, editor, "Legal")
    assert len(batches) == 1


def test_the_page_cache_serves_a_page_until_one_of_its_keys_is_purged(client, story):
    url = story.get_absolute_url()
    cached(client, url)
    pagecache.purge(frozenset({"tag:999999"}))
    assert fetch(client, url)[1] == 0
    pagecache.purge(frozenset({f"thread:{story.pk}"}))
    assert fetch(client, url)[1] > 0


def test_purge_cache_all_empties_the_page_cache(client, story):
    url = story.get_absolute_url()
    cached(client, url)
    call_command("purge_cache", "--all", stdout=StringIO())
    assert fetch(client, url)[1] > 0


def test_purge_cache_needs_a_key():
    with pytest.raises(CommandError):
        call_command("purge_cache", stdout=StringIO())


def test_a_frontend_cache_keeps_no_page_past_the_next_scheduled_story(
    client, story, reporter, second_editor, settings
):
    settings.FRONTEND_CACHE_SECONDS = 86400
    settings.FRONTEND_CACHE_URLS = ["http://127.0.0.1:9/"]  # a frontend cache is in use
    waiting = make_story_in_review(reporter)
    workflow.publish(waiting, second_editor, at=timezone.now() + timedelta(minutes=10))
    for page_cache_seconds in (600, 600, 0):  # rendered, from the page cache, no page cache
        settings.PAGE_CACHE_SECONDS = page_cache_seconds
        seconds = int(client.get("/")["Surrogate-Control"].removeprefix("max-age="))
        assert 590 <= seconds <= 600


def test_a_kept_api_story_still_declares_its_story(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the view
    url = f"/api/v1/stories/{story.slug}/"
    client.get(url)  # made, and kept in the process (articles.kept)
    assert f"story:{story.pk}" in client.get(url)["xkey"].split()
