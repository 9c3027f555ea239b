"""The frontend cache: a real varnishd running deploy/varnish/newsroom.vcl in front of the real
application (gunicorn on a throwaway SQLite newsroom with the demo content).

Content changes are made from `manage.py shell -c` processes with the application's settings,
so each purge comes from the application after its commit, as in production. Skipped where
varnishd is missing, except under REQUIRE_VARNISH=1 (set by .ci/run), where that is a
failure. They take about a minute, so CI runs them once, in its SQLite pass.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VCL_FOLDER = ROOT / "deploy" / "varnish"
BIN = Path(sys.executable).parent
PORTS = range(6120, 6200)  # kept clear of the usual 8000 and Varnish's own 6081


def _varnish_tool(name: str) -> str:
    """varnishd lives in /usr/sbin, which is not on every PATH; its tools in /usr/bin."""
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin") or ""


@pytest.fixture(scope="module")
def varnishd() -> str:
    """Skip (or, under REQUIRE_VARNISH=1, fail) where varnishd is missing."""
    found = _varnish_tool("varnishd")
    if found:
        return found
    reason = "varnishd not found: install Debian's varnish and varnish-modules packages"
    if os.environ.get("REQUIRE_VARNISH", "").strip().lower() in {"1", "true", "yes", "on"}:
        pytest.fail(f"{reason}; REQUIRE_VARNISH=1 makes this a failure", pytrace=False)
    pytest.skip(reason)


_handed_out: set[int] = set()


def free_port() -> int:
    """A port nothing listens on, and not handed out before (its server may not be up yet)."""
    for port in PORTS:
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            _handed_out.add(port)
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port} after 30 s:\n{log.read_text()[-3000:]}")


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names
    body: str

    @property
    def cache(self) -> str:
        return self.headers.get("x-cache", "")


class Site:
    """gunicorn on APP_PORT and Varnish on VARNISH_PORT, in one scratch folder."""

    def __init__(self, folder: Path, varnishd: str) -> None:
        self.folder = folder
        self.varnishd = varnishd
        self.app_port = free_port()
        self.app: subprocess.Popen | None = None
        self.varnish_port = 0
        self.stories: dict[str, list[list]] = {}  # by status: [id, slug, headline]
        self.work = folder / "varnish"
        self.env = {
            name: value
            for name, value in os.environ.items()
            # The application must run with its own settings, not the test suite's.
            if not name.startswith(("PYTEST_", "DJANGO_", "PG"))
            and name not in {"DATABASE_URL", "REDIS_URL", "CACHE_URL", "PYTEST_VERSION"}
        }
        self.env.update(
            DEBUG="1",  # load_demo needs it; static files are then served without collectstatic
            DATABASE_URL=f"sqlite:///{folder / 'newsroom.sqlite3'}",
            MEDIA_ROOT=str(folder / "media"),
            PAGE_CACHE_SECONDS="0",  # Varnish is the cache under test
            TRUSTED_PROXIES="127.0.0.1",
            GUNICORN_BIND=f"127.0.0.1:{self.app_port}",
            WEB_CONCURRENCY="1",
            GUNICORN_THREADS="4",
        )

    # -- the processes ---------------------------------------------------------------------

    def start_varnish(self) -> None:
        self.varnish_port = free_port()
        self.env["FRONTEND_CACHE_URLS"] = f"http://127.0.0.1:{self.varnish_port}/"
        backend = subprocess.run(
            ["bash", str(VCL_FOLDER / "backend-vcl.sh"), "127.0.0.1", str(self.app_port)]
            + ["127.0.0.1"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (self.folder / "backend.vcl").write_text(backend)
        log = self.folder / "varnishd.log"
        with log.open("w") as out:
            subprocess.run(
                [
                    self.varnishd,
                    "-a",
                    f"127.0.0.1:{self.varnish_port}",
                    "-f",
                    str(VCL_FOLDER / "newsroom.vcl"),
                    "-p",
                    f"vcl_path={self.folder}:{VCL_FOLDER}",
                    "-n",
                    str(self.work),
                    "-P",
                    str(self.folder / "varnishd.pid"),
                    "-s",
                    "malloc,64m",
                ],
                check=True,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def stop_varnish(self) -> None:
        pid_file = self.folder / "varnishd.pid"
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
            pid_file.unlink()

    def start_app(self, **env: str) -> None:
        log = self.folder / "gunicorn.log"
        self.app = subprocess.Popen(
            [str(BIN / "gunicorn"), "--no-control-socket"],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=log.open("a"),
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.app_port, self.app, log)
        self.wait_until_healthy(True)

    def stop_app(self) -> None:
        if self.app is not None:
            self.app.terminate()
            self.app.wait(timeout=30)
            self.app = None

    def wait_until_healthy(self, healthy: bool) -> None:
        """Until Varnish's probe of /healthz agrees the application is up (or down)."""
        wanted = "healthy" if healthy else "sick"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            listing = subprocess.run(
                [_varnish_tool("varnishadm"), "-n", str(self.work)] + ["backend.list"],
                capture_output=True,
                text=True,
            ).stdout
            if any(wanted in line.split() for line in listing.splitlines()[1:]):
                return
            time.sleep(0.2)
        log = (self.folder / "gunicorn.log").read_text()[-3000:]
        raise AssertionError(f"the backend never became {wanted}:\n{listing}\n{log}")

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def shell(self, code: str) -> str:
        """Run `code` in the application's own process kind: it commits, then purges.
        Returns the last line `code` printed (log lines go to stdout too)."""
        lines = self.manage("shell", "-c", code).strip().splitlines()
        return lines[-1] if lines else ""

    # -- requests --------------------------------------------------------------------------

    def get(self, path: str, *, cookie: str = "", source: str = "127.0.0.1", **headers: str):
        if cookie:
            headers["Cookie"] = cookie
        return self.request("GET", path, source=source, headers=headers)

    def purge(self, keys: str, *, source: str) -> Answer:
        return self.request("PURGE", "/", source=source, headers={"xkey-purge": keys})

    def request(self, method: str, path: str, *, source: str, headers: dict[str, str]) -> Answer:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.varnish_port, timeout=30, source_address=(source, 0)
        )
        try:
            connection.request(method, path, headers={"Host": "127.0.0.1", **headers})
            response = connection.getresponse()
            body = response.read().decode()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
        finally:
            connection.close()

    def purges_received(self) -> int:
        """PURGE requests Varnish has logged so far (its shared-memory log)."""
        logged = subprocess.run(
            [_varnish_tool("varnishlog"), "-d", "-n", str(self.work)]
            + ["-g", "request", "-q", 'ReqMethod eq "PURGE"', "-i", "ReqMethod"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return sum(1 for line in logged.splitlines() if "PURGE" in line)

    def cached(self, path: str) -> Answer:
        """`path` through Varnish until it is a hit (a miss first, unless it was cached)."""
        answer = self.get(path)
        if answer.cache != "HIT":
            answer = self.get(path)
        assert answer.status == 200, (path, answer.status)
        assert answer.cache == "HIT", (path, answer.headers)
        return answer


STORIES = """
import json
from articles.models import Article
lists = {
    "published": Article.objects.published(),
    "review": Article.objects.filter(status="review"),
    "draft": Article.objects.filter(status="draft"),
}
print(json.dumps({
    name: [[a.pk, a.slug, a.headline] for a in stories.order_by("pk")]
    for name, stories in lists.items()
}))
"""


@pytest.fixture(scope="module")
def site(varnishd: str) -> Iterator[Site]:
    folder = Path(tempfile.mkdtemp(prefix="newsroom-varnish-test-"))
    folder.chmod(0o755)  # varnishd's own users read the VCL and keep their work folder here
    site = Site(folder, varnishd)
    try:
        site.manage("migrate", "--noinput", "-v0")
        site.manage("load_demo")
        site.start_varnish()
        site.start_app()
        site.stories = json.loads(site.shell(STORIES))
        yield site
    finally:
        site.stop_app()
        site.stop_varnish()
        shutil.rmtree(folder, ignore_errors=True)


def published(site: Site, index: int = 0) -> tuple[int, str, str]:
    pk, slug, headline = site.stories["published"][index]
    return pk, f"/articles/{slug}/", headline


def test_a_story_is_served_from_varnish_with_its_keys_kept_there(site):
    _, path, headline = published(site, 0)
    first = site.get(path)
    assert first.status == 200 and first.cache == "MISS"
    second = site.get(path)
    assert second.cache == "HIT" and second.body == first.body and headline in second.body
    # Browsers revalidate; the content keys and the surrogate lifetime stay in Varnish.
    assert "no-cache" in second.headers["cache-control"]
    assert "xkey" not in second.headers and "surrogate-control" not in second.headers
    again = site.get(path, **{"If-None-Match": second.headers["etag"]})
    assert again.status == 304 and again.cache == "HIT"
    # A cookie the application does not read does not split the cache.
    assert site.get(path, cookie="_ga=GA1.1.123").cache == "HIT"


def test_a_published_change_shows_through_varnish_on_the_next_request(site):
    pk, path, headline = published(site, 1)
    site.cached(path)
    site.cached("/")
    purges = site.purges_received()
    new_headline = f"{headline} (updated)"
    site.shell(
        "from django.contrib.auth import get_user_model\n"
        "from articles import editing\n"
        "from articles.models import Article\n"
        f"story = Article.objects.get(pk={pk})\n"
        f"story.headline = {new_headline!r}\n"
        "editor = get_user_model().objects.get(username='editor')\n"
        "editing.save(story, editor, expected_version=story.version, change=editing.UPDATE)\n"
    )
    assert site.purges_received() > purges
    story = site.get(path)
    assert story.cache == "MISS" and new_headline in story.body
    front = site.get("/")
    assert front.cache == "MISS" and new_headline in front.body


def test_publishing_a_story_shows_it_on_the_front_page_at_once(site):
    pk, slug, headline = site.stories["review"][0]
    site.cached("/")
    assert site.get(f"/articles/{slug}/").status == 404
    site.shell(
        "from django.contrib.auth import get_user_model\n"
        "from articles import workflow\n"
        "from articles.models import Article\n"
        "editor = get_user_model().objects.get(username='editor')\n"
        f"workflow.publish(Article.objects.get(pk={pk}), editor)\n"
    )
    assert headline in site.get("/").body
    assert site.get(f"/articles/{slug}/").status == 200


def test_a_scheduled_story_shows_through_varnish_once_its_time_has_come(site):
    headline = "Harbour ferry timetable changes from Monday"
    site.shell(
        "from datetime import timedelta\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.utils import timezone\n"
        "from articles import editing, workflow\n"
        "from articles.models import Article, KeyTakeaway, Section\n"
        "users = get_user_model().objects\n"
        "reporter, editor = users.get(username='reporter'), users.get(username='editor')\n"
        "def takeaway(story):\n"
        "    KeyTakeaway.objects.create(article=story, text='Sailings move by ten minutes.')\n"
        "story = editing.create(reporter, takeaway, headline="
        f"{headline!r}, standfirst='The timetable changes.', section=Section.objects.first())\n"
        "workflow.submit(story, reporter)\n"
        "at = timezone.now() + timedelta(seconds=4)\n"
        "workflow.publish(Article.objects.get(pk=story.pk), editor, at=at)\n"
    )
    started = time.monotonic()
    assert headline not in site.cached("/").body
    time.sleep(max(0.0, started + 5 - time.monotonic()))
    assert headline in site.get("/").body


def test_a_draft_save_purges_nothing(site):
    _, path, _ = published(site, 0)
    pk, _, headline = site.stories["draft"][0]
    site.cached(path)
    site.cached("/")
    purges = site.purges_received()
    site.shell(
        "from articles import editing\n"
        "from articles.models import Article\n"
        f"story = Article.objects.get(pk={pk})\n"
        f"story.headline = {headline + ' (draft edit)'!r}\n"
        "editing.save(story, story.created_by, expected_version=story.version)\n"
        f"assert Article.objects.get(pk={pk}).headline.endswith('(draft edit)')\n"
    )
    assert site.purges_received() == purges
    assert site.get(path).cache == "HIT"
    assert site.get("/").cache == "HIT"


def test_a_purge_from_an_address_outside_the_acl_is_refused(site):
    pk, path, _ = published(site, 2)
    site.cached(path)
    refused = site.purge(f"all story:{pk}", source="127.0.0.2")
    assert refused.status == 403
    assert site.get(path).cache == "HIT"
    # The same purge from the application's address (in the ACL) goes through.
    accepted = site.purge(f"story:{pk}", source="127.0.0.1")
    assert accepted.status == 200 and int(accepted.headers["xkey-purged"]) >= 1
    assert site.get(path).cache == "MISS"


def test_other_methods_than_reading_and_purging_are_refused(site):
    assert site.request("BAN", "/", source="127.0.0.1", headers={}).status == 405


def test_staff_with_a_session_never_get_a_cached_page(site):
    _, path, _ = published(site, 0)
    _, slug, headline = site.stories["review"][-1]
    session = site.shell(
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "client = Client()\n"
        "client.force_login(get_user_model().objects.get(username='editor'))\n"
        "print(client.cookies['sessionid'].value)\n"
    ).strip()
    cookie = f"sessionid={session}"
    site.cached(path)
    for _ in range(2):
        staff = site.get(path, cookie=cookie)
        assert staff.status == 200 and staff.cache == "MISS"
        assert "private" in staff.headers["cache-control"]
    # The staff preview of a story in review is theirs alone: readers still get a 404.
    preview = site.get(f"/articles/{slug}/", cookie=cookie)
    assert preview.status == 200 and headline in preview.body
    assert site.get(f"/articles/{slug}/").status == 404
    # The CSRF and messages cookies pass too, as do credentials.
    assert site.get(path, cookie="csrftoken=abc").cache == "MISS"
    assert site.get(path, cookie="messages=abc").cache == "MISS"
    assert site.get(path, Authorization="Basic ZWRpdG9yOng=").cache == "MISS"


def test_the_admin_and_the_comment_form_are_never_cached(site):
    pk, path, _ = published(site, 0)
    slug = path.split("/")[2]
    for address in ("/admin/login/", f"/articles/{slug}/comments/", f"/comments/token/{pk}/"):
        for _ in range(2):
            answer = site.get(address)
            assert answer.status == 200, (address, answer.status)
            assert answer.cache == "MISS", address
    assert site.get("/healthz").cache == "MISS"


def test_with_the_application_stopped_varnish_still_serves_the_cached_story(site):
    # Pages that live one second, so the story below is past its lifetime when the app stops.
    site.stop_app()
    site.start_app(FRONTEND_CACHE_SECONDS="1")
    _, path, headline = published(site, 3)
    _, fresh_path, _ = published(site, 0)
    site.purge("all", source="127.0.0.1")
    cached = site.cached(path)
    time.sleep(1.5)
    site.stop_app()
    # Before the probe notices, the copy is served and revalidated in the background; that
    # fetch fails and must not replace it: once the probe notices, the copy is still served.
    answer = site.get(path)
    assert answer.status == 200 and answer.body == cached.body and headline in answer.body
    site.wait_until_healthy(False)
    answer = site.get(path)
    assert answer.status == 200 and answer.body == cached.body and answer.cache == "HIT"
    # A page never cached cannot be served.
    assert site.get(fresh_path).status == 503
