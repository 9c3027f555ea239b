"""Safe uploads through the image library's form (SECURITY.md C1–C4, C6, C7): every refused
file gets a clear message by the field, keeps what else was typed, and stores nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image
from tests import image_samples, processes
from tests.html import parse

pytestmark = pytest.mark.django_db

TYPED = {
    "alt_text": "Ferry at the pier in fog",
    "caption": "The 07:10 sailing waits for the fog to lift.",
    "credit": "Photo: Iona Marr",
}


def add_url() -> str:
    return reverse("admin:images_image_add")


def post_file(client, name: str, content: bytes, **fields):
    data = {**TYPED, **fields, "upload": SimpleUploadedFile(name, content)}
    return client.post(add_url(), data)


def refusal(response) -> str:
    """The upload field's error message, after checking the form kept what was typed."""
    assert response.status_code == 200
    page = parse(response)
    assert page.select_one("input[name=alt_text]")["value"] == TYPED["alt_text"]
    assert page.select_one("textarea[name=caption]").text.strip() == TYPED["caption"]
    assert page.select_one("input[name=credit]")["value"] == TYPED["credit"]
    errors = page.select(".field-upload .errorlist li")
    assert errors, page.select(".errorlist")
    assert not Image.objects.exists()
    return " ".join(error.text for error in errors)


def stored_files(media_root) -> list[str]:
    return sorted(
        str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
    )


# -- what is accepted -------------------------------------------------------------------------


def test_reporter_uploads_an_image_and_it_is_stored_under_a_generated_name(
    reporter, reporter_client, media_root
):
    content = image_samples.encode(image_samples.gradient((1200, 800)), "JPEG")
    response = post_file(reporter_client, "Harbour Ferry (final).JPG", content)
    assert response.status_code == 302, parse(response).select(".errorlist")
    image = Image.objects.get()
    assert (image.alt_text, image.caption, image.credit) == tuple(TYPED.values())
    assert image.uploaded_by == reporter
    assert image.original_name == "Harbour Ferry (final).JPG"
    assert (image.width, image.height, image.format) == (1200, 800, "JPEG")
    assert image.file.name == f"images/{image.key}/original.jpg"
    for name in stored_files(media_root):
        assert name.startswith(f"images/{image.key}/")
        assert "Harbour" not in name and "final" not in name


def test_png_with_html_appended_is_re_encoded_to_a_clean_png(reporter_client, media_root):
    response = post_file(reporter_client, "x.png", image_samples.png_html_polyglot())
    assert response.status_code == 302
    stored = (media_root / Image.objects.get().file.name).read_bytes()
    assert stored.startswith(image_samples.PNG_SIGNATURE)
    assert stored.endswith(b"IEND\xaeB`\x82")  # nothing after the PNG's last chunk
    assert b"<html" not in stored and b"<script" not in stored


def test_real_jpeg_named_php_jpg_is_stored_as_a_plain_jpg(reporter_client, media_root):
    content = image_samples.encode(image_samples.gradient((300, 200)), "JPEG")
    response = post_file(reporter_client, "shell.php.jpg", content)
    assert response.status_code == 302
    image = Image.objects.get()
    assert all(".php" not in name for name in stored_files(media_root))
    assert image.file.name.endswith("/original.jpg")


# -- what is refused --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content",
    [
        ("x.svg", image_samples.SVG_WITH_SCRIPT),
        ("x.html", image_samples.png_html_polyglot()),
        ("x.php", image_samples.PHP_SHELL),
        ("picture", image_samples.encode(image_samples.gradient((20, 20)), "PNG")),
        *[(f"x.{kind}", content) for kind, content in image_samples.other_formats().items()],
    ],
)
def test_file_names_outside_the_allow_list_are_refused(reporter_client, name, content):
    message = refusal(post_file(reporter_client, name, content))
    assert "Only JPEG, PNG, WebP and GIF images can be uploaded" in message


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"Just some words, not a picture.", id="text"),
        pytest.param(image_samples.PHP_SHELL, id="php"),
        pytest.param(image_samples.SVG_WITH_SCRIPT, id="svg"),
        pytest.param(image_samples.pdf_document(), id="pdf"),
        *[pytest.param(c, id=k) for k, c in image_samples.other_formats().items()],
    ],
)
def test_other_files_renamed_to_jpg_are_refused_by_their_content(reporter_client, content):
    message = refusal(post_file(reporter_client, "holiday.jpg", content))
    assert "not a JPEG, PNG, WebP or GIF image" in message


@pytest.mark.parametrize(
    "size",
    [pytest.param((10_000, 10_000), id="100MP-png"), pytest.param((14_000, 14_000), id="196MP")],
)
def test_decompression_bombs_are_refused_before_decoding(reporter_client, size):
    content = image_samples.bomb_png(*size)
    assert len(content) < 30_000
    message = refusal(post_file(reporter_client, "bomb.png", content))
    assert "Image too large (max 40 MP)" in message


def test_gif_with_ten_thousand_frames_is_refused(reporter_client):
    content = image_samples.many_frames_gif(10_000, width=100, height=100)
    message = refusal(post_file(reporter_client, "spinner.gif", content))
    assert "Image too large (max 40 MP)" in message


def test_gif_with_too_many_tiny_frames_is_refused(reporter_client):
    message = refusal(post_file(reporter_client, "dots.gif", image_samples.many_frames_gif(500)))
    assert "Image too large (max 100 frames)" in message


def test_short_animation_is_accepted_as_its_first_frame(reporter_client):
    response = post_file(reporter_client, "dots.gif", image_samples.many_frames_gif(3))
    assert response.status_code == 302
    assert Image.objects.get().format == "GIF"


def test_pixel_limit_is_a_setting(reporter_client, settings):
    settings.IMAGES_MAX_PIXELS = 1_000_000
    content = image_samples.encode(image_samples.gradient((1500, 1000)), "JPEG")
    message = refusal(post_file(reporter_client, "big.jpg", content))
    assert "Image too large (max 1 MP)" in message


def test_file_over_the_size_limit_is_refused_with_its_size(reporter_client, settings):
    settings.IMAGES_MAX_FILE_SIZE = 20_000
    content = image_samples.encode(image_samples.noise((300, 200)), "PNG")
    assert len(content) > 20_000
    message = refusal(post_file(reporter_client, "big.png", content))
    assert "The file is too large (max" in message


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("cut.jpg", image_samples.truncated_jpeg(), "damaged or incomplete"),
        ("crc.png", image_samples.png_with_bad_crc(), "damaged or incomplete"),
        ("empty.jpg", b"", "file is empty"),
        ("flat.png", image_samples.zero_width_png(), "not a JPEG, PNG, WebP or GIF image"),
    ],
)
def test_broken_files_are_refused_at_upload(reporter_client, name, content, expected):
    assert expected in refusal(post_file(reporter_client, name, content))


def test_missing_alt_text_is_a_form_error_and_keeps_the_rest(reporter_client):
    content = image_samples.encode(image_samples.gradient((300, 200)), "JPEG")
    response = post_file(reporter_client, "ok.jpg", content, alt_text="   ")
    assert response.status_code == 200
    page = parse(response)
    assert page.select(".field-alt_text .errorlist")
    assert page.select_one("input[name=credit]")["value"] == TYPED["credit"]
    assert not Image.objects.exists()


# -- requests too big to read (C4) ------------------------------------------------------------


def test_fifty_megabyte_upload_is_a_400_before_it_is_read(reporter_client):
    content = b"\xff\xd8\xff\xe0" + bytes(50 * 1024 * 1024)
    response = post_file(reporter_client, "huge.jpg", content)
    assert response.status_code == 400
    assert not Image.objects.exists()


def test_ten_thousand_files_in_one_request_is_a_400(reporter_client):
    files = [SimpleUploadedFile(f"{n}.jpg", b"x") for n in range(10_000)]
    response = reporter_client.post(add_url(), {**TYPED, "upload": files})
    assert response.status_code == 400
    assert not Image.objects.exists()


# -- names (C7) -------------------------------------------------------------------------------


def multipart(filename: str, content: bytes) -> tuple[bytes, str]:
    """A form post built by hand, so the file name reaches the server exactly as written."""
    boundary = "----newsroom-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in TYPED.items()
    ]
    disposition = f'form-data; name="upload"; filename="{filename}"'.encode()
    parts.append(
        f"--{boundary}\r\n".encode()
        + b"Content-Disposition: "
        + disposition
        + b"\r\nContent-Type: image/jpeg\r\n\r\n"
        + content
        + b"\r\n"
    )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize(
    "filename",
    [
        "..\\..\\x.jpg",
        "../../../etc/x.jpg",
        "x\x00.jpg",
        "x\x1b[31m.jpg",
        "a" * 300 + ".jpg",
        "café.jpg",
        "CON.jpg",
        "<b>bold</b>.jpg",
    ],
)
def test_hostile_file_names_never_choose_where_a_file_is_stored(
    filename, reporter_client, editor_client, media_root
):
    content = image_samples.encode(image_samples.gradient((120, 80)), "JPEG")
    body, content_type = multipart(filename, content)
    response = reporter_client.post(add_url(), body, content_type=content_type)
    assert response.status_code == 302, parse(response).select(".errorlist")
    image = Image.objects.get()
    assert image.file.name == f"images/{image.key}/original.jpg"
    assert all(name.startswith(f"images/{image.key}/") for name in stored_files(media_root))
    assert len(image.original_name) <= 255
    assert not any(c in image.original_name for c in "/\\\x00\x1b")
    page = parse(editor_client.get(reverse("admin:images_image_change", args=[image.pk])))
    assert page.select_one(".field-original_name b") is None  # shown as text, escaped


def test_traversal_name_with_a_python_extension_is_refused(reporter_client, media_root):
    body, content_type = multipart("../../newsroom/settings.py", b"SECRET_KEY = 'x'")
    response = reporter_client.post(add_url(), body, content_type=content_type)
    assert response.status_code == 200
    assert not Image.objects.exists() and not stored_files(media_root)


# -- memory (C1) ------------------------------------------------------------------------------


def test_refusing_bombs_does_not_grow_the_worker_by_200_mb():
    result = processes.run(["-m", "tests.upload_memory"], DEBUG="1")
    assert result.returncode == 0, result.stderr
    grown_mb = int(result.stdout.split()[-1])
    assert grown_mb < 200, result.stdout
