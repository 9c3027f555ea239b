"""The site's icons: /favicon.ico and a 180×180 apple-touch-icon, served by the site itself,
linked from every page's head, cached (issue 22, item 9)."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template.loader import render_to_string
from PIL import Image

from tests.html import parse

pytestmark = pytest.mark.django_db


def _image(response) -> Image.Image:
    return Image.open(io.BytesIO(b"".join(response.streaming_content)))


def test_favicon_ico_answers_at_the_root_with_three_sizes_cached_for_a_day(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response["Cache-Control"] == "public, max-age=86400"
    icon = _image(response)
    assert icon.format == "ICO"
    assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}


def test_the_apple_touch_icon_is_an_opaque_180_pixel_png(client):
    response = client.get("/apple-touch-icon.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    icon = _image(response)
    assert (icon.format, icon.size, icon.mode) == ("PNG", (180, 180), "RGB")


def _icon_links(page) -> dict[str, str]:
    return {
        rel: page.select_one(f'head link[rel="{rel}"]')["href"]
        for rel in ("icon", "apple-touch-icon")
    }


@pytest.mark.parametrize("address", ["/", "/articles/", "/no-such-page/"])
def test_pages_link_both_icons_in_their_head_and_the_links_answer(client, address):
    links = _icon_links(parse(client.get(address)))
    assert links == {
        "icon": "/static/icons/favicon.ico",
        "apple-touch-icon": "/static/icons/apple-touch-icon.png",
    }
    for href, media_type in zip(links.values(), ("image/x-icon", "image/png"), strict=True):
        response = client.get(href)
        assert (response.status_code, response["Content-Type"]) == (200, media_type)


def test_the_plain_error_pages_link_the_icons_too():
    page = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert set(_icon_links(page)) == {"icon", "apple-touch-icon"}


def test_make_icons_draws_both_files(tmp_path):
    call_command("make_icons", output=str(tmp_path), stdout=io.StringIO())
    touch = Image.open(tmp_path / "apple-touch-icon.png")
    assert touch.size == (180, 180)
    assert touch.getpixel((2, 2)) == (0x8C, 0x1C, 0x13)  # the site's accent, to the corner
    assert Image.open(tmp_path / "favicon.ico").info["sizes"] == {(16, 16), (32, 32), (48, 48)}
