"""Run the project in a fresh Python process with a chosen environment.

Settings are read once per process, so checking how the environment configures the site (or
writing to a file database from many threads) happens in a child process.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# What an operator sets in production (SECURITY.md G1).
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "news.example",
}

# The variables the settings read; a child starts without any of them unless given.
_CONFIGURATION = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "PLAIN_HTTP",
    "CACHE_URL",
    "REDIS_URL",
    "EMAIL_HOST",
    "WEB_CONCURRENCY",
    "PYTEST_VERSION",
}


def child_env(**variables: str) -> dict[str, str]:
    """This process's environment without the project's settings (nor pytest's marker), plus
    `variables`. DATABASE_URL is kept so the child uses the same kind of database."""
    env = {k: v for k, v in os.environ.items() if k not in _CONFIGURATION}
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    env.update(variables)
    return env


def run(args: list[str], **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=child_env(**variables),
        capture_output=True,
        text=True,
        timeout=300,
    )


def manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    return run(["manage.py", *args], **variables)


def python(code: str, **variables: str) -> subprocess.CompletedProcess:
    """Run `code` after django.setup()."""
    return run(["-c", f"import django\ndjango.setup()\n{code}"], **variables)
