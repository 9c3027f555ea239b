"""The site's icons where browsers look for them without a <link>: /favicon.ico and
/apple-touch-icon.png, served by WhiteNoise from static/icons/ (WHITENOISE_ROOT).

Those addresses cannot be versioned like /static/ files (hashed, cached for a year), so they
are cached for a day: a new icon reaches readers by the next day, and a page's <link> tags
point at the hashed copies, which change at once. Drawn by `manage.py make_icons`.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "static" / "icons"
MAX_AGE = 24 * 60 * 60


def cache_headers(headers: dict[str, str], path: str, url: str) -> None:
    """WHITENOISE_ADD_HEADERS_FUNCTION: a day's caching for the icons at the site's root."""
    if url.count("/") == 1 and Path(path).parent == FOLDER:
        headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
