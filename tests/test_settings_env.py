"""The environment configures the site (README, Configuration), and production fails loudly."""

from __future__ import annotations

import json

from tests import processes

SHOW = """
import json
from django.conf import settings
from django.core.cache import caches
print(json.dumps({
    "cache": type(caches["default"]).__name__,
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "email": settings.EMAIL_BACKEND.rsplit(".", 2)[-2],
    "email_host": settings.EMAIL_HOST,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "csrf_origins": settings.CSRF_TRUSTED_ORIGINS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "secure_cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "hsts": settings.SECURE_HSTS_SECONDS,
    "log_level": settings.LOGGING["root"]["level"],
    "staticfiles": settings.STORAGES["staticfiles"]["BACKEND"].rsplit(".", 1)[-1],
    "csp_img": [d for d in settings.CONTENT_SECURITY_POLICY.split("; ") if d.startswith("img-src")],
}))
"""


def configured(**variables: str) -> dict:
    result = processes.python(SHOW, **{**processes.PRODUCTION_ENV, **variables})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_without_a_secret_key_refuses_to_start():
    result = processes.manage("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_defaults_are_hardened():
    site = configured()
    assert site["allowed_hosts"] == ["news.example"]
    assert site["ssl_redirect"] is True
    assert site["secure_cookies"] == [True, True]
    assert site["hsts"] == 31536000
    assert site["cache"] == "LocMemCache"
    assert site["email"] == "console"
    assert site["log_level"] == "INFO"
    assert site["staticfiles"] == "CompressedManifestStaticFilesStorage"


def test_plain_http_is_only_for_a_local_demo():
    site = configured(PLAIN_HTTP="1")
    assert site["ssl_redirect"] is False
    assert site["secure_cookies"] == [False, False]
    assert site["hsts"] == 0


def test_redis_url_or_cache_url_selects_the_redis_cache_that_fails_open():
    for variable in ("REDIS_URL", "CACHE_URL"):
        site = configured(**{variable: "redis://127.0.0.1:6379/2"})
        assert site["cache"] == "FailOpenRedisCache"
        assert site["cache_location"] == "redis://127.0.0.1:6379/2"


def test_an_unknown_cache_url_is_refused():
    result = processes.manage("check", **processes.PRODUCTION_ENV, CACHE_URL="memcached://x")
    assert result.returncode != 0
    assert "CACHE_URL must be a redis://" in result.stderr


def test_email_host_selects_smtp_and_lists_are_comma_separated():
    site = configured(
        EMAIL_HOST="smtp.news.example",
        ALLOWED_HOSTS="news.example, www.news.example",
        CSRF_TRUSTED_ORIGINS="https://news.example,https://www.news.example",
        LOG_LEVEL="warning",
    )
    assert site["email"] == "smtp"
    assert site["email_host"] == "smtp.news.example"
    assert site["allowed_hosts"] == ["news.example", "www.news.example"]
    assert site["csrf_origins"] == ["https://news.example", "https://www.news.example"]
    assert site["log_level"] == "WARNING"


def test_media_on_another_origin_is_allowed_by_the_content_security_policy():
    site = configured(MEDIA_URL="https://media.news.example/uploads/")
    assert site["csp_img"] == ["img-src 'self' https://media.news.example"]
