"""Every answer carries the Content-Security-Policy, naming where violations are reported: public
pages, the admin, the API's JSON, and every error page. A stricter trial policy goes out
report-only beside it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from newsroom.csp import directives
from tests.factories import PASSWORD, make_article
from tests.signin_support import password_step

pytestmark = pytest.mark.django_db

REPORT_PATH = "/csp-report"


def assert_enforced_policy(response) -> None:
    """The configured policy, enforced, ending with where to report."""
    policy = directives(response["Content-Security-Policy"])
    for name, sources in directives(settings.CONTENT_SECURITY_POLICY).items():
        assert policy[name] == sources, name
    assert policy["report-uri"] == [REPORT_PATH]
    assert policy["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == f'csp="{REPORT_PATH}"'
    assert "Content-Security-Policy-Report-Only" not in response.headers


def test_public_pages_carry_the_policy(client, reporter):
    story = make_article(reporter, status="published")
    for url in (reverse("articles:front"), story.get_absolute_url(), reverse("articles:rss")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_enforced_policy(response)


def test_a_page_served_from_the_page_cache_carries_the_policy(client, reporter, settings):
    settings.PAGE_CACHE_SECONDS = 600
    story = make_article(reporter, status="published")
    client.get(story.get_absolute_url())
    assert_enforced_policy(client.get(story.get_absolute_url()))


def test_the_admin_carries_the_policy(client, editor_client):
    assert_enforced_policy(client.get(reverse("admin:login")))
    assert_enforced_policy(editor_client.get(reverse("admin:index")))
    assert_enforced_policy(editor_client.get(reverse("admin:articles_article_add")))


def test_api_json_answers_carry_the_policy(client, reporter):
    make_article(reporter, status="published")
    stories = client.get(reverse("api:story-list"))
    assert stories["Content-Type"].startswith("application/json")
    assert_enforced_policy(stories)
    missing = client.get("/api/v1/nothing-here/")
    assert missing.status_code == 404
    assert_enforced_policy(missing)
    assert_enforced_policy(client.get(reverse("api:schema")))


def test_the_not_found_page_carries_the_policy(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_enforced_policy(response)


def test_a_request_for_an_unknown_host_gets_a_400_with_the_policy(client, settings):
    settings.DEBUG = False
    response = client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert_enforced_policy(response)


@pytest.mark.urls("tests.test_bad_requests")
@pytest.mark.parametrize(
    ("url", "status"), [("/test-errors/400/", 400), ("/test-errors/403/", 403)]
)
def test_bad_request_and_forbidden_pages_carry_the_policy(settings, url, status):
    settings.DEBUG = False
    response = Client().get(url)
    assert response.status_code == status
    assert_enforced_policy(response)


@pytest.mark.urls("tests.test_bad_requests")
def test_the_server_error_page_carries_the_policy(settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/test-errors/500/")
    assert response.status_code == 500
    assert_enforced_policy(response)


def test_the_csrf_failure_page_carries_the_policy(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert_enforced_policy(response)


def test_the_login_lockout_page_carries_the_policy(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        password_step(client, editor.username, "wrong")
    locked = password_step(client, editor.username, PASSWORD)
    assert locked.status_code == 429
    assert_enforced_policy(locked)


def test_static_files_carry_the_policy(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert_enforced_policy(response)


# -- report-only ------------------------------------------------------------------------------

STRICTER = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'"


def test_a_trial_policy_goes_out_report_only_beside_the_enforced_one(client, settings):
    settings.CSP_REPORT_ONLY = STRICTER
    response = client.get(reverse("articles:front"))
    enforced = directives(response["Content-Security-Policy"])
    assert enforced["default-src"] == ["'self'"]
    trial = directives(response["Content-Security-Policy-Report-Only"])
    assert trial["default-src"] == ["'none'"]
    assert trial["report-uri"] == [REPORT_PATH]
    assert trial["report-to"] == ["csp"]


def test_without_a_trial_policy_nothing_goes_out_report_only(client):
    assert "Content-Security-Policy-Report-Only" not in client.get("/").headers


def test_switching_enforcement_off_reports_the_main_policy_instead_of_enforcing_it(
    client, settings
):
    settings.CSP_ENFORCE = False
    response = client.get(reverse("articles:front"))
    assert "Content-Security-Policy" not in response.headers
    reported = directives(response["Content-Security-Policy-Report-Only"])
    assert reported["script-src"] == ["'self'"]
    assert reported["report-uri"] == [REPORT_PATH]


def test_with_enforcement_off_a_trial_policy_is_reported_as_a_second_policy(client, settings):
    settings.CSP_ENFORCE = False
    settings.CSP_REPORT_ONLY = STRICTER
    header = client.get(reverse("articles:front"))["Content-Security-Policy-Report-Only"]
    main, trial = header.split(", ")
    assert directives(main)["default-src"] == ["'self'"]
    assert directives(trial)["default-src"] == ["'none'"]
