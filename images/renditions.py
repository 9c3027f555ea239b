"""Make an image's files once, when it is stored: never on a page request.

The original is re-encoded (so nothing but pixels survives from the upload: no trailing HTML,
no EXIF, GPS, XMP or ICC data), after its EXIF orientation is applied and its colours are
converted to sRGB. From it come resized copies at WIDTHS (never wider than the original) in
WebP and JPEG, and a crop for social cards. Every file lives under images/<key>/ with a name
we choose; the image's row lists them (Image.renditions).
"""

from __future__ import annotations

import io
import logging
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps
from PIL.Image import Image as Picture

logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1600)
FALLBACK_WIDTH = 960
SOCIAL_SIZE = (1200, 630)

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif"}
# (Pillow format, extension, encoder options) for the resized copies.
RENDITION_FORMATS = {
    "webp": ("WEBP", "webp", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", "jpg", {"quality": 82, "optimize": True, "progressive": True}),
}
ORIGINAL_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {},
    "WEBP": {"quality": 90},
    "GIF": {},
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def write(image: Any, picture: Picture) -> None:
    """Store the re-encoded original and the renditions of `picture` for `image`, and set the
    image's format, size, file and renditions (the row itself is saved by the caller)."""
    # Pillow reads a multi-picture JPEG (camera "MPO") as its own format; it is a JPEG.
    source_format = {"MPO": "JPEG"}.get(picture.format or "", picture.format)
    if source_format not in EXTENSIONS:
        source_format = "PNG"
    clean = normalise(picture)
    folder = f"images/{image.key}"
    image.format = source_format
    image.width, image.height = clean.size
    image.file = _save(
        f"{folder}/original.{EXTENSIONS[source_format]}",
        _encode(clean, source_format, ORIGINAL_OPTIONS[source_format]),
    )
    made = []
    for width in widths_for(clean.width):
        height = max(1, round(clean.height * width / clean.width))
        resized = clean if width == clean.width else _resize(clean, (width, height))
        made += _renditions_of(resized, folder, f"w{width}", RENDITION_FORMATS)
    made += _renditions_of(
        social_crop(clean), folder, "social", {"jpeg": RENDITION_FORMATS["jpeg"]}
    )
    image.renditions = made


def widths_for(original_width: int) -> list[int]:
    """The rendition widths for a picture: WIDTHS, but never wider than the original."""
    return sorted({min(width, original_width) for width in WIDTHS})


def normalise(picture: Picture) -> Picture:
    """Upright, sRGB, in L, RGB or RGBA, and a fresh image carrying no metadata at all."""
    upright = ImageOps.exif_transpose(picture)
    upright = _to_srgb(upright)
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        mode = "RGBA"
    elif upright.mode in ("1", "L"):
        mode = "L"
    else:
        mode = "RGB"
    converted = upright.convert(mode)
    clean = PILImage.new(mode, converted.size)
    clean.paste(converted)
    return clean


def social_crop(picture: Picture) -> Picture:
    """The centre of the picture at the social card's 1.91:1 ratio, at most 1200×630."""
    target_width, target_height = SOCIAL_SIZE
    ratio = target_width / target_height
    if picture.width / picture.height > ratio:
        crop_width, crop_height = round(picture.height * ratio), picture.height
    else:
        crop_width, crop_height = picture.width, round(picture.width / ratio)
    left = (picture.width - crop_width) // 2
    top = (picture.height - crop_height) // 2
    cropped = picture.crop((left, top, left + crop_width, top + crop_height))
    if crop_width > target_width:
        return _resize(cropped, SOCIAL_SIZE)
    return cropped


def delete_files(names: set[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("could not delete image file", extra={"file": name})


def delete_files_after_commit(sender: Any, instance: Any, **kwargs: Any) -> None:
    """post_delete: remove a deleted image's files once the deletion is committed."""
    names = instance.file_names()
    transaction.on_commit(lambda: delete_files(names))


def _to_srgb(picture: Picture) -> Picture:
    """Convert pixels from an embedded colour profile to sRGB, before the profile is dropped."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA", "CMYK"):
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if picture.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(picture, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # an unreadable profile: keep the pixels as they are


def _resize(picture: Picture, size: tuple[int, int]) -> Picture:
    return picture.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=3.0)


def _renditions_of(
    picture: Picture, folder: str, name: str, formats: dict[str, tuple[str, str, dict]]
) -> list[dict[str, Any]]:
    made = []
    for format_name, (pillow_format, extension, options) in formats.items():
        stored = _save(f"{folder}/{name}.{extension}", _encode(picture, pillow_format, options))
        made.append(
            {
                "name": name,
                "format": format_name,
                "width": picture.width,
                "height": picture.height,
                "file": stored,
            }
        )
    return made


def _encode(picture: Picture, pillow_format: str, options: dict[str, Any]) -> bytes:
    if pillow_format == "JPEG" and picture.mode == "RGBA":
        picture = _flatten(picture)
    elif pillow_format == "WEBP" and picture.mode == "L":
        picture = picture.convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, pillow_format, **options)
    return buffer.getvalue()


def _flatten(picture: Picture) -> Picture:
    """JPEG has no transparency: put the picture on white."""
    background = PILImage.new("RGB", picture.size, (255, 255, 255))
    background.paste(picture, mask=picture.getchannel("A"))
    return background


def _save(name: str, data: bytes) -> str:
    return default_storage.save(name, ContentFile(data))
