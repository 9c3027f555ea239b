"""A reporter writes a story in the admin and submits it; an editor sends it back, the reporter
fixes it, and the editor publishes it: in Chromium, through the pages people use."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article, Claim
from sources.models import Person, Source
from tests import factories
from tests.browser.admin_pages import add_through_popup, choose, log_in, selected

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reporter_writes_a_story_submits_it_and_cannot_publish_it(page: Page, reporter):
    factories.make_section("Harbour")
    log_in(page, reporter)
    page.locator("tr.model-article").get_by_role("link", name="Stories").click()
    page.get_by_role("link", name="Add story").click()

    page.get_by_label("Headline").fill("Night ferry timetable cut to three sailings")
    page.get_by_label("Standfirst").fill("The operator says fewer crossings will keep fares flat.")
    page.get_by_label("Dateline").fill("Port Calder")
    choose(page, "id_section", "Harbour")
    page.get_by_role("textbox", name="Context & impact").fill(
        "The night service has run hourly since 2009."
    )
    page.get_by_role("textbox", name="Bottom line").fill("Late-shift workers lose two ways home.")

    page.fill("#id_takeaways-0-text", "Three night sailings instead of five from March.")
    page.get_by_role("button", name="Add another Key takeaway").click()
    page.fill("#id_takeaways-1-text", "Fares stay at this year's price.")

    page.select_option("#id_claims-0-status", "verified")
    page.fill("#id_claims-0-text", "The operator filed the new timetable on Monday.")
    add_through_popup(
        page,
        "add_id_claims-0-sources",
        {
            "Title": "Winter timetable filing",
            "Publisher": "Calder Ferries Ltd",
            "URL": "https://ferries.example/filings/winter",
        },
    )
    assert selected(page, "id_claims-0-sources") == ["Winter timetable filing — Calder Ferries Ltd"]

    page.fill("#id_impact_items-0-label", "Commuters")
    page.fill("#id_impact_items-0-text", "The last boat home leaves at 22:40.")

    page.check("#id_quotes-0-is_pull")
    add_through_popup(
        page,
        "add_id_quotes-0-speaker",
        {"Name": "Ilse Marwick", "Current role": "Operations director"},
    )
    assert selected(page, "id_quotes-0-speaker") == ["Ilse Marwick"]
    page.fill("#id_quotes-0-text", "We would rather run fewer boats than raise every fare.")

    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    story = Article.objects.get(headline="Night ferry timetable cut to three sailings")
    assert [t.text for t in story.takeaways.all()] == [
        "Three night sailings instead of five from March.",
        "Fares stay at this year's price.",
    ]
    claim = story.claims.get()
    assert claim.status == Claim.Status.VERIFIED
    assert list(claim.sources.all()) == [Source.objects.get(title="Winter timetable filing")]
    assert story.impact_items.get().label == "Commuters"
    pull = story.quotes.get(is_pull=True)
    assert pull.speaker == Person.objects.get(name="Ilse Marwick")
    assert pull.role == "Operations director"

    page.get_by_role("link", name="Submit for review").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    expect(page.locator(".workflow-status")).to_contain_text("In review")
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW

    # No way to publish: no button anywhere on the page, and the address itself is refused.
    expect(page.get_by_role("link", name=re.compile("Publish"))).to_have_count(0)
    expect(page.locator("a[href*='/transition/publish/']")).to_have_count(0)
    response = page.goto(f"/admin/articles/article/{story.pk}/transition/publish/")
    assert response is not None and response.status == 403
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW


def test_editor_sends_a_story_back_and_publishes_it_once_fixed(new_context, reporter, editor):
    story = factories.make_story_in_review(reporter, headline="Harbour wall works start early")
    note = "The second takeaway repeats the standfirst; say what changes for boat owners."

    desk = new_context().new_page()
    log_in(desk, editor)
    desk.get_by_role("link", name="1 story awaits review").click()
    expect(desk).to_have_url(re.compile(r"/admin/review-queue/"))
    desk.get_by_role("link", name=story.headline).click()
    desk.get_by_role("link", name="Send back with a note").click()
    desk.get_by_label("Note to the author").fill(note)
    desk.get_by_role("button", name="Send back to the author").click()
    expect(desk.locator(".messagelist")).to_contain_text("Sent back to the author")

    newsroom = new_context().new_page()
    log_in(newsroom, reporter)
    newsroom.goto("/admin/articles/article/?mine=1")
    newsroom.get_by_role("link", name=story.headline).click()
    expect(newsroom.locator(".workflow-note")).to_contain_text(note)
    newsroom.fill("#id_takeaways-1-text", "Moorings on the east wall close for six weeks.")
    newsroom.get_by_role("button", name="Save and continue editing").first.click()
    expect(newsroom.locator(".messagelist")).to_contain_text("was changed successfully")
    newsroom.get_by_role("link", name="Submit for review").click()
    newsroom.get_by_role("button", name="Submit for review").click()
    expect(newsroom.locator(".messagelist")).to_contain_text("Submitted for review")

    desk.goto("/admin/articles/article/")
    desk.get_by_role("link", name="Review queue (1 story)").click()
    desk.get_by_role("link", name=story.headline).click()
    expect(desk.locator("#id_takeaways-1-text")).to_have_value(
        "Moorings on the east wall close for six weeks."
    )
    desk.get_by_role("link", name="Publish now or at a time").click()
    expect(desk.get_by_label("Publish now")).to_be_checked()
    desk.get_by_role("button", name="Publish").click()
    expect(desk.locator(".messagelist")).to_contain_text("Published")

    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    assert list(story.events.values_list("action", flat=True)) == [
        "submit",
        "send_back",
        "submit",
        "publish",
    ]
    assert desk.goto(story.get_absolute_url()).status == 200
