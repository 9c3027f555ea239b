"""The story admin with autosave wired in, as ArticleAdmin is to have it: the autosave tests
run against this URLconf until ArticleAdmin has AutosaveAdminMixin among its bases, and
against the project's own afterwards."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import path

from articles import autosaves
from articles.admin.autosave import AutosaveAdminMixin
from articles.admin.story import ArticleAdmin
from articles.models import Article
from newsroom import urls as project_urls
from newsroom.admin import NewsroomAdminSite

if issubclass(ArticleAdmin, AutosaveAdminMixin):
    site = admin.site
    urlpatterns = project_urls.urlpatterns
else:

    class AutosavingArticleAdmin(AutosaveAdminMixin, ArticleAdmin):
        def save_related(
            self, request: HttpRequest, form: Any, formsets: Any, change: bool
        ) -> None:
            super().save_related(request, form, formsets, change)
            autosaves.saved(request.user, form.instance, created=not change)

    site = NewsroomAdminSite(name="admin")
    for model, model_admin in admin.site._registry.items():
        site.register(model, AutosavingArticleAdmin if model is Article else type(model_admin))
    urlpatterns = [path("admin/", site.urls), *project_urls.urlpatterns[1:]]


def article_admin() -> Any:
    return site.get_model_admin(Article)
