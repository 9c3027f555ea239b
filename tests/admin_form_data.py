"""The story form's data as a browser posts it, for tests that post the admin's story form."""

from __future__ import annotations

from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.html import form_fields


def admin_form_data(client: Client, article: Article | None = None) -> QueryDict:
    """What the story's change form (the add form without a story) posts as it opens: each
    field's current value, without the blank templates Django keeps for new rows
    (`__prefix__`). Mutable: change it, then post `dict(data.lists())` (the test client
    posts only the last value of each key of a QueryDict)."""
    if article is None:
        url = reverse("admin:articles_article_add")
    else:
        url = reverse("admin:articles_article_change", args=[article.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = QueryDict(mutable=True)
    for name, value in form_fields(response, "article_form").items():
        if "__prefix__" not in name:
            data.setlist(name, value if isinstance(value, list) else [value])
    return data
