"""Browser tests: Playwright (sync API) drives Debian's Chromium against the live_server.

One browser for the whole session (pytest-playwright's `browser`), a fresh context per person per
test. Without Chromium the tests skip, saying why; with REQUIRE_BROWSER=1 (set by .ci/run) a
missing browser fails them instead, so CI cannot pass without running them.

From the first browser test on, Playwright's sync API keeps an asyncio event loop running in the
main thread. Two things follow, handled here:

- Django refuses ORM calls while a loop runs in the thread (SynchronousOnlyOperation), including
  the test's own factories and pytest-django's flushes. This project has no async code, so the
  guard is switched off (DJANGO_ALLOW_ASYNC_UNSAFE) for the browser tests only, which run last.
- Django keeps its database connections in asgiref's thread-critical Local, which hands out a
  separate set of connections while a loop runs. Those lack the serialized copy of the migrated
  database that `serialized_rollback` restores after a flush, so the newsroom's groups (made by
  data migrations) would vanish after the first browser test; `migrated_data` puts them back.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import expect

expect.set_options(timeout=10_000)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HERE = Path(__file__).parent


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last, after every other test (pytest reorders tests around Playwright's
    session-wide `browser_name` parameter, which could otherwise put them among plain `db`
    tests, and a transactional test leaves the database flushed)."""
    browser = [item for item in items if HERE in item.path.parents]
    others = [item for item in items if HERE not in item.path.parents]
    items[:] = others + browser


@pytest.fixture(scope="session", autouse=True)
def chromium_present() -> None:
    """Skip (or, under REQUIRE_BROWSER=1, fail) every browser test when Chromium is missing."""
    if os.path.exists(CHROMIUM):
        return
    reason = (
        f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package or set "
        "CHROMIUM_PATH (never `playwright install`)"
    )
    if os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}:
        pytest.fail(f"{reason}; REQUIRE_BROWSER=1 makes this a failure", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def orm_beside_playwright(chromium_present: None) -> Iterator[None]:
    """Allow ORM calls while Playwright's loop runs (session autouse: set before it starts)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session", autouse=True)
def migrated_snapshot(chromium_present: None, django_db_setup: Any) -> dict[str, str]:
    """The migrated database as Django serialized it, read from the connections in use before
    Playwright's loop starts (session autouse fixtures are set up before the `playwright` one)."""
    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(autouse=True)
def migrated_data(migrated_snapshot: dict[str, str], transactional_db: None) -> None:
    """Put back what the migrations made (groups, permissions…) after the last test's flush, as
    serialized_rollback does, and give the loop's connections the snapshot so that this test's
    own flush leaves them out of post_migrate like any serialized_rollback test."""
    for alias, data in migrated_snapshot.items():
        connection = connections[alias]
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = data
            connection.creation.deserialize_db_from_string(data)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium (headless by default); Playwright's own browsers are never installed."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


# Every page of every context reports Content-Security-Policy violations to the test: the
# `securitypolicyviolation` event (which says what was blocked, where) through a binding that
# outlives navigations, and Chromium's console line (which also covers pages without JavaScript).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolation(
    event.effectiveDirective + " blocked " + (event.blockedURI || "inline") + " on " +
    event.documentURI + " (" + (event.sourceFile || "the page") + ":" + event.lineNumber + ")" +
    (event.sample ? " " + JSON.stringify(event.sample) : "")
  );
}, true);
"""


def watch_csp(context: Any, violations: list[str]) -> None:
    """Record every CSP violation in any page of `context` into `violations`."""
    context.expose_binding("__cspViolation", lambda source, text: violations.append(text))
    context.add_init_script(CSP_LISTENER)

    def console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            violations.append(f"console: {message.text[:300]}")

    context.on("console", console)


def watch_scripts(context: Any, errors: list[str]) -> None:
    """Record every script error no page of `context` caught (a script that stops half way
    leaves a page that looks right and does nothing)."""

    def record(error: Any) -> None:
        where = error.page.url if error.page else "a page"
        errors.append(f"{where}: {str(error.error)[:300]}")

    context.on("weberror", record)


def assert_no_script_errors(errors: list[str]) -> None:
    if errors:
        listed = "\n  ".join(dict.fromkeys(errors))
        pytest.fail(f"Uncaught script errors:\n  {listed}", pytrace=False)


def assert_no_csp_violations(violations: list[str]) -> None:
    """Fail, listing them, if any page broke the Content-Security-Policy."""
    if violations:
        listed = "\n  ".join(dict.fromkeys(violations))
        pytest.fail(f"Content-Security-Policy violations:\n  {listed}", pytrace=False)


@pytest.fixture
def csp_violations() -> list[str]:
    """The CSP violations seen in this test's browser contexts (checked when the test ends)."""
    return []


@pytest.fixture
def script_errors() -> list[str]:
    """Uncaught script errors in this test's browser contexts (checked when the test ends)."""
    return []


@pytest.fixture
def new_context(
    new_context: Any, csp_violations: list[str], script_errors: list[str]
) -> Iterator[Any]:
    """pytest-playwright's contexts, waiting at most 10 s for anything (not 30 s), so a failing
    run ends quickly (every page in these tests answers in well under a second), and watched
    for CSP violations and uncaught script errors: any one fails the test when it ends."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        context = new_context(**options)
        context.set_default_timeout(10_000)
        watch_csp(context, csp_violations)
        watch_scripts(context, script_errors)
        contexts.append(context)
        return context

    yield make
    # A round trip to each open page delivers the reports it sent before this point.
    for context in contexts:
        for page in context.pages:
            try:
                page.evaluate("0")
            except Exception:  # a closed or crashed page has nothing more to say
                pass
    assert_no_csp_violations(csp_violations)
    assert_no_script_errors(script_errors)


@pytest.fixture(scope="session")
def base_url(live_server: Any) -> str:
    """Every context's base URL is the live server, so pages say page.goto("/admin/")."""
    return live_server.url


@pytest.fixture(autouse=True)
def readers_type_at_machine_speed(settings: Any) -> None:
    """A browser fills the comment form in milliseconds; the minimum-time check would refuse it
    (it has its own tests), and these tests never sleep."""
    settings.COMMENTS_MIN_SECONDS = 0


@pytest.fixture
def artefacts(pytestconfig: pytest.Config) -> Path:
    """Where screenshots and reports go: pytest-playwright's --output folder (git-ignored)."""
    folder = Path(pytestconfig.getoption("--output"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_axe_notes: list[str] = []


@pytest.fixture
def axe_notes() -> Iterator[list[str]]:
    """Minor and moderate axe findings, printed in the run's summary (they do not fail it)."""
    yield _axe_notes


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _axe_notes:
        terminalreporter.section(
            "axe: findings that do not fail the run (minor, moderate, or not our markup)"
        )
        for line in _axe_notes:
            terminalreporter.write_line(line)
