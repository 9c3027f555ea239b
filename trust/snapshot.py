"""What every page needs of the trust records, kept in the cache so it costs no query.

The footer lists the policies the newsroom has filled in and every story's JSON-LD names the
publisher; both read one small snapshot from the cache. A change to a policy or the publisher
forgets it once the change commits, and names the content key `trust` (shown by every page
with the footer, edge/contentkeys.py), so cached pages and stored story renders are made again.
The timeout bounds staleness where the cache is not shared between processes.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Value
from django.urls import reverse

from edge import contentkeys

from .models import Policy, Publisher

CACHE_KEY = "trust:snapshot:v1"
CACHE_SECONDS = 300
KEY = "trust"  # the content key of everything this snapshot feeds


@dataclass(frozen=True)
class FilledPolicy:
    kind: str

    @property
    def title(self) -> str:
        return str(Policy.Kind(self.kind).label)

    @property
    def url(self) -> str:
        return reverse("trust:policy", args=[self.kind])


@dataclass(frozen=True)
class Snapshot:
    policies: tuple[FilledPolicy, ...]
    publisher_name: str
    founding_date: datetime.date | None
    same_as: tuple[str, ...]

    @property
    def standards_url(self) -> str:
        """The standards page, or "" while no policy is filled in (it has no page then)."""
        return reverse("trust:standards") if self.policies else ""

    def policy(self, kind: str) -> FilledPolicy | None:
        return next((policy for policy in self.policies if policy.kind == kind), None)


def load() -> Snapshot:
    """Read the snapshot from the database: the filled-in policies and the publisher row, in
    one query (a UNION), since a cold cache costs every page this query."""
    order = {kind: position for position, kind in enumerate(Policy.Kind.values)}
    text = models.CharField()
    policies = (
        Policy.objects.exclude(body_html="")
        .annotate(row=Value("policy", text), founded=Value(None, models.DateField()))
        .values_list("row", "kind", "founded", "summary")
    )
    publisher_row = Publisher.objects.annotate(row=Value("publisher", text)).values_list(
        "row", "name", "founding_date", "same_as"
    )
    rows = list(policies.union(publisher_row, all=True))
    kinds = sorted((row[1] for row in rows if row[0] == "policy"), key=order.__getitem__)
    publisher = Publisher()
    for row in rows:
        if row[0] == "publisher":
            publisher = Publisher(name=row[1], founding_date=row[2], same_as=row[3])
    return Snapshot(
        policies=tuple(FilledPolicy(kind) for kind in kinds),
        publisher_name=publisher.display_name,
        founding_date=publisher.founding_date,
        same_as=tuple(publisher.same_as_urls),
    )


def current() -> Snapshot:
    """The snapshot, from the cache (read from the database when the cache lost it)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        found = load()
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def forget() -> None:
    cache.delete(CACHE_KEY)


def _changed(row: Any, event: contentkeys.Event) -> list[str]:
    # Forgotten now (this process's next read sees the change) and again after the commit: a
    # reader between the change and its commit may have put the old snapshot back.
    forget()
    transaction.on_commit(forget)
    return [KEY]


def watch() -> None:
    """Every change to a policy or the publisher names the `trust` key (TrustConfig.ready)."""
    contentkeys.watch(Policy, _changed)
    contentkeys.watch(Publisher, _changed)
