"""Root URLs: the admin, the health check, then each app's public pages."""

from django.contrib import admin
from django.urls import include, path

from newsroom.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/", include("api.urls")),
    path("", include("articles.urls")),
    path("", include("sources.urls")),
    path("", include("comments.urls")),
]
