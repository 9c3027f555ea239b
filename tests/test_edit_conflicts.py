"""No lost updates: a save made on an out-of-date form is refused (SECURITY.md E3, E4)."""

import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from articles.models import Article, StoryRevision
from tests.factories import make_article
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def opened(client, article) -> dict:
    """The change form as a browser holds it after opening the story."""
    return form_fields(client.get(change_url(article)), "article_form")


def test_second_save_on_the_same_version_is_refused_with_who_and_when(
    reporter, editor, second_editor
):
    """E3: A and B open version N; A saves; B's save is refused, B's text is kept."""
    article = make_article(reporter, status="review", headline="Ferry fares rise")
    a, b = client_for(editor), client_for(second_editor)
    form_a, form_b = opened(a, article), opened(b, article)
    version = int(form_a["loaded_version"])

    form_a["headline"] = "Ferry fares rise by a tenth"
    assert a.post(change_url(article), form_a).status_code == 302
    form_b["standfirst"] = "B's careful new standfirst."
    response = b.post(change_url(article), form_b)

    assert response.status_code == 200
    page = parse(response)
    error = page.select_one(".errornote, .errorlist.nonfield").text
    assert "Marek saved this story at" in page.text and "after you opened it" in error + page.text
    assert page.find("textarea", attrs={"name": "standfirst"}).text.strip() == (
        "B's careful new standfirst."
    )
    diff = page.select_one("a.conflict-diff")["href"]
    assert diff.startswith(reverse("admin:articles_article_compare", args=[article.pk]))
    article.refresh_from_db()
    assert article.headline == "Ferry fares rise by a tenth"
    assert article.version == version + 1
    assert list(StoryRevision.objects.filter(article=article, version__gt=version)) == [
        StoryRevision.objects.get(article=article, version=version + 1, action="edit")
    ]


def test_the_diff_link_shows_what_the_other_editor_changed(reporter, editor, second_editor):
    article = make_article(reporter, status="review", headline="Ferry fares rise")
    a, b = client_for(editor), client_for(second_editor)
    first = opened(a, article)
    a.post(change_url(article), first)  # version N+1, a revision to compare from
    form_a, form_b = opened(a, article), opened(b, article)
    form_a["headline"] = "Ferry fares rise by a tenth"
    a.post(change_url(article), form_a)
    conflict = parse(b.post(change_url(article), form_b))
    diff = b.get(conflict.select_one("a.conflict-diff")["href"])
    cells = [td.text for td in parse(diff).select("#diff-story td")]
    assert cells == ["Ferry fares rise", "Ferry fares rise by a tenth"]


def test_an_inline_only_edit_also_refuses_the_other_editor(reporter, editor, second_editor):
    """E4: A changes only a takeaway, B only the headline; B is refused."""
    article = make_article(reporter, status="review")
    a, b = client_for(editor), client_for(second_editor)
    form_a, form_b = opened(a, article), opened(b, article)
    form_a["takeaways-0-text"] = "A better first takeaway"
    assert a.post(change_url(article), form_a).status_code == 302
    form_b["headline"] = "B's headline"
    assert b.post(change_url(article), form_b).status_code == 200
    article.refresh_from_db()
    assert article.headline != "B's headline"
    assert article.takeaways.get().text == "A better first takeaway"


def test_after_seeing_the_conflict_the_editor_may_deliberately_overwrite(
    reporter, editor, second_editor
):
    article = make_article(reporter, status="review")
    a, b = client_for(editor), client_for(second_editor)
    form_a, form_b = opened(a, article), opened(b, article)
    form_a["headline"] = "A's headline"
    a.post(change_url(article), form_a)
    form_b["headline"] = "B's headline"
    conflict = form_fields(b.post(change_url(article), form_b), "article_form")
    assert "overwrite" not in conflict  # never ticked for them
    conflict["overwrite"] = "on"
    assert b.post(change_url(article), conflict).status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "B's headline"


def test_a_form_without_its_version_is_refused(reporter, reporter_client):
    article = make_article(reporter)
    data = opened(reporter_client, article)
    del data["loaded_version"]
    data["headline"] = "Sneaky"
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).headline != "Sneaky"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_saves_of_the_same_version_one_wins(reporter, editor, second_editor):
    """E4: two threads POST version N at the same instant: exactly one save, one refusal.

    Runs on the file test database (see conftest), where the writers queue for SQLite's
    write lock; on PostgreSQL the form's SELECT … FOR UPDATE makes the second one wait.
    """
    article = make_article(reporter, status="review")
    clients = [client_for(editor), client_for(second_editor)]
    forms = [opened(client, article) for client in clients]
    forms[0]["headline"], forms[1]["headline"] = "From thread one", "From thread two"
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def save(client, data):
        try:
            barrier.wait(timeout=10)
            statuses.append(client.post(change_url(article), data).status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=pair) for pair in zip(clients, forms, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [200, 302]
    article.refresh_from_db()
    assert article.headline in ("From thread one", "From thread two")
    version = int(forms[0]["loaded_version"])
    assert article.version == version + 1
    assert StoryRevision.objects.filter(article=article, version__gt=version).count() == 1
