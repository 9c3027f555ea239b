"""Renditions are made once, on upload: the right widths and formats, never upscaled, upright,
and with no metadata left in any stored file (SECURITY.md C5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from PIL import Image as PILImage

from images.models import Image
from tests import image_samples
from tests.factories import make_article, make_image, picture_file

pytestmark = pytest.mark.django_db


def opened(media_root: Path, name: str) -> PILImage.Image:
    return PILImage.open(media_root / name)


def every_file(image: Image) -> list[str]:
    return sorted(image.file_names())


def picture_file_from(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_a_large_picture_gets_three_widths_in_webp_and_jpeg_and_a_social_crop(media_root):
    image = make_image(upload=picture_file(size=(2000, 1200)))
    widths = {(r.name, r.format): (r.width, r.height) for r in image.all_renditions()}
    assert widths == {
        ("w480", "webp"): (480, 288),
        ("w480", "jpeg"): (480, 288),
        ("w960", "webp"): (960, 576),
        ("w960", "jpeg"): (960, 576),
        ("w1600", "webp"): (1600, 960),
        ("w1600", "jpeg"): (1600, 960),
        ("social", "jpeg"): (1200, 630),
    }
    for rendition in image.all_renditions():
        stored = opened(media_root, rendition.file)
        assert stored.size == (rendition.width, rendition.height)
        assert stored.format == {"webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
        assert rendition.content_type == f"image/{rendition.format}"


def test_renditions_are_never_wider_than_the_original(media_root):
    image = make_image(upload=picture_file(size=(700, 500)))
    assert sorted({r.width for r in image.widths("jpeg")}) == [480, 700]
    assert (image.social.width, image.social.height) == (700, 368)  # cropped, not enlarged
    tiny = make_image(upload=picture_file(size=(200, 100)))
    assert [r.width for r in tiny.widths("webp")] == [200]
    assert tiny.fallback.width == 200


def test_exif_orientation_is_applied_and_no_metadata_survives(media_root):
    image = make_image(upload=picture_file_from(image_samples.photo_with_metadata(), "camera.jpg"))
    # 1200×800 turned on its side (orientation 6) is 800 wide and 1200 tall
    assert (image.width, image.height) == (800, 1200)
    for name in every_file(image):
        stored = opened(media_root, name)
        assert dict(stored.getexif()) == {}, name
        for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp"):
            assert key not in stored.info, (name, key)
        raw = (media_root / name).read_bytes()
        assert b"Acme" not in raw and b"SN-0012345" not in raw and b"Ada Quayle" not in raw
    # upright: the blue corner that was top-left is now top-right
    upright = opened(media_root, image.file.name).convert("RGB")
    red, _green, blue = upright.getpixel((upright.width - 10, 10))
    assert blue > 150 and red < 100


def test_the_original_is_stored_in_its_own_format_re_encoded(media_root):
    image = make_image(upload=picture_file("map.png", size=(500, 300), image_format="PNG"))
    assert image.format == "PNG" and image.file.name.endswith("/original.png")
    assert opened(media_root, image.file.name).format == "PNG"


def test_transparent_png_gets_a_white_background_in_jpeg(media_root):
    transparent = PILImage.new("RGBA", (600, 400), (0, 0, 0, 0))
    content = image_samples.encode(transparent, "PNG")
    image = make_image(upload=picture_file_from(content, "logo.png"))
    jpeg = opened(media_root, image.widths("jpeg")[0].file).convert("RGB")
    assert jpeg.getpixel((5, 5)) == (255, 255, 255)
    webp = opened(media_root, image.widths("webp")[0].file)
    assert webp.mode == "RGBA"


def test_srcsets_list_every_width_and_the_fallback_is_960(media_root):
    image = make_image(upload=picture_file(size=(2000, 1000)))
    assert image.webp_srcset.count("w,") == 2 and image.webp_srcset.endswith("1600w")
    assert ".webp 480w" in image.webp_srcset and ".jpg 960w" in image.jpeg_srcset
    assert (image.fallback.width, image.fallback.height) == (960, 480)


def test_deleting_an_image_removes_its_files_once_committed(
    media_root, django_capture_on_commit_callbacks
):
    image = make_image()
    paths = [media_root / name for name in every_file(image)]
    assert len(paths) == 6 and all(path.exists() for path in paths)
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert not any(path.exists() for path in paths)


def test_an_image_a_story_leads_with_cannot_be_deleted(reporter):
    image = make_image()
    make_article(reporter, lead_image=image)
    with pytest.raises(ProtectedError):
        image.delete()
    assert Image.objects.filter(pk=image.pk).exists()


def test_alt_text_cannot_be_empty_in_the_database():
    image = make_image()
    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.filter(pk=image.pk).update(alt_text="")
