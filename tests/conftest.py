"""Shared fixtures: the newsroom's people, and logged-in clients for each of them."""

import pytest
from django.core.cache import cache
from django.test import Client

from tests import factories


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
def empty_cache():
    """Each test starts with an empty cache, so throttle counters do not leak between tests."""
    cache.clear()
