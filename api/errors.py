"""Every API error is JSON with a `detail` message; bad parameters also list `errors` by name."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

INVALID_PARAMETERS = _("Invalid parameters.")
BAD_REQUEST = _("Bad request.")


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, with one error shape, and Django's SuspiciousOperation as a JSON 400.

    SuspiciousOperation (e.g. too many query parameters) would otherwise escape the view and
    be answered by the site's HTML 400 page.
    """
    if isinstance(exc, SuspiciousOperation):
        logging.getLogger(f"django.security.{type(exc).__name__}").error(str(exc))
        exc = exceptions.ParseError(BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        if isinstance(response.data, dict):
            response.data = {"detail": str(INVALID_PARAMETERS), "errors": response.data}
        else:
            response.data = {"detail": " ".join(str(message) for message in response.data)}
    return response
