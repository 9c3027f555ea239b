"""A corrected story says so where readers look: a notice right under the standfirst, dated,
linking to the correction text at the end; the same corrections in JSON-LD, the API and ninjs."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import editing
from tests.api_client import get_json
from tests.factories import make_article
from tests.html import parse
from tests.jsonld import the_article

pytestmark = pytest.mark.django_db

FIRST = "An earlier version gave the wrong reservoir."
SECOND = "An earlier version misnamed the engineer."
PUBLISHED = timezone.make_aware(timezone.datetime(2026, 11, 30, 9, 0))


@pytest.fixture
def live(reporter, second_editor):
    # Published before the corrections the tests date, whatever today's date is.
    with time_machine.travel(PUBLISHED, tick=False):
        return make_article(
            reporter, status="published", editor=second_editor, headline="Dam levels"
        )


def correct_on(article, user, day, text):
    with time_machine.travel(day, tick=False):
        article.refresh_from_db()
        return editing.correct(article, user, text)


def notice_of(client, article):
    header = parse(client.get(article.get_absolute_url())).select_one("header.story-header")
    return header, header.select_one(".correction-notice")


def test_a_story_never_corrected_has_no_notice(client, live):
    _header, notice = notice_of(client, live)
    assert notice is None


def test_the_notice_sits_right_under_the_standfirst(client, live, editor):
    day = timezone.make_aware(timezone.datetime(2026, 12, 2, 10, 30))
    correction = correct_on(live, editor, day, FIRST)
    header, notice = notice_of(client, live)
    assert notice.find_previous_sibling()["class"] == ["standfirst"]
    assert notice.text == "Corrected on 2 December 2026: see the correction"
    assert notice.a["href"] == f"#correction-{correction.pk}"
    page = parse(client.get(live.get_absolute_url()))
    target = page.select_one(f"#correction-{correction.pk}")
    assert FIRST in target.text
    assert target.find_parent("section")["id"] == "corrections"


def test_with_two_corrections_the_notice_gives_the_latest_date(client, live, editor):
    first_day = timezone.make_aware(timezone.datetime(2026, 12, 2, 10, 30))
    correct_on(live, editor, first_day, FIRST)
    correct_on(live, editor, first_day + timedelta(days=3), SECOND)
    _header, notice = notice_of(client, live)
    assert notice.text == "Corrected on 5 December 2026: see the corrections"
    assert notice.a["href"] == "#corrections"


def test_json_ld_and_the_api_give_the_same_corrections(client, live, editor):
    day = timezone.make_aware(timezone.datetime(2026, 12, 2, 10, 30, 15, 123456))
    correct_on(live, editor, day, FIRST)
    correct_on(live, editor, day + timedelta(hours=1), SECOND)
    on_page = the_article(client.get(live.get_absolute_url()))["correction"]
    assert [item["@type"] for item in on_page] == ["CorrectionComment", "CorrectionComment"]
    assert [item["text"] for item in on_page] == [FIRST, SECOND]
    assert on_page[0]["datePublished"] == timezone.localtime(day).replace(microsecond=0).isoformat()
    api = get_json(client, f"/api/v1/stories/{live.slug}/")["corrections"]
    assert [item["text"]["text"] for item in api] == [FIRST, SECOND]
    ninjs = get_json(client, f"/api/v1/stories/{live.slug}/ninjs/")
    body = ninjs["bodies"][0]["value"]
    assert FIRST in body and SECOND in body
