"""Forged Host headers get nowhere (SECURITY.md D5)."""

import pytest
from django.urls import NoReverseMatch, reverse

from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db


def test_an_unknown_host_is_a_bad_request(client, reporter):
    story = make_article(reporter, status="published")
    for url in ("/", story.get_absolute_url(), reverse("admin:login"), "/healthz"):
        assert client.get(url, HTTP_HOST="evil.example").status_code == 400, url


def test_x_forwarded_host_is_ignored(client):
    # Were the header honoured, evil.example would be the host and Django would answer 400.
    response = client.get("/", HTTP_X_FORWARDED_HOST="evil.example")
    assert response.status_code == 200
    assert response.wsgi_request.get_host() == "testserver"


def test_the_admin_offers_no_password_reset_that_could_mail_a_forged_link(client):
    with pytest.raises(NoReverseMatch):
        reverse("admin_password_reset")
    assert client.get("/admin/password_reset/").status_code in (302, 404)
    login = parse(client.get(reverse("admin:login")))
    assert not login.select(".password-reset-link")
