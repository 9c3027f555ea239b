"""An editor's morning, in Chromium, through the desk: the review queue, what changed, a note
sent back, the reporter's desk showing it, the answer and resubmission, the other editor
publishing, and the front page curated to lead with the story. axe checks each desk page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article
from tests import factories
from tests.browser.accessibility import audit
from tests.browser.admin_pages import log_in, pick, save_story

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def checked(page: Page, name: str, artefacts: Path, notes: list[str]) -> None:
    assert audit(page, name, artefacts, notes) == []


def test_an_editors_morning_from_queue_to_front_page(
    new_context, reporter, editor, second_editor, artefacts: Path, axe_notes: list[str]
):
    story = factories.make_story_in_review(reporter, headline="Ferry pier repairs run late")
    note = "Say when the pier reopens, and who says so."
    answer = "Added the reopening date from the port's notice."

    # The editor's desk: the queue, a first submission read whole, a note sent back.
    desk = new_context().new_page()
    log_in(desk, editor)
    expect(desk.locator("#my-desk")).to_contain_text("1 story awaits review")
    checked(desk, "morning-editor-desk", artefacts, axe_notes)
    desk.get_by_role("link", name="1 story awaits review").click()
    entry = desk.locator(".queue-entry", has_text=story.headline)
    expect(entry.get_by_role("link", name="read the whole story")).to_be_visible()
    checked(desk, "morning-review-queue", artefacts, axe_notes)
    entry.get_by_role("link", name=story.headline).click()
    desk.get_by_role("link", name="Send back with a note").click()
    desk.get_by_label("Note to the author").fill(note)
    desk.get_by_role("button", name="Send back to the author").click()
    expect(desk.locator(".messagelist")).to_contain_text("Sent back to the author")

    # The reporter's desk shows the note; she fixes the story and answers it.
    newsroom = new_context().new_page()
    log_in(newsroom, reporter)
    returned = newsroom.locator(".returned-entry", has_text=story.headline)
    expect(returned.locator(".editor-note")).to_contain_text(note)
    checked(newsroom, "morning-reporter-desk", artefacts, axe_notes)
    returned.get_by_role("link", name=story.headline).click()
    expect(newsroom.locator(".workflow-note")).to_contain_text(note)
    takeaways = newsroom.get_by_role("list", name="Key takeaways").locator("[data-part-row]")
    takeaways.nth(0).get_by_role("textbox").fill("The pier reopens on 14 March, the port says.")
    save_story(newsroom)
    expect(newsroom.locator(".messagelist")).to_contain_text("was changed successfully")
    newsroom.get_by_role("link", name="Submit for review").click()
    expect(newsroom.locator("body")).to_contain_text(note)  # the note to answer
    newsroom.get_by_label("Your answer (optional)").fill(answer)
    newsroom.get_by_role("button", name="Submit for review").click()
    expect(newsroom.locator(".messagelist")).to_contain_text("Submitted for review")

    # The other editor: what changed since it was sent back, then publish.
    other = new_context().new_page()
    log_in(other, second_editor)
    other.goto("/admin/review-queue/")
    entry = other.locator(".queue-entry", has_text=story.headline)
    expect(entry.locator(".submit-note")).to_contain_text(answer)
    entry.get_by_role("link", name="What changed since it was sent back").click()
    expect(other.locator("ins").first).to_be_visible()
    expect(other.locator("body")).to_contain_text("14 March")
    checked(other, "morning-what-changed", artefacts, axe_notes)
    other.goto(f"/admin/articles/article/{story.pk}/change/")
    other.get_by_role("link", name="Publish now or at a time").click()
    other.get_by_role("button", name="Publish").click()
    expect(other.locator(".messagelist")).to_contain_text("Published")

    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    assert list(story.events.values_list("action", "actor", "note")) == [
        ("submit", reporter.pk, ""),
        ("send_back", editor.pk, note),
        ("submit", reporter.pk, answer),
        ("publish", second_editor.pk, ""),
    ]

    # A newer story would lead the front page; the editor chooses this one instead.
    newer = factories.make_article(reporter, status="published", editor=second_editor)
    front = other.context.new_page()
    front.goto("/")
    expect(front.locator(".front-lead")).to_contain_text(newer.headline)
    desk.goto("/admin/articles/curation/front/")
    pick(desk, desk.locator("#id_lead-story"), story.headline)
    desk.get_by_role("button", name="Save").first.click()
    expect(desk.locator(".messagelist")).to_be_visible()
    checked(desk, "morning-front-page-choice", artefacts, axe_notes)
    front.goto("/")
    expect(front.locator(".front-lead")).to_contain_text(story.headline)
