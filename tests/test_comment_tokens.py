"""Tokens that survive caching: the story page carries none; the reader's browser fetches them,
or a refused post gets the form back with the text and fresh tokens (issue 4 items 4 and 5;
SECURITY.md B7, B8)."""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from comments import tokens
from comments.models import Comment
from tests.comments_support import comment_data, form_url, typing_time
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db

TYPED = {"name": "Ines Calder", "email": "ines@mail.example", "body": "Every word kept."}


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def assert_form_back_with_fresh_tokens(response, status, old_token=""):
    assert response.status_code == status
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    fields = form_fields(response, "comment-form")
    assert {key: fields[key] for key in TYPED} == TYPED
    assert fields["csrfmiddlewaretoken"]
    assert fields["issued"] and fields["issued"] != old_token
    notice = parse(response).select_one(".comment-notice[role=alert]")
    assert "send it again" in notice.text
    assert not Comment.objects.exists()
    return fields


# -- the cached story page -----------------------------------------------------------------


def test_the_story_page_carries_no_per_reader_token(csrf_client, story):
    response = csrf_client.get(story.get_absolute_url())
    fields = form_fields(response, "comment-form")
    assert fields["csrfmiddlewaretoken"] == ""
    assert fields["issued"] == ""
    assert settings.CSRF_COOKIE_NAME not in response.cookies
    form = parse(response).select_one("form#comment-form")
    assert form["data-token-url"] == f"/comments/token/{story.pk}/"
    script = parse(response).select_one("#comments script")
    assert script["src"] == "/static/js/comments.js" and script.has_attr("defer")
    assert not script.text.strip()


def test_the_story_page_is_the_same_for_every_reader(story):
    first, second = Client(), Client()
    assert (
        first.get(story.get_absolute_url()).content == second.get(story.get_absolute_url()).content
    )


def test_the_token_endpoint_gives_private_uncached_tokens_and_sets_the_cookie(csrf_client, story):
    response = csrf_client.get(f"/comments/token/{story.pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert set(data) == {"csrf", "timestamp_token"}
    assert settings.CSRF_COOKIE_NAME in response.cookies
    assert tokens.problem(data["timestamp_token"], story) == tokens.Problem.TOO_FAST


def test_with_javascript_the_first_click_sends_the_comment(csrf_client, story, time_machine):
    page = csrf_client.get(story.get_absolute_url())
    fields = form_fields(page, "comment-form")
    data = json.loads(csrf_client.get(f"/comments/token/{story.pk}/").content)
    fields.update(TYPED, csrfmiddlewaretoken=data["csrf"], issued=data["timestamp_token"])
    typing_time(time_machine)
    response = csrf_client.post(form_url(story), fields)
    assert response.status_code == 302
    assert Comment.objects.get().body == TYPED["body"]


def test_without_javascript_the_second_click_sends_the_comment(csrf_client, story, time_machine):
    page = csrf_client.get(story.get_absolute_url())
    fields = form_fields(page, "comment-form")
    fields.update(TYPED)
    typing_time(time_machine)
    first = csrf_client.post(form_url(story), fields)
    again = assert_form_back_with_fresh_tokens(first, 403)
    assert parse(first).select_one("form#comment-form")["action"] == form_url(story)

    typing_time(time_machine)
    second = csrf_client.post(form_url(story), again)
    assert second.status_code == 302
    assert Comment.objects.get().body == TYPED["body"]


# -- CSRF (B7) -----------------------------------------------------------------------------


def test_a_token_from_another_session_gets_the_form_back(csrf_client, story, time_machine):
    other = Client(enforce_csrf_checks=True)
    foreign = json.loads(other.get(f"/comments/token/{story.pk}/").content)["csrf"]
    csrf_client.get(f"/comments/token/{story.pk}/")  # our own cookie
    typing_time(time_machine)
    data = comment_data(story, **TYPED, csrfmiddlewaretoken=foreign)
    typing_time(time_machine)
    response = csrf_client.post(form_url(story), data)
    assert_form_back_with_fresh_tokens(response, 403)


def test_a_cookie_without_the_form_token_gets_the_form_back(csrf_client, story, time_machine):
    csrf_client.get(f"/comments/token/{story.pk}/")
    data = comment_data(story, **TYPED)
    typing_time(time_machine)
    assert_form_back_with_fresh_tokens(csrf_client.post(form_url(story), data), 403)


def test_a_post_from_another_site_is_refused(story, time_machine):
    client = Client(enforce_csrf_checks=True, headers={"Origin": "https://evil.example"})
    csrf = json.loads(client.get(f"/comments/token/{story.pk}/").content)["csrf"]
    data = comment_data(story, **TYPED, csrfmiddlewaretoken=csrf)
    typing_time(time_machine)
    response = client.post(form_url(story), data, secure=True)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_other_forms_get_a_friendly_csrf_page(csrf_client):
    response = csrf_client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert parse(response).h1.text == "The form could not be sent"


def test_a_csrf_failure_on_a_hidden_story_is_a_404(csrf_client, reporter):
    draft = make_article(reporter)
    response = csrf_client.post(form_url(draft), TYPED)
    assert response.status_code == 404


# -- the signed timestamp (B8) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", "eyJzdG9yeSI6MX0:forged"],
    ids=["missing", "garbage", "forged"],
)
def test_a_missing_or_forged_token_gets_the_form_back(client, story, time_machine, token):
    typing_time(time_machine)
    response = client.post(form_url(story), {**TYPED, "issued": token})
    assert_form_back_with_fresh_tokens(response, 400, token)


def test_a_token_changed_by_one_character_is_refused(client, story, time_machine):
    token = tokens.issue(story)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    typing_time(time_machine)
    response = client.post(form_url(story), {**TYPED, "issued": tampered})
    assert_form_back_with_fresh_tokens(response, 400, tampered)


def test_a_token_for_another_story_is_refused(client, story, reporter, editor, time_machine):
    other = make_article(reporter, status="published", editor=editor)
    token = tokens.issue(other)
    typing_time(time_machine)
    response = client.post(form_url(story), {**TYPED, "issued": token})
    assert_form_back_with_fresh_tokens(response, 400, token)


def test_a_post_within_seconds_of_the_form_is_refused_with_the_text_kept(
    client, story, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    token = tokens.issue(story)
    time_machine.move_to(timezone.now() + timedelta(seconds=1), tick=False)
    response = client.post(form_url(story), {**TYPED, "issued": token})
    fields = assert_form_back_with_fresh_tokens(response, 400, token)
    assert "quicker than we expect" in parse(response).select_one(".comment-notice").text

    typing_time(time_machine)
    assert client.post(form_url(story), fields).status_code == 302


def test_an_expired_token_gets_the_form_back_with_the_text(client, story, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    token = tokens.issue(story)
    later = timedelta(seconds=settings.COMMENTS_TOKEN_MAX_AGE + 1)
    time_machine.move_to(timezone.now() + later, tick=False)
    response = client.post(form_url(story), {**TYPED, "issued": token})
    assert_form_back_with_fresh_tokens(response, 400, token)
    assert "has expired" in parse(response).select_one(".comment-notice").text


def test_a_token_just_inside_its_lifetime_is_accepted(client, story, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    token = tokens.issue(story)
    later = timedelta(seconds=settings.COMMENTS_TOKEN_MAX_AGE - 1)
    time_machine.move_to(timezone.now() + later, tick=False)
    assert client.post(form_url(story), {**TYPED, "issued": token}).status_code == 302


def test_one_token_replayed_stores_no_more_than_the_rate_limit(client, story, time_machine):
    token = tokens.issue(story)
    typing_time(time_machine)
    statuses = [
        client.post(form_url(story), {**TYPED, "body": f"Replay {n}", "issued": token}).status_code
        for n in range(50)
    ]
    assert Comment.objects.count() == settings.COMMENTS_RATE_LIMIT
    assert statuses.count(302) == settings.COMMENTS_RATE_LIMIT
    assert set(statuses[settings.COMMENTS_RATE_LIMIT :]) == {429}


def test_the_minimum_time_is_configurable(client, story, settings, time_machine):
    settings.COMMENTS_MIN_SECONDS = 0
    time_machine.move_to(timezone.now(), tick=False)
    assert client.post(form_url(story), comment_data(story)).status_code == 302
