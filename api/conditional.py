"""Validators for API responses (ETag, Last-Modified) and the 304 that saves a re-download.

The ETag is a hash of the JSON actually sent, so it changes exactly when the response
does (a renamed source, a new correction, a story leaving a list). Last-Modified is only
sent where a time covers the whole response: a story's last public change
(Article.last_public_change, the time its page, feeds and ninjs also give).

Hook for the page cache: every API response passes through `conditional_response` once,
after rendering, with its validators; a shared cache of API responses can store and serve
from there, keyed like the HTML pages and purged by the same publish/unpublish events.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from rest_framework.request import Request
from rest_framework.response import Response


def make_conditional(
    request: Request, response: Response, last_modified: datetime | None = None
) -> Response:
    """Arrange for a successful GET/HEAD to carry validators and to answer 304 when they match."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    response.add_post_render_callback(
        lambda rendered: conditional_response(request, rendered, last_modified)
    )
    return response


def conditional_response(
    request: Request, response: HttpResponse, last_modified: datetime | None
) -> HttpResponse:
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    response["ETag"] = etag
    timestamp = None
    if last_modified is not None:
        timestamp = int(last_modified.timestamp())
        response["Last-Modified"] = http_date(timestamp)
    # Shared caches may keep a copy but must ask again each time (a withdrawal is immediate).
    patch_cache_control(response, public=True, no_cache=True)
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
