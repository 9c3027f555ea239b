"""Image files are served as what they are (their image type, `nosniff`), and a picture only
a draft uses stays a 404 for the public until the story is published (SECURITY.md A3, C2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles import workflow
from articles.models import PreviewLink
from tests import image_samples
from tests.factories import make_article, make_image, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db


def fetch(client, url: str):
    """GET a file and read its streamed body (the test client closes it once read)."""
    response = client.get(url)
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)
    return response


def urls_of(image) -> list[str]:
    return [rendition.url for rendition in image.all_renditions()] + [image.file.url]


@pytest.fixture
def image():
    return make_image()


def test_files_of_a_published_story_s_picture_are_public_with_their_type_and_nosniff(
    client, reporter, editor, image, media_root
):
    make_article(reporter, status="published", editor=editor, lead_image=image)
    for rendition in image.all_renditions():
        response = fetch(client, rendition.url)
        assert response.status_code == 200, rendition.url
        assert response["Content-Type"] == rendition.content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "public, max-age=3600"
        assert response.content_bytes == (media_root / rendition.file).read_bytes()


def test_a_png_is_served_as_image_png_never_as_html(client, reporter, editor):
    image = make_image(upload=SimpleUploadedFile("x.png", image_samples.png_html_polyglot()))
    make_article(reporter, status="published", editor=editor, lead_image=image)
    response = fetch(client, image.file.url)
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"<script" not in response.content_bytes


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished", "unused"])
def test_a_picture_no_live_story_uses_is_a_404_for_the_public(
    client, reporter, editor, image, state
):
    if state == "scheduled":
        at = timezone.now() + timedelta(hours=1)
        make_article(reporter, status="published", editor=editor, at=at, lead_image=image)
    elif state == "unpublished":
        article = make_article(reporter, status="published", editor=editor, lead_image=image)
        workflow.unpublish(article, editor, "Pulled for legal review.")
    elif state != "unused":
        make_article(reporter, status=state, lead_image=image)
    unknown = image.social.url.replace(str(image.key), "00000000-0000-4000-8000-000000000000")
    expected = fetch(client, unknown)
    assert expected.status_code == 404
    for url in urls_of(image):
        response = fetch(client, url)
        assert response.status_code == 404, url
        assert response.content == expected.content


def test_newsroom_staff_see_draft_pictures_privately(reporter, reporter_client, image):
    make_article(reporter, lead_image=image)
    response = fetch(reporter_client, image.social.url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= {p.strip() for p in response["Cache-Control"].split(",")}
    assert "Cookie" in response["Vary"]


def test_a_logged_in_reader_without_staff_rights_gets_the_404(client, reporter, image):
    make_article(reporter, lead_image=image)
    client.force_login(make_user("reader"))
    assert fetch(client, image.social.url).status_code == 404


def test_a_preview_link_shows_the_draft_s_picture(client, reporter, editor, image):
    article = make_article(reporter, lead_image=image)
    link = PreviewLink.objects.create(
        article=article, created_by=editor, expires_at=timezone.now() + timedelta(days=1)
    )
    page = parse(client.get(link.get_absolute_url()))
    src = page.select_one("figure.lead-image img")["src"]
    response = fetch(client, src)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    link.revoked_at = timezone.now()
    link.save()
    assert fetch(client, src).status_code == 404


def test_only_the_image_s_own_files_are_served(client, reporter, editor, image):
    make_article(reporter, status="published", editor=editor, lead_image=image)
    folder = image.social.url.rsplit("/", 1)[0]
    for name in ("w9999.jpg", "original.webp", "..%2f..%2fsettings.py", "social.jpg.html"):
        assert fetch(client, f"{folder}/{name}").status_code == 404, name


def test_behind_nginx_the_file_is_handed_over_with_x_accel_redirect(
    client, settings, reporter, editor, image
):
    settings.IMAGES_X_ACCEL_REDIRECT = "/protected-media/"
    make_article(reporter, status="published", editor=editor, lead_image=image)
    response = client.get(image.social.url)
    assert response["X-Accel-Redirect"] == f"/protected-media/images/{image.key}/social.jpg"
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == b""
