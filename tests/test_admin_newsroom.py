"""The admin as the newsroom: writing a story with its parts, and the workflow buttons."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Byline, Claim, Quote, StorySource, WorkflowEvent
from tests.factories import make_article, make_person, make_section, make_source
from tests.html import add_row, form_fields, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article, action):
    return reverse("admin:articles_article_transition", args=[article.pk, action])


def button_actions(response):
    return {a["data-action"] for a in parse(response).select("a[data-action]")}


def test_reporter_writes_a_structured_story_in_one_form(reporter, reporter_client):
    add_url = reverse("admin:articles_article_add")
    data = form_fields(reporter_client.get(add_url), "article_form")
    source = make_source("Harbour board minutes")
    speaker = make_person("Ada Quayle")
    data.update(
        {
            "headline": "Harbour board delays ferry contract",
            "standfirst": "The board wants *more* bids.",
            "dateline": "Port Calder",
            "section": str(make_section("City").pk),
        }
    )
    add_row(data, "takeaways", text="The decision moves to January.")
    add_row(
        data,
        "claims",
        text="The board voted 5–2 to delay.",
        status="verified",
        sources=[str(source.pk)],
    )
    add_row(data, "impact_items", label="Ferry users", text="Current timetable stays until spring.")
    add_row(data, "quotes", speaker=str(speaker.pk), text="We need a fair contest.", is_pull="on")
    response = reporter_client.post(add_url, data)
    assert response.status_code == 302, parse(response).select(".errorlist")
    article = Article.objects.get()
    assert article.created_by == reporter
    assert article.status == "draft"
    assert article.standfirst_html == "<p>The board wants <em>more</em> bids.</p>"
    assert list(article.bylines.values_list("author", flat=True)) == [reporter.pk]
    assert article.claims.get().sources.get() == source
    # the cited source joined the story's source list by itself
    assert list(StorySource.objects.filter(article=article).values_list("source", flat=True)) == [
        source.pk
    ]
    pull = Quote.objects.get(article=article)
    assert pull.is_pull and pull.role == speaker.role


def test_reporter_sees_submit_but_never_publish(reporter, reporter_client):
    article = make_article(reporter)
    assert button_actions(reporter_client.get(change_url(article))) == {"submit"}


def test_editor_sees_send_back_and_publish_on_a_story_in_review(reporter, editor_client):
    article = make_article(reporter, status="review")
    assert button_actions(editor_client.get(change_url(article))) == {"send_back", "publish"}


def test_story_in_review_is_read_only_for_its_reporter(reporter, reporter_client):
    article = make_article(reporter, status="review")
    page = reporter_client.get(change_url(article))
    assert page.status_code == 200
    assert parse(page).find(["input", "textarea"], attrs={"name": "headline"}) is None
    response = reporter_client.post(change_url(article), {"headline": "Changed in review"})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).headline == article.headline


def test_submit_button_submits_and_records_the_event(reporter, reporter_client):
    article = make_article(reporter)
    response = reporter_client.post(transition_url(article, "submit"))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == "review"
    assert WorkflowEvent.objects.get(article=article).actor == reporter


def test_reporter_posting_to_publish_is_refused(reporter, reporter_client):
    article = make_article(reporter, status="review")
    response = reporter_client.post(transition_url(article, "publish"), {"when": "now"})
    assert response.status_code in (302, 403)
    assert Article.objects.get(pk=article.pk).status == "review"


def test_send_back_without_a_note_keeps_the_form(reporter, editor_client):
    article = make_article(reporter, status="review")
    response = editor_client.post(transition_url(article, "send_back"), {"note": ""})
    assert response.status_code == 200
    assert parse(response).select(".errorlist")
    assert Article.objects.get(pk=article.pk).status == "review"


def test_sent_back_note_is_shown_to_the_author(reporter, editor_client, reporter_client):
    article = make_article(reporter, status="review")
    editor_client.post(transition_url(article, "send_back"), {"note": "Source the vote count."})
    page = reporter_client.get(change_url(article))
    note = parse(page).select_one(".workflow-note")
    assert note is not None and "Source the vote count." in note.text


def test_publish_failure_lists_the_unmet_rules(reporter, editor_client):
    article = make_article(reporter, status="review")
    Claim.objects.filter(article=article).update(status="verified")
    article.claims.get().sources.clear()
    response = editor_client.post(transition_url(article, "publish"), {"when": "now"}, follow=True)
    messages = [m.text for m in parse(response).select(".messagelist li")]
    assert any("cites no source" in message for message in messages)
    assert Article.objects.get(pk=article.pk).status == "review"


def test_editor_schedules_a_story_from_the_publish_page(reporter, editor_client):
    article = make_article(reporter, status="review")
    later = timezone.localtime() + timezone.timedelta(days=1)
    response = editor_client.post(
        transition_url(article, "publish"),
        {"when": "later", "at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled
    changelist = editor_client.get(
        reverse("admin:articles_article_changelist"), {"state": "scheduled"}
    )
    assert article.headline in changelist.content.decode()


def test_scheduling_without_a_time_keeps_the_form(reporter, editor_client):
    article = make_article(reporter, status="review")
    response = editor_client.post(transition_url(article, "publish"), {"when": "later", "at": ""})
    assert response.status_code == 200
    assert "Choose when the story should go live." in response.content.decode()


def test_admin_index_shows_the_review_queue_to_editors(reporter, editor_client, reporter_client):
    make_article(reporter, status="review")
    make_article(reporter, status="review")
    assert "2 stories await review" in editor_client.get("/admin/").content.decode()
    assert "await review" not in reporter_client.get("/admin/").content.decode()


def test_swapping_takeaway_positions_saves_cleanly(reporter, reporter_client):
    article = make_article(reporter, takeaways=2)
    data = form_fields(reporter_client.get(change_url(article)), "article_form")
    data["takeaways-0-position"], data["takeaways-1-position"] = "2", "1"
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 302
    assert list(article.takeaways.values_list("text", flat=True)) == ["Takeaway 2", "Takeaway 1"]


def test_duplicate_positions_are_a_form_error_not_a_crash(reporter, reporter_client):
    article = make_article(reporter, takeaways=2)
    data = form_fields(reporter_client.get(change_url(article)), "article_form")
    data["takeaways-1-position"] = data["takeaways-0-position"]
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert data["takeaways-1-text"] in response.content.decode()  # what they typed is kept


def test_two_pull_quotes_are_a_form_error(reporter, reporter_client):
    article = make_article(reporter)
    data = form_fields(reporter_client.get(change_url(article)), "article_form")
    speaker = make_person()
    for i in (0, 1):
        data.update(
            {
                f"quotes-{i}-speaker": str(speaker.pk),
                f"quotes-{i}-text": f"Words {i}",
                f"quotes-{i}-is_pull": "on",
            }
        )
    data["quotes-TOTAL_FORMS"] = "2"
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 200
    assert "one pull quote" in response.content.decode()
    assert not Quote.objects.exists()


def test_slug_is_read_only_once_published(reporter, editor, second_editor):
    article = make_article(reporter, status="published", editor=second_editor)
    from django.test import Client

    client = Client()
    client.force_login(editor)
    page = client.get(change_url(article))
    assert parse(page).find("input", attrs={"name": "slug"}) is None


def test_staff_preview_is_private_and_noindex(reporter, reporter_client):
    article = make_article(reporter, headline="Preview me")
    response = reporter_client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    page = parse(response)
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert "Preview" in page.select_one(".preview-banner").text


def test_byline_defaults_to_the_creator(reporter, reporter_client):
    add_url = reverse("admin:articles_article_add")
    data = form_fields(reporter_client.get(add_url), "article_form")
    data["headline"] = "Short story"
    reporter_client.post(add_url, data)
    assert Byline.objects.get().author == reporter
