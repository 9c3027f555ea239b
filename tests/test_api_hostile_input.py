"""Hostile or careless requests get a clear JSON answer: 400, 404, 405 or 429, never a 500."""

from base64 import b64encode

import pytest
from django.test import Client

from articles.models import Article
from tests.api_client import get_json
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


def cursor(querystring: str) -> str:
    return b64encode(querystring.encode()).decode()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace"])
def test_only_reading_methods_are_allowed(method, story, editor):
    staff = Client()
    staff.force_login(editor)
    for url in ("/api/v1/stories/", f"/api/v1/stories/{story.slug}/", "/api/v1/tags/"):
        response = getattr(staff, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert "not allowed" in response.json()["detail"]
    assert Article.objects.get(pk=story.pk).headline == story.headline


def test_head_and_options_answer(story, client):
    url = f"/api/v1/stories/{story.slug}/"
    head = client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == client.get(url)["ETag"]
    options = client.options(url)
    assert options.status_code == 200
    assert options.json()["name"]


BAD_QUERIES = {
    "/api/v1/stories/?published_after=2026-13-45": "published_after",
    "/api/v1/stories/?published_after=yesterday": "published_after",
    "/api/v1/stories/?published_before=9999-12-31T23:59:59-14:00": "published_before",
    "/api/v1/stories/?updated_since=0001-01-01T00:00:00%2B14:00": "updated_since",
    "/api/v1/stories/?published_after=2026-03-02T10:00:00": "published_after",
    "/api/v1/stories/?published_after=2026-03-02+10:00:00Z": "published_after",
    "/api/v1/stories/?published_after=2026-02-30": "published_after",
    "/api/v1/stories/?published_after=2026-03-02T24:00:00Z": "published_after",
    "/api/v1/stories/?updated_since=0001-06-01T00:00:00Z": "updated_since",
    "/api/v1/stories/?cursor=not-a-cursor": "cursor",
    "/api/v1/stories/?cursor=abc": "cursor",
    f"/api/v1/stories/?cursor={'A' * 5000}": "cursor",
    "/api/v1/stories/?cursor=%C3%A9t%C3%A9": "cursor",
    "/api/v1/stories/?page_size=0": "page_size",
    "/api/v1/stories/?page_size=-1": "page_size",
    "/api/v1/stories/?page_size=abc": "page_size",
    "/api/v1/stories/?page_size=101": "page_size",
    "/api/v1/stories/?page_size=%2B5": "page_size",
    "/api/v1/stories/?page_size=5_0": "page_size",
    f"/api/v1/stories/?page_size={10**30}": "page_size",
    f"/api/v1/stories/?q={'word ' * 2048}": "q",
    f"/api/v1/stories/?q={' ' * 200}x": "q",
    "/api/v1/stories/?section=not%20a%20slug": "section",
    "/api/v1/stories/?section=%20city": "section",
    f"/api/v1/stories/?tag={'a' * 61}": "tag",
    "/api/v1/stories/?source=abc": "source",
    "/api/v1/stories/?source=1.5": "source",
    "/api/v1/stories/?source=5.0": "source",
    "/api/v1/stories/?source=0": "source",
    f"/api/v1/stories/?source={10**30}": "source",
    "/api/v1/stories/?sectoin=city": "sectoin",
    "/api/v1/stories/?section=": "section",
    "/api/v1/stories/?q=": "q",
    "/api/v1/stories/?section=city&section=port": "section",
    "/api/v1/stories/?q=%00": "q",
    "/api/v1/stories/?author=a%00b": "author",
    "/api/v1/sections/?format=xml": "format",
    "/api/v1/withdrawals/": "since",
    "/api/v1/withdrawals/?since=soon": "since",
}


@pytest.mark.parametrize("url,parameter", BAD_QUERIES.items())
def test_bad_parameters_get_a_json_400_naming_them(url, parameter, story, client):
    body = get_json(client, url, status=400)
    assert body["detail"] == "Invalid parameters."
    assert list(body["errors"]) == [parameter], body


UNUSABLE_CURSORS = [
    f"/api/v1/stories/?cursor={cursor('p=not-a-date')}",
    f"/api/v1/stories/?cursor={cursor('p=2026-01-01 10:00:00')}",
    f"/api/v1/stories/?cursor={cursor('p=9999-12-31 23:59:59-14:00')}",
    f"/api/v1/stories/?cursor={cursor('p=2026%00')}",
    f"/api/v1/stories/?cursor={cursor('o=x')}",
    f"/api/v1/tags/?cursor={cursor('p=' + 'x' * 300)}",
    f"/api/v1/sections/?cursor={cursor('p=' + '9' * 30)}",
    "/api/v1/stories/?cursor=w6l0w6k%3D",
]


@pytest.mark.parametrize("url", UNUSABLE_CURSORS)
def test_a_base64_cursor_that_leads_to_no_page_is_a_json_404(url, story, client):
    body = get_json(client, url, status=404)
    assert body == {
        "detail": "This cursor leads to no page of this list; start again from its first page."
    }


def test_bad_parameters_on_a_story_are_refused(story, client):
    body = get_json(client, f"/api/v1/stories/{story.slug}/?page_size=5", status=400)
    assert list(body["errors"]) == ["page_size"]


def test_thousands_of_parameters_get_a_json_400(client):
    body = get_json(client, "/api/v1/stories/?" + "&".join(["a=1"] * 2000), status=400)
    assert body == {"detail": "Bad request."}


def test_unknown_api_addresses_are_json_404s(client):
    for url in ("/api/v1/nothing/", "/api/v2/stories/", "/api/", "/api/v1/stories/a/b/c/"):
        assert get_json(client, url, status=404) == {"detail": "Not found."}
    missing_slash = client.get("/api/v1/stories")
    assert missing_slash.status_code == 301
    assert missing_slash["Location"] == "/api/v1/stories/"


def test_an_api_address_with_a_line_break_in_it_is_still_a_json_404(client):
    """Found by the schema fuzz: a slug with a line break fell out of the API's routes into
    the site's HTML 404."""
    for url in ("/api/v1/people/a%0Ab/", "/api/v1/stories/a%0D%0Ab/ninjs/", "/api/v1/%0A/"):
        assert get_json(client, url, status=404) == {"detail": "Not found."}


def test_anonymous_reads_are_throttled_per_client(story, settings):
    settings.NEWSROOM_API_THROTTLE_RATE = "3/minute"
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(3):
        assert client.get("/api/v1/stories/").status_code == 200
    throttled = client.get(f"/api/v1/stories/{story.slug}/")
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert "throttled" in throttled.json()["detail"]
    assert throttled["Access-Control-Allow-Origin"] == "*"
    spoofed = client.get("/api/v1/stories/", headers={"X-Forwarded-For": "198.51.100.1"})
    assert spoofed.status_code == 429
    assert Client(REMOTE_ADDR="203.0.113.8").get("/api/v1/stories/").status_code == 200


def test_throttling_can_be_switched_off(story, settings):
    settings.NEWSROOM_API_THROTTLE_RATE = None
    client = Client()
    assert all(client.get("/api/v1/tags/").status_code == 200 for _ in range(20))


def test_cross_origin_reads_are_allowed_without_credentials(story, client):
    origin = {"Origin": "https://partner.example"}
    response = client.get("/api/v1/stories/", headers=origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response
    assert client.get("/api/v1/nothing/", headers=origin)["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/stories/",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in client.get("/", headers=origin)


def test_api_responses_set_no_cookies(story, client):
    response = client.get(f"/api/v1/stories/{story.slug}/")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
