"""Abstract illustrations drawn with Pillow, for demo content (nothing is downloaded).

The same seed and palette always give the same picture: a gradient sky, a few soft discs
and rolling bands, like a newsroom graphics desk's placeholder art.
"""

from __future__ import annotations

import io
import math
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageOps
from PIL.Image import Image as Picture

Colour = tuple[int, int, int]


def abstract(seed: int, palette: list[Colour], size: tuple[int, int] = (2000, 1200)) -> Picture:
    """A composition in `palette` (at least three colours: top, bottom, then accents)."""
    rng = random.Random(seed)
    width, height = size
    gradient = PILImage.linear_gradient("L").resize(size)
    picture = ImageOps.colorize(gradient, palette[0], palette[1]).convert("RGBA")
    layer = PILImage.new("RGBA", size)
    draw = ImageDraw.Draw(layer)
    for _ in range(4):
        radius = rng.randint(height // 8, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height // 2)
        colour = rng.choice(palette[2:])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 110))
    for band in range(3):
        base = height * (0.55 + 0.13 * band)
        amplitude, phase = rng.randint(20, 70), rng.uniform(0, math.tau)
        crest = [
            (x, base + amplitude * math.sin(phase + x / width * math.tau * (band + 1)))
            for x in range(0, width + 40, 40)
        ]
        colour = palette[2 + band % (len(palette) - 2)]
        draw.polygon([*crest, (width, height), (0, height)], fill=(*colour, 150))
    return PILImage.alpha_composite(picture, layer).convert("RGB")


def as_upload(picture: Picture, name: str) -> SimpleUploadedFile:
    """The picture as a JPEG file, as if a person had uploaded it."""
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
