"""Reading pages through the page cache: is this answer the stored one, or rendered afresh?"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def fetch(client: Any, url: str, **extra: Any) -> tuple[Any, int]:
    """A response and the number of SQL queries it took (0: it came from the page cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def cached(client: Any, url: str) -> Any:
    """The page as readers get it once it is in the page cache (asked twice to be sure)."""
    client.get(url)
    response, queries = fetch(client, url)
    assert queries == 0, f"{url} was not served from the page cache"
    return response


def text(response: Any) -> str:
    return response.content.decode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


REDIS_SERVER = shutil.which("redis-server")


class RedisServer:
    """A throwaway redis-server on 127.0.0.1 that a test can stop."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def redis_cache(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "edge.failopen.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
