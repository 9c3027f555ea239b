"""Shared fixtures: the newsroom's people, and logged-in clients for each of them."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.test import Client

from edge import contentkeys
from tests import factories
from tests.page_cache_support import REDIS_SERVER, RedisServer, redis_cache


@pytest.fixture
def reporter(db):
    return factories.make_reporter("rosa")


@pytest.fixture
def other_reporter(db):
    return factories.make_reporter("rhys")


@pytest.fixture
def editor(db):
    return factories.make_editor("marek")


@pytest.fixture
def second_editor(db):
    return factories.make_editor("nadia")


@pytest.fixture
def superuser(db):
    return factories.make_user("sam", is_staff=True, is_superuser=True)


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "password_only: force_login signs in with the password step only (no second factor)",
    )


@pytest.fixture(autouse=True)
def signed_in_sessions_passed_both_factors(request, monkeypatch):
    """A signed-in session has passed both factors; the sign-in itself is tested in
    tests/test_two_factor.py. `client.force_login(user)` (and `client.login`) give the user a
    confirmed authenticator device and mark the session as verified with it, as the real
    two-step login does, so tests of what staff may do are not stopped at the enrolment page.
    Mark a test `password_only` to get a session that has passed the password step only."""
    if request.node.get_closest_marker("password_only"):
        return
    original = Client._login

    def login_with_second_factor(self, user, backend=None):
        original(self, user, backend)
        factories.verify_session(self, user)

    monkeypatch.setattr(Client, "_login", login_with_second_factor)


@pytest.fixture(autouse=True)
def staff_sessions_outlive_clock_jumps(settings):
    """Tests move the clock hours or days ahead with one signed-in client; the idle limit
    would sign it out. tests/test_staff_sessions.py sets the limit it checks."""
    settings.NEWSROOM_STAFF_IDLE_MINUTES = 60 * 24 * 365


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def reporter_client(reporter):
    return _client_for(reporter)


@pytest.fixture
def editor_client(editor):
    return _client_for(editor)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real hashing costs ~0.3 s per user; tests check permissions, not hash strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded images and their renditions go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (the section navigation is cached between requests)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, tmp_path_factory):
    """Test on a SQLite *file* (WAL, IMMEDIATE transactions), as the site runs.

    Django's default in-memory test database is in shared-cache mode, where a second writer
    fails at once with "database table is locked" instead of waiting its turn, so tests that
    race two threads (SECURITY.md E3–E6) could not run against it. A file also made the suite
    faster here.
    """
    from django.conf import settings

    path = tmp_path_factory.mktemp("db") / "test.sqlite3"
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        settings.DATABASES["default"]["TEST"]["NAME"] = str(path)


@pytest.fixture
def page_cache(settings):
    """The page cache on (the suite runs with it off: see PAGE_CACHE_SECONDS in settings)."""
    settings.PAGE_CACHE_SECONDS = 600
    return settings


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs, at its end, what waits for the transaction to commit (the
    purge of the content keys the block's changes named), as a real commit would; tests
    otherwise never commit. What the test did before the block counts as committed already."""

    @contextmanager
    def block() -> Iterator[list]:
        contentkeys.forget_pending()
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block


@pytest.fixture
def redis_server(settings) -> Iterator[RedisServer]:
    """A throwaway redis-server as the cache (the production setting); the test may stop it."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    settings.CACHES = redis_cache(server.port)
    yield server
    server.stop()
