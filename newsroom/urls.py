"""Root URLs: the admin, then each app's public pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("articles.urls")),
    path("", include("sources.urls")),
]
