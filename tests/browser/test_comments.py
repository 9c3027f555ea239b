"""A reader's comment in a real browser: sent, held for moderation, approved by an editor in the
admin's queue, then shown; and a comment with a mistake keeps what the reader typed, with
JavaScript on (tokens fetched by static/js/comments.js) and off (the server sends the form back
with fresh tokens)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from comments.models import Comment
from tests import factories
from tests.browser.admin_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SENT = "Thanks — your comment is awaiting moderation."
BODY = "The 22:40 boat is the one my whole street relies on.\n\nPlease keep it."


@pytest.fixture
def story(reporter, editor):
    return factories.make_full_story(reporter, editor, headline="Night ferry loses two sailings")


def fill_comment(page: Page, name: str, email: str, body: str) -> None:
    page.get_by_label("Name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_role("textbox", name="Comment").fill(body)


def send(page: Page) -> None:
    page.get_by_role("button", name="Send comment").click()


def expect_sent(page: Page, story) -> None:
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "#comments$"))
    expect(page.locator(".comment-notice")).to_have_text(SENT)


def test_reader_comment_appears_once_an_editor_approves_it(page: Page, new_context, story, editor):
    page.goto(story.get_absolute_url())
    fill_comment(page, "Morag Bell", "morag@mail.example", BODY)
    send(page)
    expect_sent(page, story)
    expect(page.locator(".comment-list")).to_have_count(0)
    assert Comment.objects.get().status == Comment.Status.PENDING

    desk = new_context().new_page()
    log_in(desk, editor)
    desk.get_by_role("link", name="1 comment awaits moderation").click()
    desk.get_by_role("row").filter(has_text="Morag Bell").get_by_role("checkbox").check()
    desk.locator("select[name=action]").select_option(label="Approve selected comments")
    desk.get_by_role("button", name="Go").click()
    expect(desk.locator(".messagelist")).to_contain_text("1 comment approved.")

    page.reload()
    comment = page.locator(".comment-list > li")
    expect(comment).to_have_count(1)
    expect(comment.locator(".comment-author")).to_have_text("Morag Bell")
    expect(comment.locator(".comment-text p")).to_have_text(
        ["The 22:40 boat is the one my whole street relies on.", "Please keep it."]
    )
    expect(page.locator(".comment-count")).to_have_text("(1 comment)")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_comment_with_a_mistake_keeps_everything_the_reader_typed(
    new_context, story, javascript: bool
):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(story.get_absolute_url())

    # The browser itself stops a one-character comment (minlength): nothing is sent.
    fill_comment(page, "Morag Bell", "morag@mail.example", "x")
    send(page)
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))
    assert page.locator("#id_body").evaluate("body => body.validity.tooShort")
    expect(page.locator("#id_name")).to_have_value("Morag Bell")

    # An address the browser accepts but the server does not comes back with the message.
    fill_comment(page, "Morag Bell", "morag@mailbox", BODY)
    send(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Leave a Comment")
    expect(page.locator("#id_name")).to_have_value("Morag Bell")
    expect(page.locator("#id_email")).to_have_value("morag@mailbox")
    expect(page.locator("#id_body")).to_have_value(BODY)
    expect(page.locator("#div_id_email")).to_contain_text("Enter a valid email address.")
    if not javascript:
        # No token was fetched, so the form came back (403) with fresh ones and says why.
        expect(page.locator(".comment-notice[role=alert]")).to_be_visible()
    expect(page.locator("#comment-form input[name=csrfmiddlewaretoken]")).not_to_have_value("")
    expect(page.locator("#comment-form input[name=issued]")).not_to_have_value("")
    assert not Comment.objects.exists()

    page.locator("#id_email").fill("morag@mail.example")
    send(page)
    expect_sent(page, story)
    comment = Comment.objects.get()
    assert (comment.name, comment.email, comment.body) == (
        "Morag Bell",
        "morag@mail.example",
        BODY,
    )


def test_without_javascript_the_second_click_sends_the_comment(new_context, story):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(story.get_absolute_url())
    fill_comment(page, "Morag Bell", "morag@mail.example", BODY)

    send(page)
    expect(page.locator(".comment-notice[role=alert]")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value(BODY)
    expect(page.locator("#comment-form input[name=csrfmiddlewaretoken]")).not_to_have_value("")
    assert not Comment.objects.exists()

    send(page)
    expect_sent(page, story)
    assert Comment.objects.get().body == BODY
