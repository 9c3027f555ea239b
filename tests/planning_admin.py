"""The story admin with the planning view wired in, as ArticleAdmin is to have it: the planning
tests run against this URLconf until ArticleAdmin has PlanningAdminMixin among its bases, and
against the project's own afterwards."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path

from articles.admin.planning import PlanningAdminMixin
from articles.admin.story import ArticleAdmin
from articles.models import Article
from newsroom import urls as project_urls
from newsroom.admin import NewsroomAdminSite

if issubclass(ArticleAdmin, PlanningAdminMixin):
    site = admin.site
    urlpatterns = project_urls.urlpatterns
else:

    class PlanningArticleAdmin(PlanningAdminMixin, ArticleAdmin):
        pass

    site = NewsroomAdminSite(name="admin")
    for model, model_admin in admin.site._registry.items():
        site.register(model, PlanningArticleAdmin if model is Article else type(model_admin))
    urlpatterns = [path("admin/", site.urls), *project_urls.urlpatterns[1:]]
