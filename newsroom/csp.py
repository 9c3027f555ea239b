"""The Content-Security-Policy: the header on every response, and where browsers report breaches.

A small middleware rather than django-csp: the policy is one fixed string
(settings.CONTENT_SECURITY_POLICY: scripts and styles only from our own static files, no
`unsafe-inline`, no `unsafe-eval`), and Django 6.0 ships the same header natively, which this
can give way to on upgrade. No page needs a nonce or a hash. Every policy ends with
`report-uri` and `report-to csp` (the `Reporting-Endpoints` header names `csp`), so browsers
send violations to `report` below, which logs them.

settings.CSP_REPORT_ONLY, when set, is a second (stricter) policy sent as
Content-Security-Policy-Report-Only beside the enforced one: browsers report what it would
block and block nothing. settings.CSP_ENFORCE=False sends the main policy report-only too (a
deployment check warns: never the default).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.cache import cache as shared_cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from edge import failopen
from edge.clients import client_ip

logger = logging.getLogger("newsroom.csp")

REPORT_GROUP = "csp"
REPORT_CONTENT_TYPES = frozenset(
    {"application/csp-report", "application/reports+json", "application/json"}
)
# How much of each reported value goes into the log: enough to find the page and the culprit.
LOGGED_CHARS = 300


# -- the header -------------------------------------------------------------------------------


def directives(policy: str) -> dict[str, list[str]]:
    """A policy string as {directive: [sources]}, in the order written."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed.setdefault(words[0].lower(), words[1:])
    return parsed


def policy_text(parsed: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in parsed.items())


def with_reporting(policy: str, report_path: str) -> str:
    """The policy ending with where to report (report-uri for every browser, report-to for
    those speaking the Reporting API)."""
    parsed = directives(policy)
    parsed["report-uri"] = [report_path]
    parsed["report-to"] = [REPORT_GROUP]
    return policy_text(parsed)


def headers_for() -> dict[str, str]:
    """The CSP headers of one response, from the settings."""
    return dict(
        _headers(
            settings.CONTENT_SECURITY_POLICY,
            getattr(settings, "CSP_REPORT_ONLY", ""),
            getattr(settings, "CSP_ENFORCE", True),
            reverse("csp_report"),
        )
    )


@lru_cache(maxsize=8)
def _headers(main: str, trial: str, enforce: bool, report_path: str) -> tuple[tuple[str, str], ...]:
    """Made once per combination of settings, not once per response."""
    if not main:
        return ()
    headers = [("Reporting-Endpoints", f'{REPORT_GROUP}="{report_path}"')]
    if enforce:
        headers.append(("Content-Security-Policy", with_reporting(main, report_path)))
    report_only = [policy for policy in ([] if enforce else [main]) + [trial] if policy]
    if report_only:
        # Two policies in one header are separated by a comma; each is checked on its own.
        value = ", ".join(with_reporting(policy, report_path) for policy in report_only)
        headers.append(("Content-Security-Policy-Report-Only", value))
    return tuple(headers)


class ContentSecurityPolicyMiddleware:
    """Send the policy (and the report-only one) on every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" in response.headers:
            return response
        for name, value in headers_for().items():
            response.headers.setdefault(name, value)
        return response


def check_policies(**kwargs: Any) -> list[checks.CheckMessage]:
    """A trial policy that cannot go in a header fails `manage.py check`, not every response."""
    trial = getattr(settings, "CSP_REPORT_ONLY", "")
    if any(character in trial for character in "\r\n,"):
        return [
            checks.Error(
                "CSP_REPORT_ONLY holds a line break or a comma.",
                hint="One policy, its directives separated by semicolons.",
                id="newsroom.E010",
            )
        ]
    return []


def check_enforced(**kwargs: Any) -> list[checks.CheckMessage]:
    """`check --deploy` warns when the main policy is only reported, not enforced."""
    if getattr(settings, "CSP_ENFORCE", True):
        return []
    return [
        checks.Warning(
            "CSP_ENFORCE is off: the Content-Security-Policy is only reported, nothing is blocked.",
            hint="Unset CSP_ENFORCE; try a stricter policy with CSP_REPORT_ONLY instead.",
            id="newsroom.W010",
        )
    ]


# -- the report endpoint ---------------------------------------------------------------------


def _too_many(address: str) -> bool:
    """One more report from this client: over CSP_REPORT_RATE_LIMIT in the minute?

    A fixed one-minute window counted in the shared cache (each process's own memory while
    Redis is down), so one page full of violations, or a script posting garbage, cannot flood
    the log.
    """
    limit = settings.CSP_REPORT_RATE_LIMIT
    if limit <= 0:
        return False
    key = f"csp:reports:{address or 'unknown'}:{int(time.time() // 60)}"
    counts = failopen.local_stand_in(shared_cache)
    try:
        counts.add(key, 0, timeout=61)
        count = counts.incr(key)
    except (ValueError, failopen.CacheDown):  # evicted or just went down: count afresh
        count = 1
    return count > limit


def _clip(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text[:LOGGED_CHARS]


def violations(payload: Any) -> list[dict[str, str]]:
    """The violations in a report body, in one shape whichever format the browser used.

    `report-uri` sends {"csp-report": {...}} with kebab-case names; the Reporting API
    (`report-to`) sends a list of {"type": "csp-violation", "body": {...}} in camelCase.
    Anything else is not a report (ValueError).
    """
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        bodies: Iterable[Any] = [payload["csp-report"]]
    elif isinstance(payload, list):
        bodies = [
            item.get("body")
            for item in payload
            if isinstance(item, dict) and item.get("type") == "csp-violation"
        ]
    else:
        raise ValueError("not a CSP report")
    found = []
    for body in bodies:
        if not isinstance(body, dict):
            raise ValueError("not a CSP report")

        def field(*names: str, body: dict = body) -> str:
            return next((_clip(body[name]) for name in names if body.get(name)), "")

        found.append(
            {
                "document_uri": field("document-uri", "documentURL"),
                "blocked_uri": field("blocked-uri", "blockedURL"),
                "directive": field(
                    "effective-directive",
                    "effectiveDirective",
                    "violated-directive",
                    "violatedDirective",
                ),
                "disposition": field("disposition"),
                "source_file": field("source-file", "sourceFile"),
                "line": field("line-number", "lineNumber"),
                "sample": field("script-sample", "sample"),
            }
        )
    return found


def _refusal(status: int, message: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status)
    add_never_cache_headers(response)
    return response


@csrf_exempt  # browsers send reports without a token (and nothing here changes any data)
def report(request: HttpRequest) -> HttpResponse:
    """Log each violation a browser reports, as a warning; answer 204.

    POST only, with a report's content type, at most CSP_REPORT_MAX_BYTES (refused before the
    body is read), CSP_REPORT_RATE_LIMIT a minute per client address (429 over it, nothing
    logged); anything that is not a report is a 400.
    """
    if request.method != "POST":
        response = _refusal(405, "Reports are sent with POST.")
        response["Allow"] = "POST"
        return response
    content_type = request.content_type.split(";")[0].strip().lower()
    if content_type not in REPORT_CONTENT_TYPES:
        return _refusal(415, "Not a CSP report's content type.")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _refusal(400, "A bad Content-Length.")
    limit = settings.CSP_REPORT_MAX_BYTES
    if length > limit:
        return _refusal(413, f"A report is at most {limit} bytes.")
    address = client_ip(request)
    if _too_many(address):
        response = _refusal(429, "Too many reports.")
        response["Retry-After"] = "60"
        return response
    # Read at most one byte past the limit, whatever the header said.
    body = request.read(limit + 1)
    if len(body) > limit:
        return _refusal(413, f"A report is at most {limit} bytes.")
    try:
        found = violations(json.loads(body))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return _refusal(400, "Not a CSP report.")
    for violation in found[:10]:
        logger.warning("Content-Security-Policy violation", extra={**violation, "client": address})
    response = HttpResponse(status=204)
    add_never_cache_headers(response)
    return response
