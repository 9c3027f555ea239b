"""Purging the frontend cache (Varnish with its xkey module, deploy/varnish/) by content key.

After each commit that names content keys (edge/contentkeys.py), every address in
FRONTEND_CACHE_URLS gets `PURGE /` with the keys in an `xkey-purge` header, in batches that fit
Varnish's header limits. A frontend that cannot be reached is logged, never raised: the change
is committed, and the cached copies expire after FRONTEND_CACHE_SECONDS at the latest.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

BATCH = 100  # keys per request: ~1.5 KB of header, well inside Varnish's 8 KB limit
TIMEOUT_SECONDS = 2.0


def batches(keys: frozenset[str]) -> list[list[str]]:
    ordered = sorted(keys)
    return [ordered[start : start + BATCH] for start in range(0, len(ordered), BATCH)]


def purge(keys: frozenset[str]) -> None:
    """Ask every configured frontend cache to drop the answers carrying any of `keys`."""
    for url in settings.FRONTEND_CACHE_URLS:
        for batch in batches(keys):
            request = urllib.request.Request(
                url, method="PURGE", headers={"xkey-purge": " ".join(batch)}
            )
            try:
                with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:  # noqa: S310 - operator's setting
                    answer.read()
            except (urllib.error.URLError, OSError) as error:
                logger.error("could not purge %d keys at %s: %s", len(batch), url, error)
                break
