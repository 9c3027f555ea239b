"""The OpenAPI schema is valid and exact, and the API keeps its promises when fuzzed from it.

The fuzz runs in-process against the WSGI application (no network), through schemathesis's
examples, coverage and fuzzing phases, with every check schemathesis has: among them that
schema-valid requests are accepted and schema-invalid ones refused, that other methods get a
405, and that every answer's status, headers and body are the ones the schema declares.
Hypothesis is derandomized and bounded, so every run sends the same requests.
"""

from base64 import b64encode
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis.checks import CHECKS, is_check_class, load_all_checks
from schemathesis.generation import GenerationMode

from api import urls as api_urls
from api.pagination import MAX_CURSOR_LENGTH, MAX_POSITION_LENGTH
from articles import workflow
from articles.models import Correction
from tests.api_client import get_json
from tests.factories import add_parts, make_article, make_source
from tests.html import parse

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
load_all_checks()
ALL_CHECKS = [check for check in CHECKS.get_all() if not is_check_class(check)]
EXAMPLES_PER_MODE = 15
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


def schema_of(client) -> dict:
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    return response.json()


def query_parameter(schema: dict, path: str, name: str) -> dict:
    [parameter] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    return parameter


def test_openapi_schema_is_valid_and_lists_every_endpoint(client):
    schema = schema_of(client)
    validate(schema)
    assert set(schema["paths"]) == ENDPOINTS
    assert all(set(item) == {"get"} for item in schema["paths"].values())


def test_docs_page_documents_every_endpoint_and_data_type_without_any_script(client):
    schema = schema_of(client)
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    page = parse(response)
    assert not page.find_all("script", src=True), "drawn on the server, no script"
    documented = {heading.code.text for heading in page.select(".api-endpoint h3")}
    assert documented == ENDPOINTS
    data_types = {heading.code.text for heading in page.select(".api-data-type h3")}
    assert data_types == set(schema["components"]["schemas"])
    for link in page.select(".api-type a"):
        assert page.find(id=link["href"].removeprefix("#")), link["href"]
    html = response.content.decode()
    assert "https://" not in html and "//fonts." not in html


def test_docs_page_shows_each_parameters_limits_and_each_answers_body(client):
    page = parse(client.get("/api/v1/docs/"))
    stories = page.find(id="stories_list").find_parent("section")
    rows = {row.th.code.text: row for row in stories.select("tbody tr")}
    assert "1 to 100" in rows["page_size"].get_text()
    assert "at most 200 characters" in rows["q"].get_text()
    answers = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in stories.select("dt")}
    assert answers["200"].select_one(".api-type a")["href"] == "#type-PaginatedStorySummaryList"
    assert "Retry-After" in answers["429"].get_text()


def test_every_parameter_states_what_it_accepts(client):
    for path, item in schema_of(client)["paths"].items():
        for parameter in item["get"]["parameters"]:
            schema = parameter["schema"]
            if schema.get("type") == "integer":
                assert {"minimum", "maximum"} <= set(schema), (path, parameter)
            elif schema.get("type") == "string" and "enum" in schema:
                continue  # a closed list of values says it exactly
            elif schema.get("type") == "string":
                assert "pattern" in schema, (path, parameter)
                assert "maxLength" in schema or parameter["in"] == "path", (path, parameter)
            else:
                assert {branch["format"] for branch in schema["anyOf"]} == {"date", "date-time"}
            assert parameter["in"] == "path" or parameter.get("description"), (path, parameter)


def test_source_zero_is_refused_and_the_schema_says_so(client):
    source = query_parameter(schema_of(client), "/api/v1/stories/", "source")
    assert source["schema"]["minimum"] == 1
    assert source["schema"]["maximum"] == 2**63 - 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(0, source["schema"])
    body = get_json(client, "/api/v1/stories/?source=0", status=400)
    assert list(body["errors"]) == ["source"]


def test_a_well_formed_cursor_that_leads_nowhere_gets_the_documented_404(client):
    schema = schema_of(client)
    cursor = query_parameter(schema, "/api/v1/stories/", "cursor")
    unusable = b64encode(b"p=not-a-date").decode()
    jsonschema.validate(unusable, cursor["schema"])
    assert "404" in cursor["description"]
    documented = schema["paths"]["/api/v1/stories/"]["get"]["responses"]["404"]
    assert documented["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    body = get_json(client, f"/api/v1/stories/?cursor={unusable}", status=404)
    jsonschema.validate(body, schema["components"]["schemas"]["Error"])
    assert body == {
        "detail": "This cursor leads to no page of this list; start again from its first page."
    }


def test_a_cursor_that_is_not_base64_is_malformed_for_the_schema_and_the_api(client):
    cursor = query_parameter(schema_of(client), "/api/v1/stories/", "cursor")
    for malformed in ("not-a-cursor", "abc", "A" * (MAX_CURSOR_LENGTH + 4)):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(malformed, cursor["schema"])
        body = get_json(client, f"/api/v1/stories/?cursor={malformed}", status=400)
        assert list(body["errors"]) == ["cursor"]


def test_the_longest_cursor_the_api_writes_fits_the_schema_and_works(client, reporter, editor):
    """Source titles of the longest length, in four-byte characters, at a page's end."""
    longest_titles = {"𝄞" * MAX_POSITION_LENGTH, "𝄞" * (MAX_POSITION_LENGTH - 1) + "𝄢"}
    for title in longest_titles:
        story = make_article(reporter, status="published", editor=editor)
        story.source_entries.create(source=make_source(title))
    titles, cursors, url = [], [], "/api/v1/sources/?page_size=1"
    while url:
        page = get_json(client, url)
        titles += [source["title"] for source in page["results"]]
        url = page["next"]
        cursors += parse_qs(urlsplit(url).query)["cursor"] if url else []
    assert longest_titles <= set(titles)
    longest = max(cursors, key=len)
    assert len(longest) > 0.99 * MAX_CURSOR_LENGTH  # the bound is not loose
    cursor = query_parameter(schema_of(client), "/api/v1/sources/", "cursor")
    jsonschema.validate(longest, cursor["schema"])


def test_no_list_is_ordered_by_text_longer_than_a_cursor_carries():
    paginated = [
        pattern.callback.view_class
        for pattern in api_urls.urlpatterns
        if getattr(getattr(pattern.callback, "view_class", None), "pagination_class", None)
    ]
    assert len(paginated) == 8
    for view in paginated:
        model = view().get_queryset().model
        name = view.cursor_ordering[0].lstrip("-")
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        assert (field.max_length or 0) <= MAX_POSITION_LENGTH, (view, name)


def test_the_fuzz_runs_every_check_schemathesis_has():
    names = {check.__name__ for check in ALL_CHECKS}
    assert names == set(CHECKS.get_all_names()), "a check the fuzz would not run"
    assert {
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
        "positive_data_acceptance",
        "negative_data_rejection",
        "missing_required_header",
        "unsupported_method",
        "allow_header_conformance",
        "use_after_free",
        "ensure_resource_availability",
        "ignored_auth",
        "object_level_authorization",
    } <= names


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


@pytest.fixture
def served(newsroom, settings):
    """The newsroom, answered by the WSGI application with throttling off."""
    settings.NEWSROOM_API_THROTTLE_RATE = None
    with requests_keep_the_test_connection():
        yield newsroom


def real_cases(operation, story) -> list:
    """Requests that find real content, so its responses are checked against the schema too."""
    if "{slug}" not in operation.path:
        query = {"since": "2000-01-01T00:00:00Z"} if "withdrawals" in operation.path else {}
        return [operation.Case(query=query), operation.Case(query={**query, "page_size": 1})]
    if operation.path.startswith("/api/v1/people/"):
        return [operation.Case(path_parameters={"slug": story.quotes.first().speaker.slug})]
    return [operation.Case(path_parameters={"slug": story.slug})]


def test_real_content_is_answered_as_the_schema_says(served):
    for result in SCHEMA.get_all_operations():
        operation = result.ok()
        for case in real_cases(operation, served):
            response = case.call()
            assert response.status_code == 200, (operation.path, response.content[:300])
            case.validate_response(response, checks=ALL_CHECKS)


@SCHEMA.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES_PER_MODE * len(GenerationMode),
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_fuzzing_the_api_from_its_schema_finds_no_error(case, served):
    case.call_and_validate(checks=ALL_CHECKS)
