"""What readers and API clients get, held to a recording.

The inside of the code is about to be rearranged (models moving between apps, modules split)
without changing anything readers see. For a fixed newsroom (tests/golden_newsroom.py) this
module records what every public page kind and every API endpoint answers — status, the
headers that matter, the body — in tests/golden/<name>.txt, and compares every run with it,
so a change in what readers see is made on purpose and reviewed as a diff.

After a deliberate change, record again and read the diff before committing it:

    GOLDEN_RECORD=1 .venv/bin/pytest tests/test_public_output.py
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings

from tests import golden_newsroom as newsroom

GOLDEN = Path(__file__).parent / "golden"
RECORDING = os.environ.get("GOLDEN_RECORD") == "1"
RECORD_COMMAND = "GOLDEN_RECORD=1 .venv/bin/pytest tests/test_public_output.py"

# The headers a reader, a crawler or a cache acts on. Not ETag (a hash of the body, which is
# recorded itself) nor Date (the wall clock).
HEADERS = (
    "Content-Type",
    "Cache-Control",
    "Last-Modified",
    "X-Robots-Tag",
    "Vary",
    "Content-Language",
)

# Values made afresh for each request, whatever the clock says: the CSRF token (masked with
# random bytes) and the comment form's signed timestamp (signed with the SECRET_KEY, which a
# machine may set).
PER_REQUEST = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")'), r"\1[csrf token]\2"),
    (re.compile(r'(name="issued" value=")[^"]+(")'), r"\1[signed timestamp]\2"),
]


def _addresses() -> list[tuple[str, str]]:
    """(name of the recording, address) for every public page kind and API endpoint."""
    stories = [story.slug for story in newsroom.PUBLISHED]
    hidden = {
        "draft": newsroom.DRAFT.slug,
        "in-review": newsroom.IN_REVIEW.slug,
        "scheduled": newsroom.SCHEDULED.slug,
        "withdrawn": newsroom.WITHDRAWN.slug,
    }
    sections = [slug for _pk, _name, slug, _description in newsroom.SECTIONS]
    tags = [slug for _pk, _name, slug in newsroom.TAGS]
    writers = [newsroom.PROFILES[login]["slug"] for login in ("ines", "tobias")]
    people = ["maud-tarrant", "idris-penhale", "nell-ashdown", "ottilie-fenwick", "cal-rudd"]
    reply_to = next(pk for pk, comment in newsroom.COMMENTS.items() if comment[0] is None)
    pages = [
        ("front", "/"),
        ("archive", "/articles/"),
        ("archive-section-coast", "/articles/?section=coast"),
        # Two matches: the newer one also says "harbour" more often, so PostgreSQL's ranking
        # and SQLite's newest-first order agree.
        ("archive-search", "/articles/?q=harbour"),
        *[(f"story-{slug}", f"/articles/{slug}/") for slug in stories],
        *[(f"section-{slug}", f"/sections/{slug}/") for slug in sections],
        *[(f"tag-{slug}", f"/tags/{slug}/") for slug in tags],
        *[(f"author-{slug}", f"/authors/{slug}/") for slug in writers],
        *[(f"person-{slug}", f"/people/{slug}/") for slug in people],
        ("feed-rss", "/feeds/rss/"),
        ("feed-atom", "/feeds/atom/"),
        *[(f"feed-rss-section-{slug}", f"/sections/{slug}/feeds/rss/") for slug in sections],
        *[(f"feed-atom-section-{slug}", f"/sections/{slug}/feeds/atom/") for slug in sections],
        ("corrections", "/corrections/"),
        ("corrections-feed", "/corrections/feed/"),
        ("sitemap-index", "/sitemap.xml"),
        ("sitemap-pages", "/sitemap-pages.xml"),
        ("sitemap-sections", "/sitemap-sections.xml"),
        ("sitemap-stories", "/sitemap-stories.xml"),
        ("sitemap-stories-page-2", "/sitemap-stories.xml?p=2"),
        ("sitemap-news", "/sitemap-news.xml"),
        ("robots", "/robots.txt"),
        ("comment-reply", f"/articles/{newsroom.FERRY.slug}/comments/?parent={reply_to}"),
        ("not-found-unknown-story", "/articles/no-such-story-in-saltmere/"),
        *[(f"not-found-{state}-story", f"/articles/{slug}/") for state, slug in hidden.items()],
        ("not-found-person-quoted-only-in-withdrawn", "/people/patrick-vell/"),
    ]
    api = [
        ("api-stories", "/api/v1/stories/"),
        *[(f"api-story-{slug}", f"/api/v1/stories/{slug}/") for slug in stories],
        *[(f"api-ninjs-{slug}", f"/api/v1/stories/{slug}/ninjs/") for slug in stories],
        ("api-sections", "/api/v1/sections/"),
        ("api-tags", "/api/v1/tags/"),
        ("api-people", "/api/v1/people/"),
        *[(f"api-person-{slug}", f"/api/v1/people/{slug}/") for slug in people],
        ("api-sources", "/api/v1/sources/"),
        ("api-authors", "/api/v1/authors/"),
        ("api-corrections", "/api/v1/corrections/"),
        ("api-withdrawals", "/api/v1/withdrawals/?since=2026-03-01T00:00:00Z"),
        ("api-schema", "/api/v1/schema/"),
        ("api-docs", "/api/v1/docs/"),
        ("api-not-found-draft-story", f"/api/v1/stories/{newsroom.DRAFT.slug}/"),
    ]
    return pages + api


ADDRESSES = _addresses()


@pytest.fixture(scope="module")
def golden_newsroom(django_db_setup, django_db_blocker, tmp_path_factory):
    """The newsroom, built once for this module in a transaction rolled back at its end.

    Each test runs in a savepoint inside it (pytest-django's `db`), so what one request
    stores (a story's kept render) is gone before the next; no row reaches other modules.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("golden-media"))
    with django_db_blocker.unblock():
        media.enable()
        outer = transaction.atomic()
        outer.__enter__()
        newsroom.build()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        media.disable()


@pytest.fixture
def reader(golden_newsroom, db, client, settings):
    """An anonymous reader at the moment the newsroom is read, the page cache off (the test
    settings' default, pinned here so the environment cannot switch it on)."""
    settings.PAGE_CACHE_SECONDS = 0
    with time_machine.travel(newsroom.NOW, tick=False):
        yield client


def answer(response) -> str:
    """The recorded form of an answer: status, the headers that matter, the body."""
    lines = [f"Status: {response.status_code}"]
    lines += [f"{name}: {response[name]}" for name in HEADERS if response.has_header(name)]
    body = response.content.decode()
    media_type = response.get("Content-Type", "").split(";")[0].strip()
    if media_type == "application/json" or media_type.endswith("+json"):  # the schema too
        body = json.dumps(json.loads(body), indent=2, ensure_ascii=False)
    for pattern, stand_in in PER_REQUEST:
        body = pattern.sub(stand_in, body)
    return "\n".join(lines) + "\n\n" + body.rstrip("\n") + "\n"


@pytest.mark.parametrize(("name", "address"), ADDRESSES, ids=[name for name, _ in ADDRESSES])
def test_every_public_address_answers_as_recorded(reader, name, address):
    """Any change in what readers or API clients get shows as a diff against the recording."""
    got = f"GET {address}\n" + answer(reader.get(address))
    recording = GOLDEN / f"{name}.txt"
    if RECORDING:
        GOLDEN.mkdir(exist_ok=True)
        recording.write_text(got, encoding="utf-8")
        return
    if not recording.exists():
        pytest.fail(
            f"No recording for {address} at {recording.relative_to(GOLDEN.parent.parent)}. "
            f"Record it with `{RECORD_COMMAND}` and review the file before committing it.",
            pytrace=False,
        )
    expected = recording.read_text(encoding="utf-8")
    if got != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            got.splitlines(keepends=True),
            fromfile=f"tests/golden/{name}.txt (recorded)",
            tofile=f"{address} (now)",
        )
        pytest.fail(
            f"{address} no longer answers as recorded. If the change is deliberate, record "
            f"again with `{RECORD_COMMAND}` and commit the new file.\n\n{''.join(diff)}",
            pytrace=False,
        )


def test_every_recording_belongs_to_an_address():
    """A recording whose address was dropped from the list would silently stop being checked."""
    names = {name for name, _ in ADDRESSES}
    orphans = sorted(p.name for p in GOLDEN.glob("*.txt") if p.stem not in names)
    assert not orphans, f"recordings without an address in ADDRESSES: {orphans}"
