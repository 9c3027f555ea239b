"""Configuration gates (SECURITY.md G1–G6): the settings a production site runs with."""

from __future__ import annotations

import os
import re
import sqlite3
from importlib.metadata import version
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from packaging.version import Version

from newsroom.checks import FIXED_SQLITE, sqlite_deployment_messages
from tests import processes
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db


# -- G1 ---------------------------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_values():
    result = processes.manage(
        "check", "--deploy", "--fail-level", "WARNING", **processes.PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


# -- G2 ---------------------------------------------------------------------------------------


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives = [part.split() for part in policy.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


def page_urls(reporter) -> dict[str, str]:
    story = make_article(reporter, status="published")
    return {
        "story": story.get_absolute_url(),
        "home": reverse("articles:front"),
        "not found": "/articles/no-such-story/",
        "admin login": reverse("admin:login"),
    }


def test_every_page_kind_sends_the_security_headers(client, reporter):
    for kind, url in page_urls(reporter).items():
        response = client.get(url, secure=True)
        assert response.status_code in (200, 404), kind
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Referrer-Policy"] == "same-origin", kind
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert response["X-Frame-Options"] == "DENY", kind
        policy = csp_directives(response)
        assert policy["object-src"] == ["'none'"], kind
        assert policy["base-uri"] == ["'none'"], kind
        assert policy["frame-ancestors"] == ["'none'"], kind
        assert policy["default-src"] == ["'self'"], kind
        assert policy["script-src"] == ["'self'"], kind


def test_plain_http_is_redirected_unless_the_proxy_says_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # the production value (off only inside the test run)
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"
    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_cookies_are_secure_httponly_and_samesite_lax(client, editor):
    client.get(reverse("admin:login"), secure=True)
    client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": "correct-horse-battery-staple"},
        secure=True,
    )
    for name in ("csrftoken", "sessionid"):
        cookie = client.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


# <script> types a browser runs; others (application/json, application/ld+json) are data.
EXECUTABLE_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}


def scripting_in(response) -> list[str]:
    """Inline script, event-handler attributes and style attributes: what the CSP blocks."""
    found = []
    for script in parse(response).find_all("script"):
        script_type = script.get("type", "").strip().lower()
        if not script.get("src") and script_type in EXECUTABLE_SCRIPT_TYPES:
            found.append(str(script)[:80])
    for tag in parse(response).find_all(True):
        for attribute in tag.attrs:
            if attribute.startswith("on") or attribute == "style":
                found.append(f"<{tag.name} {attribute}=…>")
    return found


def test_pages_need_no_inline_script_or_style(client, editor_client, reporter):
    story = make_article(reporter, status="published")
    public = [reverse("articles:front"), story.get_absolute_url(), reverse("admin:login")]
    for url in public:
        assert scripting_in(client.get(url)) == [], url
    admin = [
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_add"),
        reverse("admin:articles_article_change", args=[story.pk]),
    ]
    for url in admin:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert scripting_in(response) == [], url


# -- G3 ---------------------------------------------------------------------------------------


def assert_private_no_store(response) -> None:
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives, response["Cache-Control"]


def test_admin_and_login_responses_are_never_stored(client, editor_client, reporter):
    story = make_article(reporter)
    assert_private_no_store(client.get(reverse("admin:login")))
    assert_private_no_store(editor_client.get(reverse("admin:index")))
    assert_private_no_store(
        editor_client.get(reverse("admin:articles_article_change", args=[story.pk]))
    )


def test_previews_are_never_stored(editor_client, reporter):
    draft = make_article(reporter)
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert_private_no_store(response)


def without_csrf_tokens(response) -> str:
    page = parse(response)
    for token in page.select("input[name=csrfmiddlewaretoken]"):
        token["value"] = ""
    return str(page)


def test_anonymous_pages_carry_nothing_of_a_staff_visit(editor_client, reporter):
    story = make_article(reporter, status="published")
    editor_client.get(reverse("admin:index"))
    editor_cookies = {name: morsel.value for name, morsel in editor_client.cookies.items()}
    for url in (reverse("articles:front"), story.get_absolute_url()):
        before = Client().get(url)
        editor_client.get(url)
        anonymous = Client()
        after = anonymous.get(url)
        assert without_csrf_tokens(after) == without_csrf_tokens(before), url
        assert not parse(after).select(".preview-banner"), url
        assert "sessionid" not in after.cookies, url
        for name, morsel in after.cookies.items():
            assert morsel.value != editor_cookies.get(name), f"{url} hands out {name} of staff"


# -- G4 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("package", "floor"), [("django", "5.2.19"), ("pillow", "13.0.0")])
def test_dependencies_are_at_least_the_patched_releases(package, floor):
    assert Version(version(package)) >= Version(floor)


# -- G5 (the runtime PRAGMAs are checked on a file database in test_sqlite_concurrency) --------

SQLITE_WAL = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;PRAGMA foreign_keys=ON;"},
    }
}


def test_several_worker_processes_on_an_old_sqlite_with_wal_warn():
    (warning,) = sqlite_deployment_messages(SQLITE_WAL, workers=4, version=(3, 40, 1))
    assert warning.id == "newsroom.W001"
    assert "PostgreSQL" in warning.hint


def test_one_worker_or_a_fixed_sqlite_does_not_warn():
    assert sqlite_deployment_messages(SQLITE_WAL, workers=1, version=(3, 40, 1)) == []
    assert sqlite_deployment_messages(SQLITE_WAL, workers=4, version=FIXED_SQLITE) == []


def test_mmap_size_is_an_error():
    database = {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {"init_command": ""}}
    database["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA mmap_size=268435456;"
    (error,) = sqlite_deployment_messages({"default": database}, workers=1, version=FIXED_SQLITE)
    assert error.id == "newsroom.E001"


@pytest.mark.skipif(
    sqlite3.sqlite_version_info >= FIXED_SQLITE, reason="this SQLite has the WAL fix"
)
def test_manage_check_warns_about_workers_on_this_sqlite(tmp_path):
    result = processes.manage(
        "check",
        DEBUG="1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        WEB_CONCURRENCY="3",
    )
    assert "newsroom.W001" in result.stderr + result.stdout


def test_the_sqlite_settings_never_set_mmap_size():
    settings_text = (processes.BASE_DIR / "newsroom" / "settings.py").read_text()
    assert "mmap_size=" not in settings_text.replace(" ", "")


# -- G6 ---------------------------------------------------------------------------------------

BANNED = {
    "|safe": re.compile(r"\|\s*safe(seq)?\b"),
    "autoescape off": re.compile(r"{%\s*autoescape\s+off"),
    "mark_safe": re.compile(r"\bmark_safe\b"),
    "extra(": re.compile(r"\.extra\("),
    "RawSQL(": re.compile(r"\bRawSQL\("),
    "csrf_exempt": re.compile(r"\bcsrf_exempt\b"),
    ".update(status=": re.compile(r"\.update\(\s*status\s*="),
    "**request.GET/POST": re.compile(r"\*\*\s*request\.(GET|POST)\b"),
    "order_by(request": re.compile(r"order_by\(\s*request\b"),
}
# Where a banned construct is allowed, and why.
ALLOWED = {
    ("mark_safe", "articles/markup.py"),  # marks only nh3-sanitised HTML as safe
    ("mark_safe", "trust/markup.py"),  # the same for policy text
    ("mark_safe", "articles/prerender.py"),  # a story render our templates escaped, read back
    ("csrf_exempt", "newsroom/csp.py"),  # browsers post CSP reports without a token; none stored
}
# Plain-text email bodies are sent as text/plain and never shown as HTML: escaping would only
# turn an apostrophe in a headline into "&#x27;".
ALLOWED_FOLDERS = {("autoescape off", "templates/articles/email/")}


def allowed(name: str, relative: str) -> bool:
    return (name, relative) in ALLOWED or any(
        name == rule and relative.startswith(folder) for rule, folder in ALLOWED_FOLDERS
    )


SCANNED = {".py", ".html", ".txt", ".xml"}
SKIPPED_DIRECTORIES = {".venv", ".git", "tests", "migrations", "staticfiles", "node_modules"}


def project_files() -> list[Path]:
    files = []
    for folder, directories, names in os.walk(processes.BASE_DIR):
        directories[:] = [
            d for d in directories if d not in SKIPPED_DIRECTORIES and not d.startswith(".")
        ]
        files += [Path(folder, name) for name in names if Path(name).suffix in SCANNED]
    return files


def test_no_banned_constructs_outside_the_allow_list():
    files = project_files()
    assert any(path.name == "views.py" for path in files)
    found = []
    for path in files:
        relative = path.relative_to(processes.BASE_DIR).as_posix()
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            for name, pattern in BANNED.items():
                if pattern.search(line) and not allowed(name, relative):
                    found.append(f"{relative}:{number}: {name}")
    assert found == []
