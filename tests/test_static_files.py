"""Static files in production: hashed names, compressed copies, far-future cache headers."""

import pytest
from django.core.management import call_command
from django.test import Client

from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path):
    """The production storage and WhiteNoise set-up, over a freshly collected STATIC_ROOT."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()


def test_pages_link_hashed_stylesheets_served_for_a_year_and_compressed(collected):
    stylesheet = parse(collected.get("/")).select_one("link[rel=stylesheet]")["href"]
    name = stylesheet.rsplit("/", 1)[-1]
    assert name.startswith("site.") and name != "site.css", "the name carries a content hash"

    response = collected.get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"max-age=315360000", "public", "immutable"} <= cache_control
    assert response["Content-Type"].startswith("text/css")


def test_static_paths_outside_the_collected_files_are_404(collected):
    for path in ("/static/../newsroom/settings.py", "/static/%2e%2e/manage.py", "/static/nope.css"):
        assert collected.get(path).status_code == 404, path
