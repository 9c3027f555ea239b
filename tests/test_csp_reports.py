"""Browsers report Content-Security-Policy violations to /csp-report: each report is logged as a
warning, and the endpoint stays bounded (size, rate, content type) and never fails."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("csp_report")
ADDRESS = "203.0.113.9"

# What Chromium sends for `report-uri` (application/csp-report)…
LEGACY_REPORT = {
    "csp-report": {
        "document-uri": "https://news.example/2026/harbour-dredging/",
        "referrer": "",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "default-src 'self'; script-src 'self'",
        "disposition": "enforce",
        "blocked-uri": "inline",
        "line-number": 12,
        "source-file": "https://news.example/2026/harbour-dredging/",
        "status-code": 200,
        "script-sample": "alert(document.cookie)",
    }
}
# …and for `report-to` (the Reporting API: application/reports+json, a list).
REPORTING_API_REPORT = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "https://news.example/admin/",
        "user_agent": "Chromium",
        "body": {
            "documentURL": "https://news.example/admin/",
            "blockedURL": "https://tracker.example/pixel.gif",
            "effectiveDirective": "img-src",
            "disposition": "report",
            "originalPolicy": "img-src 'self'",
            "statusCode": 200,
        },
    }
]


def send(client: Client, body: object, content_type: str = "application/csp-report", **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, REMOTE_ADDR=ADDRESS, **extra)


def csp_warnings(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "newsroom.csp"]


def test_a_report_uri_report_is_logged_as_a_warning_with_what_was_blocked_and_where(client, caplog):
    response = send(client, LEGACY_REPORT)
    assert response.status_code == 204
    (record,) = csp_warnings(caplog)
    assert record.levelno == logging.WARNING
    assert record.document_uri == "https://news.example/2026/harbour-dredging/"
    assert record.blocked_uri == "inline"
    assert record.directive == "script-src-elem"
    assert record.disposition == "enforce"
    assert record.sample == "alert(document.cookie)"
    assert record.client == ADDRESS


def test_a_reporting_api_report_is_logged_the_same_way(client, caplog):
    response = send(client, REPORTING_API_REPORT, "application/reports+json")
    assert response.status_code == 204
    (record,) = csp_warnings(caplog)
    assert record.document_uri == "https://news.example/admin/"
    assert record.blocked_uri == "https://tracker.example/pixel.gif"
    assert record.directive == "img-src"
    assert record.disposition == "report"


def test_other_reports_in_a_reporting_api_batch_are_not_logged(client, caplog):
    batch = [{"type": "deprecation", "body": {"message": "old API"}}, *REPORTING_API_REPORT]
    assert send(client, batch, "application/reports+json").status_code == 204
    assert len(csp_warnings(caplog)) == 1


def test_a_plain_json_report_is_accepted(client, caplog):
    assert send(client, LEGACY_REPORT, "application/json").status_code == 204
    assert len(csp_warnings(caplog)) == 1


def test_logged_values_are_truncated(client, caplog):
    report = {
        "csp-report": {**LEGACY_REPORT["csp-report"], "document-uri": "https://x/" + "a" * 5000}
    }
    assert send(client, report).status_code == 204
    (record,) = csp_warnings(caplog)
    assert len(record.document_uri) == 300


def test_the_report_goes_out_as_one_json_line_however_it_was_written(client, caplog):
    from edge.jsonlog import JsonFormatter

    report = {"csp-report": {**LEGACY_REPORT["csp-report"], "blocked-uri": "x\ny\u001b[31m"}}
    send(client, report)
    (record,) = csp_warnings(caplog)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line)["blocked_uri"] == "x\ny\u001b[31m"


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"\xff\xfe\x00", b"null", b'"a string"', b"{}", b"[" * 5000],
)
def test_malformed_reports_are_a_400_never_a_500(client, caplog, body):
    response = send(client, body)
    assert response.status_code == 400
    assert csp_warnings(caplog) == []


def test_a_report_whose_body_is_not_an_object_is_a_400(client):
    assert send(client, {"csp-report": "nonsense"}).status_code == 400
    assert send(client, [{"type": "csp-violation", "body": 3}]).status_code == 400


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_other_content_types_are_refused(client, caplog, content_type):
    response = send(client, LEGACY_REPORT, content_type)
    assert response.status_code == 415
    assert csp_warnings(caplog) == []


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_only_post_is_accepted(client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_a_body_over_the_limit_is_refused_with_413_by_its_length(client, caplog, settings):
    settings.CSP_REPORT_MAX_BYTES = 1024
    padded = {"csp-report": {**LEGACY_REPORT["csp-report"], "script-sample": "x" * 2000}}
    response = send(client, padded)
    assert response.status_code == 413
    assert csp_warnings(caplog) == []


def test_a_body_longer_than_its_content_length_says_is_still_cut_at_the_limit(
    client, caplog, settings
):
    settings.CSP_REPORT_MAX_BYTES = 1024
    padded = json.dumps({"csp-report": {"blocked-uri": "x" * 2000}})
    response = send(client, padded, CONTENT_LENGTH="10")
    assert response.status_code in {400, 413}
    assert csp_warnings(caplog) == []


def test_a_reporter_over_the_rate_limit_gets_429_and_floods_no_log(client, caplog, settings):
    settings.CSP_REPORT_RATE_LIMIT = 3
    statuses = [send(client, LEGACY_REPORT).status_code for _ in range(6)]
    assert statuses == [204, 204, 204, 429, 429, 429]
    assert len(csp_warnings(caplog)) == 3
    other = client.post(
        URL, json.dumps(LEGACY_REPORT), "application/csp-report", REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 204, "the limit is per client address"


def test_the_limit_follows_the_client_behind_a_trusted_proxy(client, settings):
    settings.CSP_REPORT_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]

    def via_proxy(forwarded_for: str) -> int:
        return client.post(
            URL,
            json.dumps(LEGACY_REPORT),
            "application/csp-report",
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded_for,
        ).status_code

    assert via_proxy("203.0.113.50") == 204
    assert via_proxy("203.0.113.50") == 429
    assert via_proxy("203.0.113.51") == 204


def test_reports_need_no_csrf_token():
    response = send(Client(enforce_csrf_checks=True), LEGACY_REPORT)
    assert response.status_code == 204


def test_answers_are_never_stored_and_name_no_content_keys(client):
    for response in (send(client, LEGACY_REPORT), send(client, b"{")):
        assert "no-store" in response["Cache-Control"]
        assert "xkey" not in response.headers
