"""/healthz: 200 when the database (and a shared cache) answer, 503 when not."""

from __future__ import annotations

import json
import socket

import pytest

from newsroom.health import shared_cache_configured
from tests import processes

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthy_site_answers_200_json_uncached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    if shared_cache_configured():
        assert body["checks"]["cache"] == "ok"
    assert "no-store" in response["Cache-Control"]


def test_head_works_and_post_does_not(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_dead_shared_cache_is_reported_degraded_while_the_site_serves(client, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "edge.failopen.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failing"},
    }
    assert any("cache does not answer" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-folder/for-healthz/db.sqlite3",
        "postgres://newsroom:newsroom@127.0.0.1:{port}/newsroom",
    ],
)
def test_an_unreachable_database_makes_it_503(database_url):
    result = processes.python(
        "from django.test import Client\n"
        "response = Client(HTTP_HOST='localhost').get('/healthz')\n"
        "print(response.status_code, response.content.decode())",
        DEBUG="1",
        DATABASE_URL=database_url.format(port=closed_port()),
    )
    status, _, body = result.stdout.strip().splitlines()[-1].partition(" ")
    assert status == "503", result.stdout + result.stderr
    assert json.loads(body)["checks"]["database"] == "failing"
