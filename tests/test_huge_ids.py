"""A number no database integer can hold, posted where an id goes, is a clear form error
(or no match), never a 500."""

from __future__ import annotations

import pytest

from articles.models import Article
from tests.factories import make_article
from tests.test_story_editor import change_url, editor_data, live_url

pytestmark = pytest.mark.django_db

HUGE = "1" * 40


@pytest.mark.parametrize("field", ["section", "lead_image", "tags"])
def test_a_huge_id_in_the_story_form_is_refused_with_a_message(reporter, reporter_client, field):
    article = make_article(reporter, headline="Ferry fares frozen")
    data = editor_data(reporter_client, article)
    data[field] = HUGE
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert reporter_client.post(live_url(article), data).status_code == 200


def test_a_huge_id_in_a_lookup_matches_nothing(reporter):
    make_article(reporter)
    assert list(Article.objects.filter(pk__in=[int(HUGE), -int(HUGE)])) == []
    assert Article.objects.filter(pk__in=[int(HUGE), Article.objects.get().pk]).count() == 1
