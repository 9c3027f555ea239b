"""The page cache serves readers a stored page with no queries; everyone else passes through."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import editing
from articles.models import Article
from edge import contentkeys, pagecache
from newsroom.checks import page_cache_messages
from tests.comments_support import make_comment, send
from tests.factories import author_page, make_article, make_full_story
from tests.html import parse
from tests.page_cache_support import cached, fetch

STORY_MODELS = """Article Section Tag Byline KeyTakeaway ImpactItem Correction StorySource Claim
Quote Curation Pin""".split()

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def story(reporter, editor):
    article = make_full_story(reporter, editor)
    make_comment(article, body="First to comment.")
    return article


def public_urls(story: Article) -> list[str]:
    """One address of every kind of page the cache keeps."""
    speaker = story.quotes.first().speaker
    tag = story.tags.first()
    return [
        "/",
        "/articles/",
        "/articles/?q=harbour&sort=oldest",
        story.get_absolute_url(),
        story.section.get_absolute_url(),
        tag.get_absolute_url(),
        author_page(story.created_by),
        speaker.get_absolute_url(),
        "/feeds/rss/",
        "/feeds/atom/",
        f"/sections/{story.section.slug}/feeds/rss/",
        f"/sections/{story.section.slug}/feeds/atom/",
        "/sitemap.xml",
        "/sitemap-stories.xml",
        "/sitemap-news.xml",
        "/robots.txt",
        "/corrections/",
        "/corrections/feed/",
        "/api/v1/stories/",
        f"/api/v1/stories/{story.slug}/",
        f"/api/v1/stories/{story.slug}/ninjs/",
        "/api/v1/sections/",
        "/api/v1/tags/",
        "/api/v1/people/",
        f"/api/v1/people/{speaker.slug}/",
        "/api/v1/sources/",
        "/api/v1/authors/",
        "/api/v1/corrections/",
        "/api/v1/withdrawals/?since=2000-01-01",
    ]


def test_every_public_page_is_served_from_the_cache_with_no_queries(client, story):
    for url in public_urls(story):
        first = client.get(url)
        assert first.status_code == 200, url
        again, queries = fetch(client, url)
        assert queries == 0, url
        assert again.status_code == 200, url
        assert again.content == first.content, url
        assert again["Content-Type"] == first["Content-Type"], url
        assert again["ETag"] == first["ETag"], url


def test_a_cached_page_goes_out_with_the_same_security_headers(client, story):
    url = story.get_absolute_url()
    first = client.get(url, secure=True)
    again, queries = fetch(client, url, secure=True)
    assert queries == 0
    for header in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
    ):
        assert again[header] == first[header], header


def test_public_pages_are_revalidated_by_browsers_and_proxies(client, story):
    response = client.get(story.get_absolute_url())
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-cache" in directives
    assert not directives & {"max-age", "private", "no-store"}
    assert response["ETag"].startswith('"')


def test_a_matching_etag_gets_304_from_the_cache(client, story):
    url = story.get_absolute_url()
    etag = client.get(url)["ETag"]
    response, queries = fetch(client, url, HTTP_IF_NONE_MATCH=etag)
    assert (response.status_code, queries, response.content) == (304, 0, b"")
    assert response["ETag"] == etag
    assert fetch(client, url, HTTP_IF_NONE_MATCH='"something-else"')[0].status_code == 200


def test_a_matching_etag_gets_304_with_the_cache_off_too(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = story.get_absolute_url()
    etag = client.get(url)["ETag"]
    response, queries = fetch(client, url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert queries > 0  # rendered to compare, but nothing sent


def test_the_api_story_answers_if_modified_since_from_the_cache(client, story):
    url = f"/api/v1/stories/{story.slug}/"
    last_modified = client.get(url)["Last-Modified"]
    response, queries = fetch(client, url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert (response.status_code, queries) == (304, 0)


def test_head_is_served_from_the_cache(client, story):
    url = story.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.head(url)
    assert response.status_code == 200
    assert len(captured) == 0


def test_with_the_cache_off_every_request_renders(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = story.get_absolute_url()
    client.get(url)
    assert fetch(client, url)[1] > 0


def test_the_address_host_and_query_string_are_part_of_the_key(client, story):
    client.get("/articles/")
    assert fetch(client, "/articles/?sort=oldest")[1] > 0
    other_host, queries = fetch(client, "/articles/", HTTP_HOST="localhost")
    assert queries > 0
    canonical = parse(other_host).find("link", rel="canonical")["href"]
    assert canonical == "http://localhost/articles/"


def test_not_found_answers_are_not_stored(client, story):
    client.get("/articles/no-such-story/")
    response, queries = fetch(client, "/articles/no-such-story/")
    assert response.status_code == 404
    assert queries > 0


def test_staff_pass_through_and_their_pages_are_private(client, editor_client, story):
    url = story.get_absolute_url()
    for _ in range(2):
        response, queries = fetch(editor_client, url)
        assert queries > 0
        assert "private" in response["Cache-Control"]
    assert fetch(client, url)[1] > 0  # nothing the editor saw was stored
    assert fetch(client, url)[1] == 0


def test_a_post_to_a_page_address_passes_through(client, story):
    url = story.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url)
    assert len(captured) > 0
    assert "private" in response["Cache-Control"]


def test_a_reader_sees_their_message_once_and_nobody_else_does(story, time_machine):
    reader = Client()
    url = story.get_absolute_url()
    reader.get(url)
    response = send(reader, story, time_machine, body="Thanks for this report.")
    assert response.status_code == 302
    with_message = reader.get(url)
    assert "awaiting moderation" in parse(with_message).select_one(".comment-notice").text
    assert "private" in with_message["Cache-Control"]
    others = Client().get(url)
    assert not parse(others).select(".comment-notice")
    assert not parse(reader.get(url)).select(".comment-notice")  # shown once


def test_a_new_comment_awaiting_moderation_keeps_the_cache(client, story, time_machine, committed):
    url = story.get_absolute_url()
    client.get(url)
    with committed():
        send(Client(), story, time_machine, body="Held until an editor reads it.")
    assert fetch(client, url)[1] == 0


def test_cached_pages_carry_no_per_reader_token(client, story):
    url = story.get_absolute_url()
    client.get(url)
    response, queries = fetch(client, url)
    assert queries == 0
    assert not response.cookies
    form = parse(response).find("form", id="comment-form")
    hidden = {field["name"]: field.get("value", "") for field in form.select("input[type=hidden]")}
    assert hidden["csrfmiddlewaretoken"] == ""
    assert hidden["issued"] == ""


def test_a_reader_carrying_a_csrf_cookie_gets_the_cached_page(client, story):
    url = story.get_absolute_url()
    client.get(url)
    token = client.get(reverse("comments:token", args=[story.pk])).json()["csrf"]
    assert token and "csrftoken" in client.cookies
    response, queries = fetch(client, url)
    assert queries == 0
    assert token not in response.content.decode()


@pytest.mark.parametrize("name", ["comments:token", "comments:form", "healthz"])
def test_private_doors_are_never_kept(client, story, name):
    args = {"comments:token": [story.pk], "comments:form": [story.slug]}.get(name, [])
    url = reverse(name, args=args)
    client.get(url)
    response, queries = fetch(client, url)
    assert queries > 0
    assert "no-store" in response["Cache-Control"]


def test_only_whole_public_answers_are_storable():
    assert pagecache.is_storable(HttpResponse("page"))
    assert not pagecache.is_storable(HttpResponse("missing", status=404))
    assert not pagecache.is_storable(StreamingHttpResponse(iter([b"page"])))
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("csrftoken", "abc")
    assert not pagecache.is_storable(with_cookie)
    for cache_control in ("private", "no-store", "max-age=0, private"):
        response = HttpResponse("page")
        response["Cache-Control"] = cache_control
        assert not pagecache.is_storable(response), cache_control
    varies = HttpResponse("page")
    varies["Vary"] = "*"
    assert not pagecache.is_storable(varies)


def test_a_purge_clock_lost_by_the_cache_never_revives_old_pages(client, story, editor, committed):
    url = story.get_absolute_url()
    cached(client, url)
    cache.delete(pagecache.CLOCK)  # evicted: the next purge starts the clock again
    with committed():
        story.headline = "A headline written after the cache lost its clock"
        editing.save(story, editor, expected_version=story.version, change="update")
    response, queries = fetch(client, url)
    assert queries > 0
    assert "written after the cache lost its clock" in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_purges_only_when_it_commits(reporter, editor):
    article = make_article(reporter, status="published")
    with contentkeys.recorded() as purged:
        with pytest.raises(RuntimeError), transaction.atomic():
            editing.save(article, editor, expected_version=article.version, change="update")
            raise RuntimeError("rolled back")
        assert purged == []
        article.refresh_from_db()
        with transaction.atomic():
            editing.save(article, editor, expected_version=article.version, change="update")
            assert purged == []  # not before the commit
        assert len(purged) == 1 and f"story:{article.pk}" in purged[0]


def test_every_model_readers_see_names_its_keys():
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save, pre_delete

    from articles import models as story_models
    from comments.models import Comment
    from images.models import Image
    from sources.models import Person, Source

    def ours(signal, model) -> bool:
        """A content-keys receiver (edge.contentkeys.watch) for `model` on `signal`."""
        kind = "save" if signal is post_save else "del"
        uid = f"contentkeys:{kind}:{model._meta.label}"
        return any(lookup[0] == uid for lookup, *_ in signal.receivers)

    models = [getattr(story_models, name) for name in STORY_MODELS]
    for model in [*models, Source, Person, Image, Comment, get_user_model()]:
        assert ours(post_save, model), model
        assert ours(pre_delete, model), model


def test_a_local_memory_page_cache_warns_when_processes_would_not_share_it():
    locmem = "django.core.cache.backends.locmem.LocMemCache"
    redis = "django.core.cache.backends.redis.RedisCache"
    assert [m.id for m in page_cache_messages(600, locmem, 5)] == ["newsroom.W002"]
    assert page_cache_messages(600, locmem, 1) == []
    assert page_cache_messages(600, redis, 5) == []
    assert page_cache_messages(0, locmem, 5) == []


class CountingCache:
    """The cache, counting the calls (round trips, with Redis) made through it."""

    def __init__(self, inner) -> None:
        self.inner, self.calls, self.arguments = inner, [], []

    def __getattr__(self, name):
        method = getattr(self.inner, name)
        if not callable(method):
            return method

        def counted(*args, **kwargs):
            self.calls.append(name)
            self.arguments.append(args)
            return method(*args, **kwargs)

        return counted


def test_a_cached_read_is_one_round_trip_to_the_cache(client, story, monkeypatch):
    url = story.get_absolute_url()
    cached(client, url)
    counting = CountingCache(cache)
    monkeypatch.setattr(pagecache, "cache", counting)
    response, queries = fetch(client, url)
    assert queries == 0 and response.status_code == 200
    assert counting.calls == ["get_many"]


def test_with_redis_a_page_read_before_costs_only_its_keys_stamps(
    client, story, redis_server, monkeypatch
):
    url = story.get_absolute_url()
    cached(client, url)
    counting = CountingCache(cache)
    monkeypatch.setattr(pagecache, "cache", counting)
    response, queries = fetch(client, url)
    assert queries == 0 and counting.calls == ["get_many"]
    asked = list(counting.arguments[0][0])
    assert asked and all(key.startswith(("pc:k:", "pc:epoch")) for key in asked)  # not the page

    pagecache.purge(frozenset({f"story:{story.pk}"}))  # from any process
    assert fetch(client, url)[1] > 0


def test_with_redis_a_flushed_cache_leaves_no_page_held_near(client, story, redis_server):
    url = story.get_absolute_url()
    cached(client, url)
    cache.clear()  # a flush or a restart: the purge stamps are gone too
    assert fetch(client, url)[1] > 0
