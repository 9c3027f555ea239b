"""Root URLs: the admin and its sign-in pages, the health check, CSP reports, image files,
then each app's public pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from articles.media import image_file
from newsroom import csp
from newsroom.health import healthz

urlpatterns = [
    # Two-factor sign-in pages (accounts), before the admin's catch-all.
    path("admin/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("csp-report", csp.report, name="csp_report"),
    path("api/", include("api.urls")),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("", include("articles.standards_urls")),
]

# Image files under MEDIA_URL go through a view that decides who may see them (a draft's
# picture is a 404 for the public). When MEDIA_URL is another origin, that server serves them.
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.strip('/')}/images/<uuid:key>/<str:name>",
            image_file,
            name="image_file",
        )
    )
