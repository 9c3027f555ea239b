"""Time pages in-process with Django's test client, DEBUG off, against a floor.

Each page is asked for a few times first (warm-up: imports, template loading, the section
navigation, and in warm mode the page cache entry), then timed, each request alternating with
one to the floor (a view returning a constant through the same middleware), then asked once
more while the SQL queries are counted (counting slows the queries down, so it is never
timed). Cold means the page cache is switched off, so every request renders the page; warm
means it is on and the entry exists. A story page, cold, is read from the story's stored
render (articles.prerender), as for every story read since its last change; "story, after a
change" gives the story a new page token before each request, so each one renders it afresh.
"""

from __future__ import annotations

import gc
import math
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from articles import prerender
from articles.models import Article, Byline

from . import urls
from .build import Newsroom

WARM_UP = 3
MIN_RUNS = 5
SECONDS_PER_PAGE = 6.0  # stop early (after MIN_RUNS) when one page takes this long
CACHE_SECONDS = 3600


@dataclass
class Page:
    name: str
    url: str
    # Run, untimed, before every request to the page (and only then is it measured cold).
    prepare: Callable[[], None] | None = None

    @property
    def modes(self) -> tuple[tuple[str, int], ...]:
        cold, warm = ("cold", 0), ("warm", CACHE_SECONDS)
        return (cold,) if self.prepare else (cold, warm)


@dataclass
class Measurement:
    page: str
    url: str
    mode: str  # "floor", "cold" (page cache off) or "warm" (served from the page cache)
    runs: int
    median_ms: float
    p95_ms: float
    queries: int
    bytes: int
    floor_multiple: float

    def as_dict(self) -> dict:
        return asdict(self)


def pages_of(newsroom: Newsroom) -> list[Page]:
    """The pages the issue names, found in the newsroom that was built."""
    last_page = max(1, math.ceil(newsroom.stories / 20))
    deep = min(200, last_page)
    return [
        Page("front", "/"),
        Page("story, 200 comments", f"/articles/{newsroom.busy_story}/"),
        Page("story", f"/articles/{newsroom.typical_story}/"),
        Page(
            "story, after a change",
            f"/articles/{newsroom.typical_story}/",
            prepare=lambda: _changed(newsroom.typical_story),
        ),
        Page("archive page 1", "/articles/"),
        Page(f"archive page {deep}", f"/articles/?page={deep}"),
        Page("archive filtered", f"/articles/?section={newsroom.section}&tag={newsroom.tag}"),
        Page("search", f"/articles/?q={newsroom.search_term}"),
        Page("section", f"/sections/{newsroom.section}/"),
        Page("tag", f"/tags/{newsroom.tag}/"),
        Page("author", f"/authors/{_writer_of(newsroom.typical_story)}/"),
        Page("person", f"/people/{newsroom.person}/"),
        Page("rss", "/feeds/rss/"),
        Page("atom", "/feeds/atom/"),
        Page("rss, section", f"/sections/{newsroom.section}/feeds/rss/"),
        Page("sitemap index", "/sitemap.xml"),
        Page("sitemap, stories", "/sitemap-stories.xml"),
        Page("api stories", "/api/v1/stories/"),
        Page("api story", f"/api/v1/stories/{newsroom.typical_story}/"),
    ]


@contextmanager
def benchmark_settings() -> Iterator[None]:
    """DEBUG off, the floor's address, a cache of the run's own, an API throttle that never
    trips (it still counts), and unhashed static URLs (no collectstatic needed)."""
    caches = {
        alias: {**config, "KEY_PREFIX": f"newsroom-bench-{os.getpid()}"}
        for alias, config in settings.CACHES.items()
    }
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        DEBUG=False,
        ROOT_URLCONF=urls.__name__,  # imported above, with the site's URLconf
        ALLOWED_HOSTS=["testserver"],
        CACHES=caches,
        STORAGES=storages,
        NEWSROOM_API_THROTTLE_RATE="1000000/minute",
    ):
        yield


def measure(newsroom: Newsroom, runs: int) -> list[Measurement]:
    """The floor, then every page cold and warm.

    Whatever the build left in memory is collected, and what survives is frozen out of the
    garbage collector, so the pages pay for their own garbage only (as in a server process).
    """
    gc.collect()
    gc.freeze()
    client = Client()
    with benchmark_settings():
        results = [_time(client, "floor", urls.FLOOR_PATH, "floor", runs, _nothing)]
        for page in pages_of(newsroom):
            for mode, seconds in page.modes:
                with override_settings(PAGE_CACHE_SECONDS=seconds):
                    results.append(
                        _time(client, page.name, page.url, mode, runs, page.prepare or _nothing)
                    )
    return results


def _writer_of(slug: str) -> str:
    """The profile address of the story's first writer: their page is the author row."""
    byline = Byline.objects.filter(article__slug=slug, author__isnull=False).order_by("position")
    return byline.values_list("author__author_profile__slug", flat=True).first() or ""


def _changed(slug: str) -> None:
    """What an edit does to a story's stored render: a new page token (articles.prerender)."""
    prerender.stale(Article.objects.filter(slug=slug))


def _nothing() -> None:
    return None


def _time(
    client: Client, name: str, url: str, mode: str, runs: int, prepare: Callable[[], None]
) -> Measurement:
    """Time `url`, alternating with the floor: the multiple compares the two medians of the
    same stretch of time, so a slow patch of a shared machine slows both alike."""
    for _ in range(WARM_UP):
        prepare()
        _get(client, url)
    timings: list[float] = []
    floors: list[float] = []
    started = time.perf_counter()
    while len(timings) < runs:
        if url != urls.FLOOR_PATH:
            floors.append(_timed(client, urls.FLOOR_PATH))
        prepare()
        timings.append(_timed(client, url))
        if len(timings) >= MIN_RUNS and time.perf_counter() - started > SECONDS_PER_PAGE:
            break
    prepare()
    with CaptureQueriesContext(connection) as queries:
        response = _get(client, url)
    timings.sort()
    median = statistics.median(timings)
    return Measurement(
        page=name,
        url=url,
        mode=mode,
        runs=len(timings),
        median_ms=median,
        p95_ms=timings[max(0, math.ceil(0.95 * len(timings)) - 1)],
        queries=len(queries),
        bytes=len(response.content),
        floor_multiple=median / statistics.median(floors or timings),
    )


def _timed(client: Client, url: str) -> float:
    begin = time.perf_counter_ns()
    _get(client, url)
    return (time.perf_counter_ns() - begin) / 1e6


def _get(client: Client, url: str):
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}, not 200")
    return response


def table(results: list[Measurement]) -> str:
    """The results as a fixed-width text table."""
    header = f"{'page':<22} {'mode':<5} {'median ms':>9} {'p95 ms':>8} {'queries':>7} "
    header += f"{'bytes':>9} {'x floor':>8}"
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(
            f"{r.page:<22} {r.mode:<5} {r.median_ms:>9.2f} {r.p95_ms:>8.2f} {r.queries:>7} "
            f"{r.bytes:>9} {r.floor_multiple:>8.1f}"
        )
    return "\n".join(lines)
