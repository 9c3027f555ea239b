"""E7: what a story uses cannot be deleted from under it; deleting a person keeps the stories."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from articles.models import Article, Quote
from sources.models import Person, Source
from tests.factories import make_article, make_person, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db


def protected_items(response) -> list[str]:
    """What the admin's delete page says stands in the way."""
    page = parse(response)
    return [li.text for li in page.select("#content ul li")]


def test_deleting_a_cited_source_in_the_admin_lists_what_uses_it(reporter, editor, editor_client):
    article = make_article(reporter, status="published", editor=editor, headline="Tide tables")
    source = article.claims.get().sources.get()
    url = reverse("admin:sources_source_delete", args=[source.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert "Story: “Tide tables” (Published)" in protected_items(response)
    assert Source.objects.filter(pk=source.pk).exists()


def test_deleting_a_quoted_person_in_the_admin_lists_their_quotes(reporter, editor_client):
    article = make_article(reporter)
    speaker = make_person("Lena Hart")
    Quote.objects.create(article=article, speaker=speaker, text="The pier stays open.")
    response = editor_client.post(
        reverse("admin:sources_person_delete", args=[speaker.pk]), {"post": "yes"}
    )
    assert response.status_code == 200
    assert f"Story: “{article.headline}” (Draft)" in protected_items(response)
    assert Person.objects.filter(pk=speaker.pk).exists()


def test_bulk_deleting_sources_in_use_is_refused_with_the_list(reporter, editor_client):
    article = make_article(reporter)
    source = article.claims.get().sources.get()
    response = editor_client.post(
        reverse("admin:sources_source_changelist"),
        {"action": "delete_selected", "_selected_action": [source.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert protected_items(response)
    assert Source.objects.filter(pk=source.pk).exists()


def test_superuser_deleting_an_author_keeps_their_stories(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    admin = make_user("root", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("admin:auth_user_delete", args=[reporter.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=reporter.pk).exists()
    article = Article.objects.get(pk=article.pk)
    assert article.status == "published" and article.bylines.get().display_name == "Rosa"
    assert article.revisions.count() == 2  # history intact
