"""Each endpoint runs the same number of queries whatever the page size or the story's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Correction
from tests.api_client import LISTS
from tests.factories import add_parts, make_article, make_editor, make_reporter

pytestmark = pytest.mark.django_db


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured)


def publish_stories(count: int) -> list:
    editor = make_editor(f"desk{count}")
    stories = []
    for i in range(count):
        article = make_article(
            make_reporter(f"writer{count}x{i}"), status="published", editor=editor
        )
        add_parts(article, 1)
        Correction.objects.create(article=article, text="Fixed a name.")
        stories.append(article)
    return stories


def list_queries(client) -> dict[str, int]:
    """Queries per list endpoint, with pages big enough to hold every item."""
    counts = {}
    for url in LISTS:
        separator = "&" if "?" in url else "?"
        counts[url] = queries_for(client, f"{url}{separator}page_size=100")
    return counts


def test_lists_run_constant_queries_for_one_or_fifty_items(client):
    publish_stories(1)
    one = list_queries(client)
    publish_stories(49)
    fifty = list_queries(client)
    assert fifty == one
    assert max(one.values()) <= 3


def detail_queries(client, article) -> tuple[int, int, int]:
    speaker = article.quotes.first().speaker
    return (
        queries_for(client, f"/api/v1/stories/{article.slug}/"),
        queries_for(client, f"/api/v1/stories/{article.slug}/ninjs/"),
        queries_for(client, f"/api/v1/people/{speaker.slug}/"),
    )


def test_story_detail_runs_constant_queries_for_one_or_thirty_of_each_part(
    reporter, editor, client
):
    small = make_article(reporter, status="published", editor=editor, takeaways=1)
    add_parts(small, 1)
    large = make_article(reporter, status="published", editor=editor, takeaways=1)
    add_parts(large, 30)
    for _ in range(30):
        Correction.objects.create(article=large, text="Another fix.")
    assert detail_queries(client, small) == detail_queries(client, large)
    assert detail_queries(client, large)[0] <= 7
