"""Sending a comment: held for moderation, never losing what the reader typed (issue 4 items
1 and 3; SECURITY.md B3, B4, B5, B11, B12, B13, B15)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles import workflow
from comments.models import Comment
from tests.comments_support import (
    comment_data,
    form_url,
    make_comment,
    send,
    typing_time,
)
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


def test_a_sent_comment_is_held_and_the_reader_is_sent_back_to_the_story(
    client, story, time_machine
):
    response = send(client, story, time_machine, name="Ines Calder", body="Good reporting.")
    assert response.status_code == 302
    assert response["Location"] == f"{story.get_absolute_url()}#comments"
    comment = Comment.objects.get()
    assert (comment.article, comment.name, comment.body) == (
        story,
        "Ines Calder",
        "Good reporting.",
    )
    assert comment.status == Comment.Status.PENDING

    page = parse(client.get(response["Location"]))
    notice = page.select_one("#comments .comment-notice")
    assert notice.text == "Thanks — your comment is awaiting moderation."
    assert "Good reporting." not in page.select_one("#comments").text


def test_a_form_with_errors_comes_back_with_everything_typed(client, story, time_machine):
    typed = {"name": "Ines Calder", "email": "not-an-email", "body": "Kept, every word."}
    response = send(client, story, time_machine, **typed)
    assert response.status_code == 200
    fields = form_fields(response, "comment-form")
    assert {key: fields[key] for key in typed} == typed
    email_error = parse(response).select_one("#div_id_email .invalid-feedback")
    assert "valid email" in email_error.text
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"name": ""}, "This field is required."),
        ({"name": "N" * 81}, "Names can be up to 80 characters long; this one has 81."),
        ({"email": "e" * 245 + "@x.example"}, "can be up to 254 characters long; this one has 255"),
        ({"body": "x"}, "at least 2 characters"),
        ({"body": "x" * 5001}, "A comment can be up to 5000 characters long; this one has 5001."),
        ({"body": "<<<<" * 25_000}, "can be up to 5000 characters long"),
        ({"body": "http://a." * 11_000}, "can be up to 5000 characters long"),
    ],
)
def test_length_limits_are_explained_and_nothing_is_stored(
    client, story, time_machine, fields, message
):
    response = send(client, story, time_machine, **fields)
    assert response.status_code == 200
    assert message in parse(response).select_one("#comment-form").text
    kept = form_fields(response, "comment-form")
    assert all(kept[key] == value for key, value in fields.items())
    assert not Comment.objects.exists()


def test_the_name_field_shows_its_limit_in_a_hint_tied_to_the_field(client, story):
    page = parse(client.get(form_url(story)))
    name = page.select_one('#comment-form input[name="name"]')
    hint = page.select_one(f"#{name['aria-describedby'].split()[0]}")
    assert hint.text.strip() == "Shown with your comment. Up to 80 characters."


def test_no_comment_field_cuts_what_is_typed_at_its_limit(client, story):
    """A browser stops typing (and cuts a paste) at `maxlength` without a word: the server
    explains the limit instead, and the form keeps everything."""
    for address in (form_url(story), story.get_absolute_url()):
        form = parse(client.get(address)).select_one("#comment-form")
        assert form.select("input[name=name], input[name=email], textarea[name=body]")
        assert form.select("[maxlength]") == [], address


def test_a_name_over_the_limit_comes_back_whole_with_the_limit_and_the_count(
    client, story, time_machine
):
    long_name = "Maria Fernanda de los Santos Ribeiro-Vasconcelos, retired harbour master (ret.)"
    long_name += " 2"
    assert len(long_name) == 81
    response = send(client, story, time_machine, name=long_name, body="Every word kept.")
    assert response.status_code == 200
    page = parse(response)
    name = page.select_one('#comment-form input[name="name"]')
    assert name["value"] == long_name and name["aria-invalid"] == "true"
    described = [
        page.select_one(f"#{ref}").text.strip() for ref in name["aria-describedby"].split()
    ]
    assert "Names can be up to 80 characters long; this one has 81. Please shorten it." in described
    assert "Up to 80 characters" in " ".join(described)
    assert page.select_one('#comment-form textarea[name="body"]').text.strip() == "Every word kept."
    assert not Comment.objects.exists()


def test_a_name_of_exactly_the_limit_is_stored_whole(client, story, time_machine):
    name = "N" * 79 + "é"
    assert send(client, story, time_machine, name=name).status_code == 302
    assert Comment.objects.get().name == name


def test_the_length_counts_characters_not_bytes_and_line_breaks_once(client, story, time_machine):
    body = "🧪" * 2000 + "\r\n" * 1000 + "語" * 1999
    assert send(client, story, time_machine, body=body).status_code == 302
    assert Comment.objects.get().body == "🧪" * 2000 + "\n" * 1000 + "語" * 1999


def test_a_body_over_the_upload_limit_is_a_400_not_a_500(client, story, time_machine):
    response = send(client, story, time_machine, body="x" * 3_000_000)
    assert response.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.parametrize("field", ["name", "email", "body"])
def test_a_nul_byte_is_refused_in_every_field(client, story, time_machine, field):
    response = send(client, story, time_machine, **{field: "Ines\x00Calder"})
    assert response.status_code == 200
    assert "Null characters are not allowed." in parse(response).select_one("#comment-form").text
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "Ines\x1b[31mCalder"},
        {"name": "Ines\x07"},
        {"name": "Ines\r\nCalder"},
        {"body": "Ring the bell\x07 please"},
        {"body": "Colour \x1b[31mred"},
    ],
)
def test_control_characters_are_refused_with_a_message(client, story, time_machine, fields):
    response = send(client, story, time_machine, **fields)
    assert response.status_code == 200
    assert "invisible control characters" in parse(response).select_one("#comment-form").text
    assert not Comment.objects.exists()


def test_line_breaks_and_tabs_are_fine_in_a_comment(client, story, time_machine):
    assert send(client, story, time_machine, body="One\n\n\tTwo").status_code == 302
    assert Comment.objects.get().body == "One\n\n\tTwo"


@pytest.mark.parametrize(
    "raw, status",
    [
        (b"name=%C3%28&email=a%40b.example&body=%FF%FE", 200),
        (b"name=Ines&email=a%40b.example&body=over%C0%AFlong", 200),
        (b"name=Ines%&email=a%40b.example&body=bare%", 302),
        (b"name=%u0041&email=a%40b.example&body=%u0041%u0042", 302),
    ],
)
def test_malformed_encodings_never_store_mojibake_or_fail(client, story, time_machine, raw, status):
    token = comment_data(story)["issued"]
    typing_time(time_machine)
    body = raw + b"&issued=" + token.encode()
    response = client.post(form_url(story), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == status
    if status == 200:
        assert "could not be read" in parse(response).select_one("#comment-form").text
        assert not Comment.objects.exists()
    for comment in Comment.objects.all():  # bare "%" and "%u0041" are kept literally
        assert "\ufffd" not in comment.name + comment.body


def test_a_comment_sent_in_the_wrong_content_type_gets_the_form_back(client, story):
    for content_type in ("text/plain", "multipart/form-data"):
        response = client.post(form_url(story), "name=Ines", content_type=content_type)
        assert response.status_code in (400, 403)
    assert not Comment.objects.exists()


def test_extra_fields_cannot_set_what_the_reader_does_not_choose(
    client, story, reporter, editor, time_machine
):
    other = make_article(reporter, status="published", editor=editor)
    response = send(
        client,
        story,
        time_machine,
        status="approved",
        is_public="1",
        article=str(other.pk),
        ip_address="1.2.3.4",
        user=str(editor.pk),
        moderated_by=str(editor.pk),
        created_at="2000-01-01T00:00:00Z",
        spam_reason="",
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.article == story
    assert comment.ip_address == "127.0.0.1"
    assert comment.moderated_by is None
    assert comment.created_at > timezone.now() - timedelta(minutes=1)


# -- replies ------------------------------------------------------------------------------


def test_a_reader_replies_to_an_approved_comment(client, story, time_machine):
    parent = make_comment(story, name="Ines Calder")
    page = client.get(f"{form_url(story)}?parent={parent.pk}")
    assert page.status_code == 200
    assert parse(page).select_one(".comment-replying bdi").text == "Ines Calder"
    fields = form_fields(page, "comment-form")
    assert fields["parent"] == str(parent.pk)
    assert fields["csrfmiddlewaretoken"] and fields["issued"]

    fields.update(name="Tom Reyes", email="tom@mail.example", body="I disagree, politely.")
    typing_time(time_machine)
    assert client.post(form_url(story), fields).status_code == 302
    assert Comment.objects.get(name="Tom Reyes").parent == parent


def test_a_reply_link_to_a_comment_that_cannot_be_answered_gives_a_plain_form(client, story):
    pending = make_comment(story, status="pending")
    page = client.get(f"{form_url(story)}?parent={pending.pk}")
    assert form_fields(page, "comment-form")["parent"] == ""
    assert not parse(page).select_one(".comment-replying")


def replies_refused(story, reporter, editor):
    other_story = make_article(reporter, status="published", editor=editor)
    top = make_comment(story)
    return {
        "on another story": make_comment(other_story).pk,
        "pending": make_comment(story, status="pending").pk,
        "rejected": make_comment(story, status="rejected").pk,
        "a reply (depth 2)": make_comment(story, parent=top).pk,
        "nonexistent": 999_999,
        "not a number": "abc",
        "too large": "9" * 40,
    }


def test_replies_to_comments_that_cannot_be_answered_are_refused(
    client, story, reporter, editor, time_machine
):
    before = Comment.objects.count()
    for label, parent in replies_refused(story, reporter, editor).items():
        before = Comment.objects.count()
        response = send(client, story, time_machine, parent=parent, body=f"Reply {label}")
        assert response.status_code == 200, label
        errors = parse(response).select_one("#comment-form .alert-danger")
        assert "You can only reply to a published comment on this story." in errors.text, label
        assert form_fields(response, "comment-form")["body"] == f"Reply {label}"
        assert Comment.objects.count() == before, label


# -- closed or hidden stories (B11) ----------------------------------------------------------


def test_comments_on_unpublished_or_unknown_stories_are_a_404(
    client, reporter, editor, time_machine
):
    draft = make_article(reporter)
    review = make_article(reporter, status="review")
    scheduled = make_article(
        reporter, status="published", editor=editor, at=timezone.now() + timedelta(hours=1)
    )
    withdrawn = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(withdrawn, editor, "Withdrawn pending a legal check.")
    unknown = client.post("/articles/no-such-story/comments/", comment_data(draft))
    assert unknown.status_code == 404
    for article in (draft, review, scheduled, withdrawn):
        response = send(client, article, time_machine)
        assert response.status_code == 404
        assert response.content == unknown.content
        assert client.get(form_url(article)).status_code == 404
        assert client.get(f"/comments/token/{article.pk}/").status_code == 404
    assert client.get("/comments/token/99999999999999999999999/").status_code == 404
    assert not Comment.objects.exists()


def closed_stories(reporter, editor, settings, time_machine):
    """A story with comments switched off, and one published 31 days ago (closing at 30)."""
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(reporter, status="published", editor=editor)
    time_machine.move_to(timezone.now() + timedelta(days=31), tick=False)
    switched_off = make_article(reporter, status="published", editor=editor)
    switched_off.comments_enabled = False
    switched_off.save()
    return [switched_off, old]


def test_a_closed_story_refuses_comments_with_a_readable_403(
    client, reporter, editor, settings, time_machine
):
    for article in closed_stories(reporter, editor, settings, time_machine):
        response = send(client, article, time_machine, body="Sent too late, but kept.")
        assert response.status_code == 403
        page = parse(response)
        assert page.h1.text == "Comments are closed"
        assert "Sent too late, but kept." in page.select_one(".comment-text").text
        assert not page.select("form#comment-form")
        assert client.get(form_url(article)).status_code == 403
        assert client.get(f"/comments/token/{article.pk}/").status_code == 403
    assert not Comment.objects.exists()


def test_a_closed_story_shows_its_comments_but_no_form(
    client, reporter, editor, settings, time_machine
):
    for article in closed_stories(reporter, editor, settings, time_machine):
        make_comment(article, body="Said while it was open.")
        page = parse(client.get(article.get_absolute_url()))
        section = page.select_one("#comments")
        assert "Said while it was open." in section.text
        assert section.select_one(".comments-closed").text == "Comments are closed."
        assert not section.select("form")
        assert not section.select(".comment-reply")


def test_comments_stay_open_forever_when_closing_is_switched_off(
    client, reporter, editor, settings, time_machine
):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0
    old = make_article(reporter, status="published", editor=editor)
    time_machine.move_to(timezone.now() + timedelta(days=3000), tick=False)
    assert send(client, old, time_machine).status_code == 302


# -- double submission (B15) -----------------------------------------------------------------


def test_a_double_click_stores_one_comment_and_both_clicks_succeed(client, story, time_machine):
    data = comment_data(story)
    typing_time(time_machine)
    first = client.post(form_url(story), data)
    second = client.post(form_url(story), data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_the_same_words_sent_again_later_are_a_new_comment(client, story, settings, time_machine):
    data = comment_data(story)
    typing_time(time_machine)
    client.post(form_url(story), data)
    time_machine.move_to(
        timezone.now() + timedelta(seconds=settings.COMMENTS_DUPLICATE_WINDOW + 1), tick=False
    )
    data = {**data, "issued": comment_data(story)["issued"]}
    typing_time(time_machine)
    client.post(form_url(story), data)
    assert Comment.objects.count() == 2


def test_other_methods_are_not_allowed(story):
    assert Client().put(form_url(story)).status_code == 405
