"""Draw the site's icons in its colours: favicon.ico and the 180×180 apple-touch-icon.png.

The files are committed in static/icons/ (served at /favicon.ico and /apple-touch-icon.png
through WHITENOISE_ROOT, and hashed under /static/icons/ for the <link> tags); run this again
after a change of the site's accent or paper colour (static/css/site.css) and commit them.
The mark is a page of newsprint — a headline bar over three column lines — so it fits
whatever the newsroom is called.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from PIL import Image, ImageDraw

# static/css/site.css, light scheme: --accent and --paper.
ACCENT = "#8c1c13"
PAPER = "#fffdf8"
FAVICON_SIZES = [(16, 16), (32, 32), (48, 48)]
TOUCH_ICON_SIZE = 180
# Drawn this many times larger, then scaled down, for smooth edges at 16 px.
OVERSAMPLE = 8


def draw_mark(size: int, *, rounded: bool) -> Image.Image:
    """The mark at `size` pixels square: opaque when not rounded (iOS rounds it itself)."""
    big = size * OVERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0) if rounded else ACCENT)
    draw = ImageDraw.Draw(image)
    if rounded:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big // 5, fill=ACCENT)
    unit = big / 16
    left, right = round(3 * unit), round(13 * unit)
    draw.rectangle((left, round(3 * unit), right, round(6 * unit)), fill=PAPER)  # the headline
    for top in (8, 10, 12):
        width = right if top < 12 else round(9 * unit)  # the last line stops short
        draw.rectangle((left, round(top * unit), width, round((top + 1) * unit)), fill=PAPER)
    return image.resize((size, size), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = "Draw favicon.ico and apple-touch-icon.png in the site's colours into static/icons/."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            default=str(Path(settings.BASE_DIR) / "static" / "icons"),
            help="the folder to write them to (default: static/icons/)",
        )

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        # Each size drawn on its own (not scaled from the largest), so 16 px stays crisp.
        marks = [draw_mark(size, rounded=True) for size, _ in sorted(FAVICON_SIZES)]
        marks[-1].save(folder / "favicon.ico", sizes=FAVICON_SIZES, append_images=marks[:-1])
        touch = draw_mark(TOUCH_ICON_SIZE, rounded=False).convert("RGB")
        touch.save(folder / "apple-touch-icon.png", optimize=True)
        self.stdout.write(f"Wrote favicon.ico and apple-touch-icon.png to {folder}")
