"""Signed, expiring preview links for people without a login (SECURITY.md A2)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PreviewLink
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


def share(client, article, lifetime="1d") -> PreviewLink:
    """Create a link the way an editor does, in the admin."""
    add_url = reverse("admin:articles_previewlink_add")
    data = form_fields(client.get(add_url, {"article": article.pk}), "previewlink_form")
    data.update(article=str(article.pk), lifetime=lifetime)
    response = client.post(add_url, data)
    assert response.status_code == 302, parse(response).select(".errorlist")
    return PreviewLink.objects.get(article=article)


def test_a_valid_link_shows_the_story_as_a_private_noindex_preview(reporter, editor_client, client):
    article = make_article(reporter, headline="Ferry strike zqxjv")
    link = share(editor_client, article)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert response["Referrer-Policy"] == "no-referrer"
    page = parse(response)
    assert page.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert "Preview" in page.select_one(".preview-banner").text
    assert page.h1.text == "Ferry strike zqxjv"
    assert page.find("textarea", attrs={"name": "body"}) is None  # no comment form


def test_the_link_shows_the_latest_saved_content(reporter, editor_client, client):
    article = make_article(reporter, headline="First headline")
    link = share(editor_client, article)
    Article.objects.filter(pk=article.pk).update(headline="Second headline")
    assert parse(client.get(link.get_absolute_url())).h1.text == "Second headline"


def test_an_expired_link_is_404(reporter, editor_client, client):
    article = make_article(reporter)
    link = share(editor_client, article, lifetime="1h")
    with time_machine.travel(timezone.now() + timedelta(minutes=59)):
        assert client.get(link.get_absolute_url()).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        assert client.get(link.get_absolute_url()).status_code == 404


def test_a_link_is_dead_after_its_maximum_age_whatever_the_database_says(reporter, editor, client):
    article = make_article(reporter)
    link = PreviewLink.objects.create(
        article=article, created_by=editor, expires_at=timezone.now() + timedelta(days=365)
    )
    with time_machine.travel(timezone.now() + PreviewLink.MAX_LIFETIME + timedelta(minutes=1)):
        assert client.get(link.get_absolute_url()).status_code == 404


def test_a_revoked_link_is_404(reporter, editor_client, client):
    article = make_article(reporter)
    link = share(editor_client, article)
    response = editor_client.post(
        reverse("admin:articles_previewlink_changelist"),
        {"action": "revoke_selected", "_selected_action": [link.pk]},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    assert client.get(link.get_absolute_url()).status_code == 404


def test_tampered_and_other_story_tokens_are_404(reporter, editor_client, client):
    article, other = make_article(reporter), make_article(reporter)
    link = share(editor_client, article)
    token = link.token
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    forged_id = f"{link.pk + 1}{token[len(str(link.pk)) :]}"
    for url in (
        reverse("articles:shared_preview", args=[article.pk, tampered]),
        reverse("articles:shared_preview", args=[article.pk, forged_id]),
        reverse("articles:shared_preview", args=[other.pk, token]),
        reverse("articles:shared_preview", args=[article.pk, "x" * 5000]),
        f"/preview/{article.pk}/{token}:extra/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert article.headline.encode() not in response.content


def test_once_the_story_is_live_the_link_leads_to_its_page(reporter, editor, editor_client, client):
    from articles import workflow

    article = make_article(reporter, status="review")
    link = share(editor_client, article)
    workflow.publish(article, editor)
    response = client.get(link.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()


def test_anonymous_admin_preview_goes_to_login(reporter, client):
    article = make_article(reporter)
    response = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_reporters_cannot_create_or_list_preview_links(reporter, reporter_client):
    article = make_article(reporter)
    for url in (
        reverse("admin:articles_previewlink_changelist"),
        reverse("admin:articles_previewlink_add"),
    ):
        assert reporter_client.get(url).status_code == 403
    response = reporter_client.post(
        reverse("admin:articles_previewlink_add"), {"article": article.pk, "lifetime": "7d"}
    )
    assert response.status_code == 403
    assert not PreviewLink.objects.exists()


def test_editor_sees_the_link_to_copy_after_creating_it(reporter, editor_client):
    article = make_article(reporter)
    add_url = reverse("admin:articles_previewlink_add")
    data = form_fields(editor_client.get(add_url, {"article": article.pk}), "previewlink_form")
    data.update(article=str(article.pk), lifetime="3d")
    page = parse(editor_client.post(add_url, data, follow=True))
    link = PreviewLink.objects.get()
    assert page.find("a", href=link.get_absolute_url()) is not None
    assert link.expires_at - link.created_at == timedelta(days=3)
    assert link.created_by.username == "marek"
