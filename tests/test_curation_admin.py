"""The admin pages where editors choose each page's lead and top stories: editors only, rows
saved in the order shown, refusals beside their row with what was typed kept, and nothing a
browser or a script can post answering 500."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import curation, workflow
from articles.curation import Slot
from articles.models import Curation, CurationChange, Pin
from tests.factories import make_article, make_section
from tests.html import form_fields, parse
from tests.page_cache_support import cached

pytestmark = pytest.mark.django_db

PLACES = reverse("admin:articles_curation_changelist")
FRONT = reverse("admin:articles_curation_front")


def section_url(slug: str) -> str:
    return reverse("admin:articles_curation_section", args=[slug])


@pytest.fixture
def stories(reporter, editor):
    """Four published stories ("Story 0" newest) and a draft, all in City."""
    city = make_section("City")
    made = [
        make_article(
            reporter, status="published", editor=editor, headline=f"Story {n}", section=city
        )
        for n in range(3, -1, -1)
    ]
    draft = make_article(reporter, headline="Draft story", section=city)
    return {"published": made[::-1], "draft": draft}


def blank_form(client, url: str = FRONT) -> dict:
    return form_fields(client.get(url), "curation-form")


def chosen() -> tuple[str | None, list[str]]:
    shown = curation.showing(None)
    return (shown.lead.headline if shown.lead else None, [s.headline for s in shown.pins])


def row_of(page, number: int):
    return page.select("tr.curation-row")[number - 1]


# -- who may open them ---------------------------------------------------------------------


def test_editors_see_the_front_page_and_every_section_listed(editor_client, stories):
    make_section("Sport")
    page = parse(editor_client.get(PLACES))
    links = {a.text: a["href"] for a in page.select(".curation-places th a")}
    assert links == {
        "Front page": FRONT,
        "City": section_url("city"),
        "Sport": section_url("sport"),
    }


def test_the_admin_index_offers_the_pages_to_editors_only(editor_client, reporter_client):
    assert PLACES in [a["href"] for a in parse(editor_client.get("/admin/")).select("a")]
    assert PLACES not in [a["href"] for a in parse(reporter_client.get("/admin/")).select("a")]


@pytest.mark.parametrize("url", [PLACES, FRONT, "/admin/articles/curation/sections/city/"])
def test_reporters_cannot_open_the_pages(reporter_client, stories, url):
    assert reporter_client.get(url).status_code == 403


def test_a_reporters_post_changes_nothing(reporter_client, editor_client, stories):
    data = blank_form(editor_client)
    data["lead-story"] = str(stories["published"][2].pk)
    assert reporter_client.post(FRONT, data).status_code == 403
    assert not Curation.objects.exists() and not Pin.objects.exists()


def test_signed_out_visitors_are_sent_to_log_in(client):
    response = client.get(FRONT)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_an_unknown_section_is_404(editor_client):
    assert editor_client.get(section_url("nowhere")).status_code == 404


def test_a_post_without_the_csrf_token_is_refused(editor, stories):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    data = {"lead-story": str(stories["published"][1].pk)}
    assert client.post(FRONT, data).status_code == 403
    assert not Pin.objects.exists()


# -- choosing ------------------------------------------------------------------------------


def test_an_editor_saves_a_lead_and_top_stories_with_an_end_time(editor, editor_client, stories):
    story = stories["published"]
    data = blank_form(editor_client)
    data.update(
        {
            "lead-story": str(story[2].pk),
            "pins-0-story": str(story[3].pk),
            "pins-0-until": "2099-05-01T18:30",
            "pins-1-story": str(story[1].pk),
        }
    )
    response = editor_client.post(FRONT, data)
    assert response.status_code == 302 and response["Location"] == FRONT
    assert chosen() == ("Story 2", ["Story 3", "Story 1"])
    pin = Pin.objects.get(story=story[3])
    assert timezone.localtime(pin.until).strftime("%Y-%m-%d %H:%M") == "2099-05-01 18:30"
    assert CurationChange.objects.get().changed_by == editor
    page = parse(editor_client.get(FRONT))
    assert "Saved." in page.select_one(".messagelist").text
    assert page.select_one("#id_lead-story option[selected]").text == "Story 2"
    assert row_of(page, 1).select_one("option[selected]").text == "Story 3"
    assert row_of(page, 1).select_one("input[type=datetime-local]")["value"] == "2099-05-01T18:30"
    assert "Marek" in page.select_one(".curation-history li").text


def test_a_section_page_is_chosen_on_its_own_page(editor_client, stories):
    data = blank_form(editor_client, section_url("city"))
    data["pins-0-story"] = str(stories["published"][3].pk)
    assert editor_client.post(section_url("city"), data).status_code == 302
    shown = curation.showing(stories["published"][0].section)
    assert (shown.lead, [s.headline for s in shown.pins]) == (None, ["Story 3"])
    assert chosen() == (None, [])


def test_rows_are_saved_in_the_order_their_order_fields_give(editor_client, stories):
    """The page's script moves rows in place and renumbers their hidden order fields."""
    story = stories["published"]
    data = blank_form(editor_client)
    data.update({"pins-0-story": str(story[1].pk), "pins-1-story": str(story[2].pk)})
    data.update({"pins-0-order": "2", "pins-1-order": "1"})
    assert editor_client.post(FRONT, data).status_code == 302
    assert chosen() == (None, ["Story 2", "Story 1"])


def test_without_the_script_a_move_button_reorders_the_form_and_saves_nothing(
    editor_client, stories
):
    story = stories["published"]
    data = blank_form(editor_client)
    data.update({"pins-0-story": str(story[1].pk), "pins-1-story": str(story[2].pk)})
    data["pins-1-until"] = "2099-01-01T09:00"
    response = editor_client.post(FRONT, {**data, "move": "up:pins-1"})
    assert response.status_code == 200
    page = parse(response)
    assert page.select_one(".curation-status").text == "Order changed: save to show it to readers."
    assert row_of(page, 1).select_one("option[selected]").text == "Story 2"
    assert row_of(page, 1).select_one("input[type=datetime-local]")["value"] == "2099-01-01T09:00"
    assert row_of(page, 2).select_one("option[selected]").text == "Story 1"
    assert not Pin.objects.exists()
    assert editor_client.post(FRONT, form_fields(response, "curation-form")).status_code == 302
    assert chosen() == (None, ["Story 2", "Story 1"])


def test_a_refused_choice_comes_back_with_the_reason_beside_its_row_and_what_was_typed(
    editor_client, stories
):
    story, draft = stories["published"], stories["draft"]
    data = blank_form(editor_client)
    data.update(
        {
            "lead-story": str(story[1].pk),
            "pins-0-story": str(story[2].pk),
            "pins-1-story": str(draft.pk),
            "pins-1-until": "2099-02-03T04:05",
            "pins-2-story": str(story[1].pk),
        }
    )
    response = editor_client.post(FRONT, data)
    assert response.status_code == 200
    page = parse(response)
    assert page.select_one(".errornote").text.strip() == "Please correct the errors below."
    assert [li.text for li in row_of(page, 2).select(".errorlist li")] == [
        "“Draft story” is not published, so it cannot lead or be pinned."
    ]
    assert [li.text for li in row_of(page, 3).select(".errorlist li")] == [
        "“Story 1” is chosen twice: a story is shown once on a page."
    ]
    assert row_of(page, 2).select_one("option[selected]").text == "Draft story"
    assert row_of(page, 2).select_one("input[type=datetime-local]")["value"] == "2099-02-03T04:05"
    assert page.select_one("#id_lead-story option[selected]").text == "Story 1"
    assert not Pin.objects.exists()


def test_an_end_time_in_the_past_is_refused_beside_its_row(editor_client, stories):
    data = blank_form(editor_client)
    data["lead-story"] = str(stories["published"][1].pk)
    data["lead-until"] = "2001-01-01T00:00"
    page = parse(editor_client.post(FRONT, data))
    assert (
        "The end time for “Story 1” has already passed." in page.select_one(".curation-lead").text
    )
    assert not Pin.objects.exists()


def test_a_choice_saved_meanwhile_by_someone_else_is_not_overwritten_unawares(
    editor_client, second_editor, stories
):
    story = stories["published"]
    data = blank_form(editor_client)
    curation.set_front(second_editor, Slot(story[3]), [])
    data["lead-story"] = str(story[1].pk)
    response = editor_client.post(FRONT, data)
    assert response.status_code == 200
    page = parse(response)
    assert "Nadia changed this page at" in page.select_one(".errornote").text
    assert page.select_one("#id_lead-story option[selected]").text == "Story 1"
    assert chosen() == ("Story 3", [])
    assert editor_client.post(FRONT, form_fields(response, "curation-form")).status_code == 302
    assert chosen() == ("Story 1", [])


def test_stories_no_longer_shown_are_named_and_left_out_of_the_form(
    editor, second_editor, editor_client, stories
):
    story = stories["published"]
    curation.set_front(editor, Slot(story[1]), [Slot(story[2]), Slot(story[3])])
    workflow.unpublish(story[2], second_editor, "Checking a name.")
    page = parse(editor_client.get(FRONT))
    assert page.select_one(".curation-gone li").text == "“Story 2” (no longer published)"
    assert [row.select_one("option[selected]") for row in page.select("tr.curation-row")][
        0
    ].text == "Story 3"
    assert editor_client.post(FRONT, form_fields(editor_client.get(FRONT), "curation-form"))
    assert not Pin.objects.filter(story=story[2]).exists()


def test_the_autocomplete_offers_published_stories_only(editor_client, stories):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "pin", "field_name": "story", "term": "story"},
    )
    assert response.status_code == 200
    offered = sorted(result["text"] for result in response.json()["results"])
    assert offered == ["Story 0", "Story 1", "Story 2", "Story 3"]


def test_saving_in_the_admin_shows_on_the_front_page_at_the_next_request(
    client, editor_client, stories, page_cache, committed
):
    assert "Story 0" in parse(cached(client, "/")).select_one(".front-lead").text
    data = blank_form(editor_client)
    data["lead-story"] = str(stories["published"][3].pk)
    with committed():
        assert editor_client.post(FRONT, data).status_code == 302
    assert "Story 3" in parse(client.get("/")).select_one(".front-lead").text


# -- what a script might post --------------------------------------------------------------

HOSTILE = {
    "not-a-number": {"lead-story": "abc", "pins-0-story": "1 OR 1=1"},
    "unknown-story": {"lead-story": "999999999", "pins-0-story": "-1"},
    "huge-number": {"pins-0-story": "9" * 40},
    "bad-time": {"lead-story": "{s0}", "lead-until": "31/02/2026 25:61"},
    "bad-order": {"pins-0-story": "{s0}", "pins-0-order": "-3", "pins-1-order": "abc"},
    "bad-version": {"lead-story": "{s0}", "lead-version": "x" * 50},
    "too-many-rows": {"pins-TOTAL_FORMS": "1000", "pins-999-story": "{s0}"},
    "no-management-form": {"pins-TOTAL_FORMS": None, "pins-INITIAL_FORMS": None},
    "odd-move": {"move": "sideways:pins-99"},
    "move-a-stranger": {"move": "up:lead"},
    "nul-byte": {"lead-until": "2099-01-01T00:00\x00"},
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_post_gets_a_clear_answer_never_a_500(editor_client, stories, name):
    data = blank_form(editor_client)
    for key, value in HOSTILE[name].items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value.replace("{s0}", str(stories["published"][0].pk))
    response = editor_client.post(FRONT, data)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        page = parse(response)
        assert page.select("form#curation-form")


def test_the_pages_list_costs_the_same_for_one_and_many_curated_sections(
    editor, editor_client, stories
):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(PLACES).status_code == 200
        return len(captured)

    story = stories["published"]
    curation.set_front(editor, Slot(story[0]), [Slot(story[1])])
    few = count()
    for name in ("Sport", "Arts", "Weather", "Letters"):
        curation.set_section(editor, make_section(name), Slot(story[2]), [Slot(story[3])])
    assert count() == few
