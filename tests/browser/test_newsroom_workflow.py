"""A reporter writes a story in the story editor and submits it; an editor sends it back, the
reporter fixes it, and another editor publishes it: in Chromium, through the pages people use."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article, Claim
from sources.models import Person, Source
from tests import factories
from tests.browser.admin_pages import (
    add_part,
    choose,
    create_in_place,
    log_in,
    save_story,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reporter_writes_a_story_submits_it_and_cannot_publish_it(page: Page, reporter):
    factories.make_section("Harbour")
    log_in(page, reporter)
    page.locator("tr.model-article").get_by_role("link", name="Stories").click()
    page.get_by_role("link", name="Add story").click()

    page.get_by_role("textbox", name="Headline").fill("Night ferry timetable cut to three sailings")
    page.get_by_role("textbox", name="Standfirst").fill(
        "The operator says fewer crossings will keep fares flat."
    )
    page.get_by_role("textbox", name="Dateline").fill("Port Calder")
    choose(page, "id_section", "Harbour")
    page.get_by_role("textbox", name="Context & impact").fill(
        "The night service has run hourly since 2009."
    )
    page.get_by_role("textbox", name="Bottom line").fill("Late-shift workers lose two ways home.")

    first = add_part(page, "Add a takeaway")
    first.get_by_role("textbox").fill("Three night sailings instead of five from March.")
    add_part(page, "Add a takeaway").get_by_role("textbox").fill("Fares stay at this year's price.")

    fact = add_part(page, "Add a verified fact")
    expect(fact.get_by_label("Status")).to_have_value("verified")
    fact.get_by_label("Claim").fill("The operator filed the new timetable on Monday.")
    create_in_place(
        page,
        fact.get_by_role("button", name="New source"),
        {
            "Title": "Winter timetable filing",
            "Publisher": "Calder Ferries Ltd",
            "Address (URL)": "https://ferries.example/filings/winter",
        },
        "Add source",
    )
    expect(
        fact.get_by_role("button", name=re.compile(r"^Cite 1: Winter timetable"))
    ).to_have_attribute("aria-pressed", "true")

    impact = add_part(page, "Add an impact item")
    impact.get_by_label("Label").fill("Commuters")
    impact.get_by_label("Text").fill("The last boat home leaves at 22:40.")

    quote = add_part(page, "Add a quote")
    quote.get_by_label("Pull quote").check()
    create_in_place(
        page,
        quote.get_by_role("button", name="New person"),
        {"Name": "Ilse Marwick", "Current role": "Operations director"},
        "Add person",
    )
    expect(quote.get_by_label("Role at the time")).to_have_value("Operations director")
    quote.get_by_label("Quoted words").fill(
        "We would rather run fewer boats than raise every fare."
    )

    save_story(page)
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

    # A draft's toolbar lists the moves a draft can make: submitting, and no publishing.
    toolbar = page.locator(".editor-toolbar")
    expect(toolbar.locator(".workflow-button")).to_have_text(["Submit for review"])
    toolbar.get_by_role("link", name="Submit for review").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("Submitted for review")
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW

    # No way to publish: no link to it anywhere, and the address itself is refused, on an
    # admin page that says why (not the public site's page).
    expect(page.locator("a[href*='/transition/publish/']")).to_have_count(0)
    response = page.goto(f"/admin/articles/article/{story.pk}/transition/publish/")
    assert response is not None and response.status == 403
    expect(page.locator(".transition-refused")).to_have_text("Only editors publish stories.")
    expect(page.get_by_role("link", name="Back to the story")).to_be_visible()
    story.refresh_from_db()
    assert story.status == Article.Status.REVIEW


def test_editor_sends_a_story_back_and_another_editor_publishes_it_once_fixed(
    new_context, reporter, editor, second_editor
):
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
    takeaways = newsroom.get_by_role("list", name="Key takeaways").locator("[data-part-row]")
    takeaways.nth(1).get_by_role("textbox").fill("Moorings on the east wall close for six weeks.")
    save_story(newsroom)
    expect(newsroom.locator(".messagelist")).to_contain_text("was changed successfully")
    newsroom.get_by_role("link", name="Submit for review").click()
    newsroom.get_by_role("button", name="Submit for review").click()
    expect(newsroom.locator(".messagelist")).to_contain_text("Submitted for review")

    other_desk = new_context().new_page()
    log_in(other_desk, second_editor)
    other_desk.goto("/admin/articles/article/")
    other_desk.get_by_role("link", name="Review queue (1 story)").click()
    other_desk.get_by_role("link", name=story.headline).click()
    takeaways = other_desk.get_by_role("list", name="Key takeaways").locator("[data-part-row]")
    expect(takeaways.nth(1).get_by_role("textbox")).to_have_value(
        "Moorings on the east wall close for six weeks."
    )
    other_desk.get_by_role("link", name="Publish now or at a time").click()
    expect(other_desk.get_by_label("Publish now")).to_be_checked()
    other_desk.get_by_role("button", name="Publish").click()
    expect(other_desk.locator(".messagelist")).to_contain_text("Published")

    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    assert list(story.events.values_list("action", "actor")) == [
        ("submit", reporter.pk),
        ("send_back", editor.pk),
        ("submit", reporter.pk),
        ("publish", second_editor.pk),
    ]
    assert other_desk.goto(story.get_absolute_url()).status == 200
