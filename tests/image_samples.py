"""Pictures for the image tests, made here with Pillow or byte by byte (nothing downloaded):
honest photos with camera metadata, and the hostile files of SECURITY.md C1–C7."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import ExifTags, ImageCms
from PIL import Image as PILImage

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def encode(picture: PILImage.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def gradient(size: tuple[int, int] = (2000, 1200), mode: str = "RGB") -> PILImage.Image:
    """A picture with detail in it (a flat colour would hide resizing mistakes)."""
    picture = PILImage.linear_gradient("L").resize(size).convert(mode)
    return picture


def noise(size: tuple[int, int]) -> PILImage.Image:
    """Random grain: it barely compresses, so its files are as large as pictures get."""
    return PILImage.effect_noise(size, 80).convert("RGB")


def photo_with_metadata(size: tuple[int, int] = (1200, 800)) -> bytes:
    """A camera JPEG: turned on its side (EXIF orientation 6), with GPS, maker, serial number,
    owner, an ICC profile and XMP."""
    picture = PILImage.new("RGB", size, (200, 30, 30))
    picture.paste((30, 30, 200), (0, 0, size[0] // 2, size[1] // 2))  # a blue top-left corner
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Acme Cameras"
    exif[ExifTags.Base.Model] = "Acme X100"
    exif[ExifTags.Base.Artist] = "Ada Quayle"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-0012345"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 9.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (5.0, 4.0, 12.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/>Ada Quayle</x:xmpmeta>'
    return encode(picture, "JPEG", exif=exif, icc_profile=icc, xmp=xmp)


def png_html_polyglot() -> bytes:
    """A valid PNG with an HTML page appended: browsers sniffing it could run the script."""
    html = b"<html><body><script>alert(document.cookie)</script></body></html>"
    return encode(PILImage.new("RGB", (64, 48), (10, 120, 60)), "PNG") + html


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width: int, height: int) -> bytes:
    """A black 1-bit PNG of width × height: kilobytes on disk, width × height pixels decoded."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = (b"\x00" + bytes((width + 7) // 8)) * height
    return (
        PNG_SIGNATURE
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows, 9))
        + _png_chunk(b"IEND", b"")
    )


def png_with_bad_crc() -> bytes:
    data = bytearray(encode(gradient((64, 48)), "PNG"))
    idat = data.index(b"IDAT")
    length = struct.unpack(">I", data[idat - 4 : idat])[0]
    data[idat + 4 + length] ^= 0xFF  # flip the first byte of IDAT's checksum
    return bytes(data)


def zero_width_png() -> bytes:
    header = struct.pack(">IIBBBBB", 0, 10, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + _png_chunk(b"IHDR", header) + _png_chunk(b"IEND", b"")


def many_frames_gif(frames: int, width: int = 1, height: int = 1) -> bytes:
    """An animated GIF on a width × height screen with `frames` one-pixel frames."""
    screen = b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\x00\x00"
    palette = b"\xff\xff\xff\x00\x00\x00"
    frame = (
        b"\x21\xf9\x04\x00\x0a\x00\x00\x00"  # graphic control: 0.1 s
        + b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00"  # a 1×1 image at 0,0
        + b"\x02\x02\x44\x01\x00"  # its LZW data: one pixel of colour 0
    )
    return screen + palette + frame * frames + b"\x3b"


def truncated_jpeg() -> bytes:
    whole = encode(gradient((800, 600)), "JPEG", quality=90)
    return whole[: len(whole) // 2]


def pdf_document() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)">'
    b'<rect width="10" height="10"/></svg>'
)
PHP_SHELL = b"<?php system($_GET['c']); ?>"


def other_formats() -> dict[str, bytes]:
    """Formats outside the allow-list (SECURITY.md C3), each as its own kind of file."""
    small = gradient((32, 32))
    return {
        "tiff": encode(small, "TIFF"),
        "bmp": encode(small, "BMP"),
        "ico": encode(small, "ICO"),
        "eps": encode(small, "EPS"),
        "pdf": pdf_document(),
        # Pillow cannot write these two; their headers are what Pillow's readers look for.
        "psd": b"8BPS\x00\x01" + bytes(6) + struct.pack(">HIIHH", 3, 32, 32, 8, 3) + bytes(64),
        "fits": b"SIMPLE  =                    T".ljust(2880, b" "),
    }
