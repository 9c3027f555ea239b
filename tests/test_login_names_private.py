"""No staff login name appears anywhere the public can read: pages, feeds, sitemaps, the API.

A distinctive login name is planted for writers with a profile, with only a full name, and
with neither, and for the editor who publishes, corrects and moderates; then every public
page kind is fetched and searched for it.
"""

import pytest

from articles import editing
from articles.models import Byline
from staff.permissions import EDITORS, REPORTERS
from tests import trust_support
from tests.api_client import LISTS, every_response, results
from tests.comments_support import make_comment
from tests.factories import make_full_story, make_profile, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db

SECRET = "zq7-login-secret"


@pytest.fixture
def newsroom():
    profiled = make_user(SECRET, REPORTERS, first_name="Ione", last_name="Marsh")
    named = make_user(f"{SECRET}-named", REPORTERS, first_name="Bryn", last_name="Tallis")
    bare = make_user(f"{SECRET}-bare", REPORTERS, first_name="", last_name="")
    editor = make_user(f"{SECRET}-desk", EDITORS, first_name="", last_name="")
    make_profile(profiled, slug="ione-marsh", display_name="Ione Marsh")
    story = make_full_story(profiled, editor, headline="Harbour wall to be rebuilt")
    for writer in (named, bare):
        Byline.objects.create(article=story, author=writer)
    editing.correct(story, editor, "An earlier version gave the wrong contractor.")
    first = make_comment(story, moderated_by=editor)
    make_comment(story, parent=first, moderated_by=editor)
    lone = make_full_story(bare, editor, headline="Ferry fares frozen")
    trust_support.write_policy(editor, "masthead", "Editor: Ione Marsh.")
    trust_support.write_publisher(editor, trust_txt="contact=https://example.org/contact\n")
    return {"story": story, "lone": lone}


def public_pages(story) -> list[str]:
    section, tag = story.section, story.tags.first()
    person = story.quotes.first().speaker
    return [
        "/",
        "/articles/",
        "/articles/?q=harbour",
        "/articles/?author=ione-marsh",
        f"/articles/?section={section.slug}&sort=oldest",
        story.get_absolute_url(),
        section.get_absolute_url(),
        tag.get_absolute_url(),
        person.get_absolute_url(),
        "/authors/ione-marsh/",
        "/corrections/",
        "/corrections/feed/",
        "/feeds/rss/",
        "/feeds/atom/",
        f"/sections/{section.slug}/feeds/rss/",
        f"/sections/{section.slug}/feeds/atom/",
        "/sitemap.xml",
        "/sitemap-stories.xml",
        "/sitemap-news.xml",
        "/robots.txt",
        "/about/",
        "/about/masthead/",
        "/trust.txt",
        "/api/v1/docs/",
        *LISTS,
    ]


def test_no_login_name_appears_on_any_public_page_feed_sitemap_or_api(client, newsroom):
    story = newsroom["story"]
    bodies = {url: client.get(url) for url in public_pages(story)}
    bodies.update({url: client.get(url) for url in (newsroom["lone"].get_absolute_url(),)})
    for url, response in bodies.items():
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode().lower(), url
    for url, body in every_response(client).items():
        assert SECRET not in body.decode().lower(), url


def test_bylines_name_writers_without_their_login(client, newsroom):
    page = parse(client.get(newsroom["story"].get_absolute_url()))
    assert page.select_one(".bylines").get_text(" ", strip=True) == (
        "By Ione Marsh , Bryn Tallis and Staff writer"
    )
    authors = [byline["name"] for byline in results(client, "/api/v1/stories/")[-1]["bylines"]]
    assert authors == ["Ione Marsh", "Bryn Tallis", "Staff writer"]


def test_a_login_name_finds_no_author_page_and_filters_nothing(client, newsroom):
    unknown = client.get("/authors/no-such-writer/")
    for login in (SECRET, f"{SECRET}-named", f"{SECRET}-bare"):
        response = client.get(f"/authors/{login}/")
        assert response.status_code == 404
        assert response.content == unknown.content.replace(b"no-such-writer", login.encode())
        assert results(client, f"/api/v1/stories/?author={login}") == []
        # The archive says no published story is by that name (and ignores the filter).
        archive = client.get("/articles/", {"author": login}).content.decode()
        assert "No published story is by" in archive
