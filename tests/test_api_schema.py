"""The OpenAPI schema is valid, and the API keeps its promises when fuzzed from that schema.

The fuzz runs in-process against the WSGI application (no network), with bounded examples and
derandomized Hypothesis so every run sends the same requests.
"""

from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from articles import workflow
from articles.models import Correction
from tests.factories import add_parts, make_article

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/v1/stories/",
    "/api/v1/stories/{slug}/",
    "/api/v1/stories/{slug}/ninjs/",
    "/api/v1/sections/",
    "/api/v1/tags/",
    "/api/v1/people/",
    "/api/v1/people/{slug}/",
    "/api/v1/sources/",
    "/api/v1/authors/",
    "/api/v1/corrections/",
    "/api/v1/withdrawals/",
}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 15


def test_openapi_schema_is_valid_and_lists_every_endpoint(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert set(schema["paths"]) == ENDPOINTS
    assert all(set(item) == {"get"} for item in schema["paths"].values())


def test_docs_page_loads_its_script_from_our_static_files(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'src="/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js"' in html
    assert "https://" not in html and "//fonts." not in html


@contextmanager
def requests_keep_the_test_connection():
    """Serve WSGI requests inside the test transaction, as Django's test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def newsroom(reporter, editor):
    story = make_article(reporter, status="review", dateline="Port Calder", context="Why.")
    add_parts(story, 3)
    workflow.publish(story, editor)
    Correction.objects.create(article=story, text="A name was misspelt.")
    withdrawn = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(withdrawn, editor, "Held.")
    return story


def real_cases(operation, story) -> list:
    """Requests that find real content, so its responses are checked against the schema too."""
    if "{slug}" not in operation.path:
        query = {"since": "2000-01-01T00:00:00Z"} if "withdrawals" in operation.path else {}
        return [operation.Case(query=query), operation.Case(query={**query, "page_size": 1})]
    if operation.path.startswith("/api/v1/people/"):
        return [operation.Case(path_parameters={"slug": story.quotes.first().speaker.slug})]
    return [operation.Case(path_parameters={"slug": story.slug})]


def test_fuzzing_the_api_from_its_schema_finds_no_error(newsroom, settings):
    settings.NEWSROOM_API_THROTTLE_RATE = None
    with requests_keep_the_test_connection():
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {operation.path for operation in operations} == ENDPOINTS
        for operation in operations:
            for case in real_cases(operation, newsroom):
                response = case.call()
                assert response.status_code == 200, (operation.path, response.content[:300])
                case.validate_response(response, checks=CHECKS)
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                fuzz(operation, mode)


def fuzz(operation, mode: GenerationMode) -> None:
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def send(case):
        case.validate_response(case.call(), checks=CHECKS)

    try:
        send()
    except Unsatisfiable:
        # Only a slug in the path: any string is a valid slug, so nothing invalid to send.
        assert mode is GenerationMode.NEGATIVE and not operation.query
