"""Anonymous read throttling, counted per client address in the shared cache."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from edge.clients import client_ip


class AnonymousReadThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, with its rate read from settings on each request.

    AnonRateThrottle copies its rate table when the class is defined, so changing the rate in
    settings (NEWSROOM_API_THROTTLE_RATE, or a test's override) would not reach it. An empty
    rate switches throttling off.
    """

    def get_rate(self) -> str | None:
        return settings.NEWSROOM_API_THROTTLE_RATE

    def get_ident(self, request: object) -> str:
        """The same client address as the login throttle and the comment limit."""
        return client_ip(request._request) or "unknown"  # type: ignore[attr-defined]
