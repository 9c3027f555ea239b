"""Whatever a browser or a script sends, the answer is a page or a 4xx, never a 500
(SECURITY D1, D2, D3, D7, D8)."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from articles.models import Quote
from articles.slugs import slug_for_headline
from newsroom.urls import urlpatterns as project_urlpatterns
from tests.factories import make_article, make_person, make_section, make_tag
from tests.html import parse

pytestmark = pytest.mark.django_db


def _raise_error(request):
    raise RuntimeError("boom: DATABASES password=hunter2")


def _raise_suspicious(request):
    raise SuspiciousOperation("crafted input")


def _raise_denied(request):
    raise PermissionDenied


# A test-only URLconf (used with @pytest.mark.urls) that adds views raising each error.
urlpatterns = [
    path("test-errors/500/", _raise_error),
    path("test-errors/400/", _raise_suspicious),
    path("test-errors/403/", _raise_denied),
    *project_urlpatterns,
]


@pytest.fixture
def newsroom(reporter, editor):
    article = make_article(
        reporter, status="published", editor=editor, slug="harbour-news", section=make_section()
    )
    article.tags.add(make_tag())
    Quote.objects.create(article=article, speaker=make_person(slug="ada-quayle"), text="Yes.")
    return article


# -- D1: unicode slugs ----------------------------------------------------------------------


UNICODE_ADDRESSES = [
    "/articles/café/",
    "/articles/caf%C3%A9/",
    "/articles/cafe\u0301/",  # NFD: e + combining acute
    "/articles/h\u0430rbour-news/",  # Cyrillic a
    "/articles/%D1%85arbour-news/",
    "/sections/caf%C3%A9/",
    "/tags/%F0%9F%8C%8A/",
    "/people/\u0430da-quayle/",
    "/authors/%00/",
    "/authors/%C0%AF/",
]


def test_unicode_and_lookalike_addresses_are_404(client, newsroom):
    for url in UNICODE_ADDRESSES:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("headline", ["🌊🌊🌊", "港口工程获批", "Шторм у гавани"])
def test_non_ascii_headlines_get_a_working_ascii_address(reporter, editor, client, headline):
    article = make_article(reporter, status="published", editor=editor, headline=headline)
    assert article.slug == slug_for_headline(headline) and article.slug.isascii()
    assert article.slug
    page = parse(client.get(article.get_absolute_url()))
    assert page.h1.text == headline


# -- D2: huge requests ------------------------------------------------------------------------


@pytest.mark.parametrize("length", [4000, 10000])
def test_very_long_paths_are_404(client, length):
    assert client.get("/articles/" + "a" * length + "/").status_code == 404
    assert client.get("/" + "x" * length).status_code == 404


@pytest.mark.parametrize("url", ["/", "/articles/", "/sections/city/", "/feeds/rss/"])
def test_a_64_kb_query_string_is_harmless(client, newsroom, url):
    response = client.get(url, {"q": "w" * 65536, "other": "z" * 1000})
    assert response.status_code == 200


def test_too_many_parameters_is_a_400_with_our_page(client, newsroom):
    query = "&".join(["a=1"] * 2000)
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 400
    assert "We could not understand that request" in parse(response).h1.text
    assert client.get(f"/?{query}").status_code in (200, 400)


# -- D3: traversal and secrets ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/static/../newsroom/settings.py",
        "/static/%2e%2e/newsroom/settings.py",
        "/static/%2e%2e%2fnewsroom%2fsettings.py",
        "/static/..%252fnewsroom%252fsettings.py",
        "/media/../../etc/passwd",
        "/.git/config",
        "/.env",
        "/newsroom/settings.py",
        "/articles/..%2f..%2fnewsroom%2fsettings.py",
    ],
)
def test_traversal_and_dotfiles_are_404_without_secrets(client, settings, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.content.decode()
    for secret in (settings.SECRET_KEY, "DATABASES", "SECRET_KEY", "[core]", "root:"):
        assert secret not in body


# -- D7: nonsense list parameters -------------------------------------------------------------

LISTINGS = [
    "/articles/",
    "/sections/city/",
    "/tags/housing/",
    "/authors/rosa/",
    "/people/ada-quayle/",
]


BAD_PAGES = ["-1", "0", "999999999", "abc", "1e9", "1.5", "", "%00"]
NONSENSE_FILTERS = [
    "sort=password",
    "sort=-author__password",
    "sort=published_at)--",
    "date=2025-13-45",
    "published_from=2025-13-45",
    "published_to=0000-00-00",
    "section[]=city",
    "author__password__startswith=p",
    "q=%00",
]


@pytest.mark.parametrize("listing", LISTINGS)
def test_bad_page_numbers_are_404_or_the_first_page(client, newsroom, listing):
    for page in BAD_PAGES:
        response = client.get(f"{listing}?page={page}")
        assert response.status_code in (200, 404), page
        if response.status_code == 200:
            assert parse(response).select("main h1"), page


def test_nonsense_filters_give_the_normal_archive(client, newsroom):
    for query in NONSENSE_FILTERS:
        response = client.get(f"/articles/?{query}")
        assert response.status_code == 200, query
        card = parse(response).select_one(".story-card-headline a")
        assert card.text == newsroom.headline, query


def test_bad_sitemap_pages_are_404(client, newsroom):
    for value in ("abc", "0", "-1", "99"):
        assert client.get(f"/sitemap-stories.xml?p={value}").status_code == 404, value
    assert client.get("/sitemap-nowhere.xml").status_code == 404


# -- D8: error pages with DEBUG off -----------------------------------------------------------


@pytest.mark.urls("tests.test_bad_requests")
def test_server_error_page_is_ours_without_a_traceback(settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/test-errors/500/")
    assert response.status_code == 500
    page = parse(response)
    assert page.h1.text == "Something went wrong"
    assert page.select_one(".site-name").text == "The Port Calder Ledger"
    assert page.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
    body = response.content.decode()
    for leak in ("Traceback", "RuntimeError", "hunter2", "DATABASES", settings.SECRET_KEY):
        assert leak not in body


@pytest.mark.urls("tests.test_bad_requests")
def test_bad_request_and_forbidden_pages_are_ours(settings):
    settings.DEBUG = False
    client = Client()
    bad = client.get("/test-errors/400/")
    assert bad.status_code == 400
    assert parse(bad).h1.text == "We could not understand that request"
    assert "crafted input" not in bad.content.decode()
    denied = client.get("/test-errors/403/")
    assert denied.status_code == 403
    assert parse(denied).h1.text == "You cannot do that here"


def test_not_found_page_is_ours_and_does_not_echo_the_path(client, settings):
    settings.DEBUG = False
    response = client.get("/<script>alert(1)</script>/%3Cimg%20src=x%20onerror=alert(1)%3E")
    assert response.status_code == 404
    page = parse(response)
    assert page.h1.text == "Page not found"
    assert not page.find_all("script") and not page.find_all("img")
    assert "alert(1)" not in response.content.decode()
