"""/trust.txt and /.well-known/trust.txt: served from the publisher record, checked when saved
in the admin (with what the editor typed kept), and fresh through the page cache."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.html import parse
from tests.page_cache_support import cached, fetch
from tests.trust_support import write_publisher
from trust.models import Publisher

pytestmark = pytest.mark.django_db

ADDRESSES = ["/trust.txt", "/.well-known/trust.txt"]
GOOD = "# who we are with\nmember=https://press-association.example/\ndatatrainingallowed=no\n"


@pytest.mark.parametrize("url", ADDRESSES)
def test_trust_txt_is_plain_text_from_the_publisher_record(client, editor, url):
    write_publisher(editor, trust_txt=GOOD)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("# ")
    assert lines[1:] == ["member=https://press-association.example/", "datatrainingallowed=no"]


@pytest.mark.parametrize("url", ADDRESSES)
def test_without_a_trust_txt_both_addresses_are_404(client, url):
    assert client.get(url).status_code == 404


def test_a_file_stored_past_the_check_is_not_served(client):
    Publisher(trust_txt="owner=https://a.example/\n").save()
    assert client.get("/trust.txt").status_code == 404


def admin_post(client, trust_txt: str):
    return client.post(
        reverse("admin:trust_publisher_add"),
        {"name": "", "founding_date": "", "same_as": "", "trust_txt": trust_txt},
    )


def test_the_admin_refuses_a_bad_file_naming_the_line_and_keeps_the_text(editor_client):
    typed = (
        "member=https://a.example/\ncontrol=https://b.example/\ncontrolledby=https://b.example\n"
    )
    response = admin_post(editor_client, typed)
    assert response.status_code == 200
    page = parse(response)
    errors = page.select_one(".field-trust_txt .errorlist").get_text()
    assert "Line 3:" in errors and "https://b.example" in errors
    assert page.find("textarea", attrs={"name": "trust_txt"}).text.lstrip("\n") == typed
    assert not Publisher.objects.exists()


def test_the_admin_refuses_a_site_controlling_itself(editor_client, settings):
    response = admin_post(editor_client, f"control={settings.NEWSROOM_SITE_URL}/\n")
    assert "cannot name itself" in parse(response).select_one(".errorlist").get_text()


def test_the_admin_saves_a_good_file(editor_client, client):
    assert admin_post(editor_client, GOOD).status_code == 302
    assert "member=https://press-association.example/" in client.get("/trust.txt").content.decode()


def test_the_publisher_list_in_the_admin_opens_the_one_record(editor_client, editor):
    add = editor_client.get(reverse("admin:trust_publisher_changelist"))
    assert add["Location"] == reverse("admin:trust_publisher_add")
    write_publisher(editor, trust_txt=GOOD)
    change = editor_client.get(reverse("admin:trust_publisher_changelist"))
    assert change["Location"] == reverse("admin:trust_publisher_change", args=[1])


@pytest.mark.usefixtures("page_cache")
def test_a_changed_trust_txt_is_served_at_once_through_the_page_cache(client, editor, committed):
    write_publisher(editor, trust_txt=GOOD)
    for url in ADDRESSES:
        cached(client, url)
    with committed():
        write_publisher(editor, trust_txt="member=https://another-group.example/\n")
    for url in ADDRESSES:
        response, _ = fetch(client, url)
        assert "another-group" in response.content.decode()
