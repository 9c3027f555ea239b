"""Safe uploads: what a file must be before Pillow decodes it, and how big it may be.

Checks run cheapest first, and nothing is decoded until the file has passed all of them:
the name's extension (an allow-list), the file's size, the real format as Pillow reads it
from the header (only JPEG, PNG, WebP and GIF decoders are offered), the pixel count and the
number of frames (read from the header, so a decompression bomb is refused before its pixels
exist), an integrity pass, and finally the decode itself. Each refusal is a ValidationError
whose message says what was wrong. The name the file had is kept only as escaped metadata:
stored names are generated (images.renditions).
"""

from __future__ import annotations

import os
import struct
import unicodedata
import warnings
import zlib
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadhandler import FileUploadHandler
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL.Image import Image as Picture

ALLOWED_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif")
FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]
# Room for the form's other fields around the file in one multipart request.
REQUEST_OVERHEAD = 1024 * 1024
# What Pillow's decoders raise on hostile or broken input; each one is a refusal, not a 500.
DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    struct.error,
    zlib.error,
    PILImage.DecompressionBombError,
    PILImage.DecompressionBombWarning,
)


def open_image(upload: IO[bytes]) -> Picture:
    """Check an uploaded file and return it decoded (its first frame), or refuse it."""
    check_extension(getattr(upload, "name", "") or "")
    check_size(upload)
    picture = _identify(upload)
    check_dimensions(picture)
    try:
        picture.verify()  # checksums and structure, without decoding the pixels
        upload.seek(0)
        picture = PILImage.open(upload, formats=FORMATS)
        picture.load()
    except DECODE_ERRORS as error:
        raise ValidationError(
            _(
                "The file is damaged or incomplete, so it cannot be used. Export or download "
                "it again and upload the new copy."
            ),
            code="damaged",
        ) from error
    return picture


def check_extension(name: str) -> None:
    extension = os.path.splitext(name)[1].lstrip(".").lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _(
                "Only JPEG, PNG, WebP and GIF images can be uploaded: the file name must end "
                "in .jpg, .jpeg, .png, .webp or .gif (this one ends in “%(extension)s”)."
            )
            % {"extension": f".{extension}" if extension else _("no extension")},
            code="extension",
        )


def check_size(upload: IO[bytes]) -> None:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, os.SEEK_END)
        size = upload.tell()
    upload.seek(0)
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = settings.IMAGES_MAX_FILE_SIZE
    if size > limit:
        raise ValidationError(
            _("The file is too large (max %(limit)s); this one is %(size)s.")
            % {"limit": _megabytes(limit), "size": _megabytes(size)},
            code="file_size",
        )


def check_dimensions(picture: Picture) -> None:
    """Refuse by the header's numbers: no pixels, too many pixels, too many frames."""
    width, height = picture.size
    if width <= 0 or height <= 0:
        raise ValidationError(_("The image has no pixels (zero width or height)."), code="empty")
    max_pixels, max_frames = settings.IMAGES_MAX_PIXELS, settings.IMAGES_MAX_FRAMES
    frames = getattr(picture, "n_frames", 1)  # read from the headers; no frame is decoded
    if width * height * frames > max_pixels:
        raise too_large(width * height * frames)
    if frames > max_frames:
        raise ValidationError(
            _("Image too large (max %(max)s frames): this animation has %(frames)s.")
            % {"max": max_frames, "frames": frames},
            code="frames",
        )


def too_large(pixels: int | None = None) -> ValidationError:
    message = _("Image too large (max %(max)s MP).") % {
        "max": _megapixels(settings.IMAGES_MAX_PIXELS)
    }
    if pixels:
        message += " " + _(
            "This one has %(pixels)s MP (an animation counts every frame). Make it smaller and "
            "upload it again."
        ) % {"pixels": _megapixels(pixels)}
    return ValidationError(message, code="pixels")


def clean_name(name: str) -> str:
    """The uploaded file's own name, kept as metadata only: no folders, no control
    characters, at most 255 characters. It is never used to store or serve anything."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    return name.strip()[:255]


def _identify(upload: IO[bytes]) -> Picture:
    """Open lazily (header only) with the allowed decoders; bombs raise here already."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            return PILImage.open(upload, formats=FORMATS)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise too_large() from error
    except DECODE_ERRORS as error:
        raise ValidationError(
            _(
                "This file is not a JPEG, PNG, WebP or GIF image we can read, whatever its "
                "name says."
            ),
            code="format",
        ) from error


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.3g} MB"


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.3g}"


def max_request_size() -> int:
    return settings.IMAGES_MAX_FILE_SIZE + REQUEST_OVERHEAD


class UploadSizeLimit(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: a multipart request far over the image size limit is
    refused (400) before any of it is read or written to a temporary file.

    DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, so without this a 50 MB upload would be
    streamed to disk before the form could say it is too large.
    """

    def handle_raw_input(
        self,
        input_data: Any,
        META: Any,
        content_length: int,
        boundary: Any,
        encoding: str | None = None,
    ) -> None:
        if content_length > max_request_size():
            raise RequestDataTooBig(
                f"Multipart request body of {content_length} bytes exceeds the upload limit."
            )

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None
