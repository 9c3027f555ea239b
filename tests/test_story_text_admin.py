"""The admin's "Import story" page and "Export as text" link: who may use them, and how."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles import storytext
from articles.models import Article, WorkflowEvent
from tests.factories import make_article, make_user
from tests.html import parse
from tests.story_samples import FULL, SEED_SHAPED

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:articles_article_import"


def import_url() -> str:
    return reverse(IMPORT_URL)


def export_url(article) -> str:
    return reverse("admin:articles_article_export", args=[article.pk])


def problems_listed(response) -> list[tuple[str, str]]:
    items = parse(response).select(".import-problems li")
    return [(item["data-line"], item.text) for item in items]


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    for response in (
        client.get(import_url()),
        client.post(import_url(), {"text": SEED_SHAPED}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    assert Article.objects.count() == 0


def test_staff_who_cannot_write_stories_get_403(db):
    client = Client()
    client.force_login(make_user("visitor", group=None, is_staff=True))
    assert client.get(import_url()).status_code == 403
    assert client.post(import_url(), {"text": SEED_SHAPED}).status_code == 403
    assert Article.objects.count() == 0


def test_reporters_and_editors_find_the_import_link_on_the_story_list(
    reporter_client, editor_client
):
    for client in (reporter_client, editor_client):
        page = client.get(reverse("admin:articles_article_changelist"))
        link = parse(page).select_one("a.import-story")
        assert link is not None and link["href"] == import_url()
        assert client.get(import_url()).status_code == 200


def test_pasted_text_becomes_a_draft_and_the_summary_is_shown(reporter, reporter_client):
    response = reporter_client.post(import_url(), {"text": SEED_SHAPED}, follow=True)
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_article_change", args=[article.pk]
    )
    assert article.created_by == reporter and article.status == "draft"
    message = parse(response).select_one(".messagelist .success").text
    assert "7 takeaways" in message and "4 verified claims" in message
    assert "3 impact items" in message and "1 quote" in message and "0 sources" in message


def test_an_uploaded_txt_file_becomes_a_draft(reporter, reporter_client):
    upload = SimpleUploadedFile("tram.txt", FULL.replace("\n", "\r\n").encode(), "text/plain")
    response = reporter_client.post(import_url(), {"upload": upload})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.headline == "Tram depot vote delayed by a week"
    assert "tram.txt" in WorkflowEvent.objects.get(article=article).note


def test_problems_are_listed_by_line_and_the_pasted_text_is_kept(reporter_client):
    text = SEED_SHAPED.replace("Unconfirmed\n", "Not yet confirmed\n")
    response = reporter_client.post(import_url(), {"text": text})
    assert response.status_code == 200
    line = text.splitlines().index("Not yet confirmed") + 1
    assert [number for number, _message in problems_listed(response)] == [str(line)]
    assert problems_listed(response)[0][1].startswith(f"Line {line}: ")
    kept = parse(response).select_one("#import_form textarea[name=text]").text
    assert kept.lstrip("\n") == text
    assert Article.objects.count() == 0


def test_an_uploaded_file_with_problems_comes_back_as_editable_text(reporter_client):
    text = FULL.replace("Ifeoma Barnes, cabinet member for transport", "")
    upload = SimpleUploadedFile("tram.txt", text.encode(), "text/plain")
    response = reporter_client.post(import_url(), {"upload": upload})
    assert len(problems_listed(response)) == 1
    kept = parse(response).select_one("#import_form textarea[name=text]").text
    assert kept.lstrip("\n") == text
    assert Article.objects.count() == 0


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message(reporter_client):
    upload = SimpleUploadedFile("old.txt", "Ferry fares\n\nCafé\n".encode("cp1252"), "text/plain")
    response = reporter_client.post(import_url(), {"upload": upload})
    assert response.status_code == 200
    [(line, message)] = problems_listed(response)
    assert line == "3" and "not UTF-8" in message
    assert Article.objects.count() == 0


def test_empty_submissions_and_other_file_types_get_a_form_error(reporter_client):
    empty = reporter_client.post(import_url(), {"text": "  "})
    assert parse(empty).select(".errorlist")
    upload = SimpleUploadedFile("story.html", b"<h1>Ferry</h1>", "text/html")
    wrong = reporter_client.post(import_url(), {"upload": upload})
    assert parse(wrong).select(".errorlist")
    huge = SimpleUploadedFile("huge.txt", b"Ferry\n" + b"a" * 1_000_000, "text/plain")
    too_big = reporter_client.post(import_url(), {"upload": huge})
    assert "larger than" in parse(too_big).select_one(".errorlist").text
    assert Article.objects.count() == 0


def test_the_story_form_links_to_the_text_export(reporter, reporter_client):
    article = make_article(reporter)
    page = reporter_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert parse(page).select_one("a.export-text")["href"] == export_url(article)


def test_export_downloads_the_story_as_text(reporter, reporter_client):
    reporter_client.post(import_url(), {"text": FULL})
    article = Article.objects.get()
    response = reporter_client.get(export_url(article))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{article.slug}.txt"'
    assert storytext.parse(response.content).story == storytext.parse(FULL).story


def test_export_of_a_story_you_may_not_open_is_a_404(reporter, other_reporter, reporter_client):
    theirs = make_article(other_reporter)
    assert reporter_client.get(export_url(theirs)).status_code == 404
    assert (
        reporter_client.get(reverse(IMPORT_URL).replace("import/", "999999/export/")).status_code
        == 404
    )


def test_editors_may_export_any_story_and_anonymous_visitors_none(reporter, editor_client, client):
    article = make_article(reporter, status="published")
    assert editor_client.get(export_url(article)).status_code == 200
    response = client.get(export_url(article))
    assert response.status_code == 302 and "login" in response["Location"]
