"""A policy or publisher change shows on the next request: through the page cache, and in the
stored story render (whose <head> names the publisher); the footer costs no query."""

from __future__ import annotations

import extruct
import pytest

from edge import contentkeys
from tests.factories import make_full_story
from tests.html import parse
from tests.page_cache_support import cached, fetch
from tests.test_query_budgets import STORY_PAGE_BUDGET, queries
from tests.trust_support import write_policy, write_publisher
from trust.models import Policy

pytestmark = pytest.mark.django_db


def publisher_of(response) -> dict:
    (article,) = extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]
    return article["publisher"]


def footer_hrefs(response) -> list[str]:
    return [a["href"] for a in parse(response).find("footer").find_all("a")]


@pytest.fixture
def story(reporter, editor):
    return make_full_story(reporter, editor)


def test_a_new_policy_reaches_the_stored_story_render(client, story, editor, committed):
    url = story.get_absolute_url()
    assert "ethicsPolicy" not in publisher_of(client.get(url))
    client.get(url)  # now kept (articles.prerender)
    with committed():
        write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    response = client.get(url)
    assert publisher_of(response)["ethicsPolicy"].endswith("/about/ethics/")
    assert parse(response).select_one(".our-standards a")["href"] == "/about/"


def test_a_renamed_publisher_reaches_the_stored_story_render(client, story, editor, committed):
    url = story.get_absolute_url()
    client.get(url)
    with committed():
        write_publisher(editor, name="Ledger Media Trust")
    assert publisher_of(client.get(url))["name"] == "Ledger Media Trust"


@pytest.mark.usefixtures("page_cache")
def test_a_policy_change_refreshes_every_cached_page_with_the_footer(
    client, story, editor, committed
):
    write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    urls = ["/", story.get_absolute_url(), "/about/", "/about/ethics/"]
    for url in urls:
        cached(client, url)
    with committed():
        write_policy(editor, Policy.Kind.MASTHEAD, "Editor in chief: someone.")
    for url in urls:
        response, queries = fetch(client, url)
        assert queries > 0, f"{url} was served stale from the page cache"
        assert "/about/masthead/" in footer_hrefs(response), url
    with committed():
        write_policy(editor, Policy.Kind.ETHICS, "")
    response, _ = fetch(client, "/about/ethics/")
    assert response.status_code == 404


def test_the_footer_costs_no_query_once_cached(client, editor, django_assert_num_queries):
    write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    client.get("/about/ethics/")  # reads the snapshot once
    with django_assert_num_queries(1):  # the policy itself
        response = client.get("/about/ethics/")
    assert "/about/ethics/" in footer_hrefs(response)


def test_a_policy_or_publisher_change_names_the_trust_key_alone(editor, committed):
    with contentkeys.recorded() as batches, committed():
        write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    assert batches == [frozenset({"trust"})]
    with contentkeys.recorded() as batches, committed():
        write_publisher(editor, name="Ledger Media")
    assert batches == [frozenset({"trust"})]


def test_a_publisher_name_cannot_close_the_json_ld_script(client, editor):
    write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    write_publisher(editor, name="</script><script>alert(1)</script>")
    page = parse(client.get("/about/ethics/"))
    (script,) = page.find_all("script")
    assert script["type"] == "application/ld+json"


def test_the_story_page_costs_the_same_with_every_policy_filled_in(client, reporter, editor):
    story = make_full_story(reporter, editor)
    _, without = queries(client, story.get_absolute_url())
    for kind in Policy.Kind.values:
        write_policy(editor, kind, f"Our {kind} text.")
    write_publisher(editor, name="Ledger Media", same_as="https://social.example/@ledger")
    first, with_all = queries(client, story.get_absolute_url())
    assert with_all == without <= STORY_PAGE_BUDGET
    assert first <= STORY_PAGE_BUDGET + 2
