"""`make bench-http`: the public pages measured over HTTP, against a static file, in one run.

    python -m bench.httpbench [--stories 1000] [--comments 10000] [--seconds 5] [--json PATH]

It builds the bench newsroom (bench/build.py) into a SQLite file that lives as long as the run,
collects the static files, then starts, one at a time on 127.0.0.1, the servers each figure
needs: nginx serving one story page's bytes as a file (the floor), gunicorn with the project's
gunicorn.conf.py and production settings (uncached, with the local-memory page cache, with the
Redis page cache on a throwaway redis-server) and Varnish with deploy/varnish/newsroom.vcl in
front of the Redis-backed application. wrk (16 connections) reads the story, front and archive
pages through each; then the working newsroom (bench/http_newsroom.py: a draft saved every
second, a story published every minute) runs while wrk reads the front page through Varnish
and through the Redis page cache. Every figure is printed with its ratio to the floor measured
in the same run (before and after the rest). Varnish and Redis are skipped, saying so, where
they are not installed; nginx and wrk are required.

gunicorn runs as gunicorn.conf.py says for the database: on SQLite one process with threads
(several processes writing one SQLite file can corrupt it before SQLite 3.51.3, and readers
write stored renders). --workers/--threads override it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VARNISH = ROOT / "deploy" / "varnish"
PORTS = range(6100, 6200)
CONNECTIONS = 16


@dataclass
class Figure:
    """One wrk run: requests per second and latency percentiles in milliseconds."""

    scenario: str
    page: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int = 0  # non-2xx/3xx answers and socket errors

    def ratios(self, floor: Figure) -> dict[str, float]:
        return {
            "rps_x_floor": self.rps / floor.rps,
            "p50_x_floor": self.p50_ms / floor.p50_ms,
            "p99_x_floor": self.p99_ms / floor.p99_ms,
        }


# -- wrk ----------------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def wrk(url: str, seconds: float, scenario: str, page: str) -> Figure:
    done = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s"]
        + ["--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    percentile = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: (.*)$", out, re.MULTILINE)
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if rps is None or set(percentile) != {"50", "99"}:
        raise SystemExit(f"Could not read wrk's report for {url}:\n{out}\n{done.stderr}")
    rps = float(rps.group(1))
    return Figure(scenario, page, rps, _ms(percentile["50"]), _ms(percentile["99"]), errors)


# -- processes ----------------------------------------------------------------------------------


def free_port(taken: set[int]) -> int:
    for port in PORTS:
        if port in taken:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise SystemExit(f"No free port in {PORTS.start}-{PORTS.stop - 1}.")


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{process.args[0]} stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer 200 within {timeout} s:\n{log.read_text()[-3000:]}")


@contextmanager
def running(command: list[str], log: Path, ready: str, **popen: Any) -> Iterator[None]:
    """Run `command` until the block ends, once `ready` (a URL) answers 200."""
    with log.open("a") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, **popen)
    try:
        wait_for(ready, process, log)
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tool(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")


class Bench:
    def __init__(self, options: argparse.Namespace, folder: Path) -> None:
        self.options = options
        self.folder = folder
        self.taken: set[int] = set()
        self.figures: list[Figure] = []
        self.notes: list[str] = []
        self.env = {
            name: value
            for name, value in os.environ.items()
            if name not in {"DATABASE_URL", "REDIS_URL", "CACHE_URL", "FRONTEND_CACHE_URLS"}
            and not name.startswith(("PYTEST_", "PAGE_CACHE", "GUNICORN_", "WEB_CONCURRENCY"))
        }
        self.env.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
            DEBUG="0",
            SECRET_KEY=secrets.token_urlsafe(50),
            PLAIN_HTTP="1",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            STATIC_ROOT=str(folder / "static"),
            MEDIA_ROOT=str(folder / "media"),
            LOG_LEVEL="WARNING",
            NEWSROOM_API_THROTTLE_RATE="",
        )
        if options.workers:
            self.env["WEB_CONCURRENCY"] = str(options.workers)
        if options.threads:
            self.env["GUNICORN_THREADS"] = str(options.threads)

    def python(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def say(self, message: str) -> None:
        print(message, flush=True)

    # -- the newsroom ---------------------------------------------------------------------------

    def build(self) -> dict[str, Any]:
        options = self.options
        self.python("manage.py", "migrate", "--noinput", "-v0")
        self.python("manage.py", "collectstatic", "--noinput", "-v0")
        self.say(f"Building {options.stories:,} stories and {options.comments:,} comments")
        output = self.python(
            "-m",
            "bench.http_newsroom",
            "build",
            f"--stories={options.stories}",
            f"--comments={options.comments}",
        )
        newsroom = json.loads(output.strip().splitlines()[-1])
        self.say(f"Built {newsroom['rows']:,} rows in {newsroom['build_seconds']} s")
        return newsroom

    @contextmanager
    def app(self, name: str, **env: str) -> Iterator[str]:
        """gunicorn (gunicorn.conf.py) with these settings; yields its address."""
        port = free_port(self.taken)
        address = f"http://127.0.0.1:{port}"
        command = [str(Path(sys.executable).parent / "gunicorn"), "--no-control-socket"]
        with running(
            command,
            self.folder / f"gunicorn-{name}.log",
            f"{address}/healthz",
            cwd=ROOT,
            env={**self.env, "GUNICORN_BIND": f"127.0.0.1:{port}", **env},
        ):
            yield address

    @contextmanager
    def nginx(self, body: bytes) -> Iterator[str]:
        """nginx serving `body` as a static file: the floor."""
        port = free_port(self.taken)
        (self.folder / "floor").mkdir(exist_ok=True)
        (self.folder / "floor" / "story.html").write_bytes(body)
        config = self.folder / "nginx.conf"
        config.write_text(
            f"""worker_processes auto;
pid {self.folder}/nginx.pid;
error_log {self.folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {self.folder}/nginx-body;
    proxy_temp_path {self.folder}/nginx-proxy;
    fastcgi_temp_path {self.folder}/nginx-fastcgi;
    uwsgi_temp_path {self.folder}/nginx-uwsgi;
    scgi_temp_path {self.folder}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port};
        root {self.folder}/floor;
        default_type text/html;
    }}
}}
"""
        )
        address = f"http://127.0.0.1:{port}"
        with running(
            [tool("nginx"), "-c", str(config), "-p", str(self.folder), "-g", "daemon off;"],
            self.folder / "nginx.log",
            f"{address}/story.html",
        ):
            yield f"{address}/story.html"

    @contextmanager
    def redis(self) -> Iterator[str | None]:
        server = tool("redis-server")
        if server is None:
            self.notes.append("redis-server is not installed: no Redis page cache figures.")
            yield None
            return
        port = free_port(self.taken)
        log = self.folder / "redis.log"
        with log.open("a") as out:
            process = subprocess.Popen(
                [server, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
                + ["--appendonly", "no", "--dir", str(self.folder)],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            deadline = time.monotonic() + 10
            while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit(f"redis-server did not start:\n{log.read_text()}")
                time.sleep(0.1)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=30)

    @contextmanager
    def varnish(self, port: int, backend: str) -> Iterator[str | None]:
        """varnishd (foreground) with the shipped VCL in front of `backend`, on `port`."""
        varnishd = tool("varnishd")
        if varnishd is None:
            self.notes.append("varnishd is not installed: no Varnish figures.")
            yield None
            return
        backend_port = backend.rsplit(":", 1)[1]
        vcl = subprocess.run(
            ["bash", str(VARNISH / "backend-vcl.sh"), "127.0.0.1", backend_port, "127.0.0.1"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (self.folder / "backend.vcl").write_text(vcl)
        address = f"http://127.0.0.1:{port}"
        command = [
            varnishd,
            "-F",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(VARNISH / "newsroom.vcl"),
            "-p",
            f"vcl_path={self.folder}:{VARNISH}",
            "-n",
            str(self.folder / "varnish"),
            "-s",
            "malloc,256m",
        ]
        with running(command, self.folder / "varnishd.log", f"{address}/"):
            yield address

    # -- measuring ------------------------------------------------------------------------------

    def measure(self, scenario: str, base: str, pages: dict[str, str]) -> None:
        for page, path in pages.items():
            for _ in range(3):  # warm: stored renders, caches
                urllib.request.urlopen(base + path, timeout=60).read()
            wrk(base + path, 1, scenario, page)  # and the connections
            figure = wrk(base + path, self.options.seconds, scenario, page)
            self.figures.append(figure)
            self.say(
                f"  {scenario:<34} {page:<8} {figure.rps:>9,.0f} req/s  "
                f"p50 {figure.p50_ms:7.2f} ms  p99 {figure.p99_ms:7.2f} ms"
                + (f"  ({figure.errors} errors)" if figure.errors else "")
            )

    def working(self, scenario: str, base: str, env: dict[str, str]) -> dict[str, Any]:
        """wrk on the front page while the working newsroom writes; returns the writer's
        report."""
        seconds = self.options.working_seconds
        writer = subprocess.Popen(
            [sys.executable, "-m", "bench.http_newsroom", "work", f"--seconds={seconds}"],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)  # its Django start-up and first save, before wrk starts
        figure = wrk(base + "/", seconds - 4, scenario, "front")
        out, err = writer.communicate(timeout=120)
        if writer.returncode != 0:
            raise SystemExit(f"The working newsroom failed:\n{err[-3000:]}")
        report = json.loads(out.strip().splitlines()[-1])
        self.figures.append(figure)
        self.say(
            f"  {scenario:<34} front    {figure.rps:>9,.0f} req/s  p50 {figure.p50_ms:7.2f} ms"
            f"  p99 {figure.p99_ms:7.2f} ms  (drafts saved {report['drafts_saved']}, "
            f"published {report['stories_published']})"
            + (f"  ({figure.errors} errors)" if figure.errors else "")
        )
        return report

    def run(self) -> dict[str, Any]:
        newsroom = self.build()
        pages = {
            "story": f"/articles/{newsroom['typical_story']}/",
            "front": "/",
            "archive": "/articles/",
        }
        floors: list[Figure] = []
        writers: dict[str, Any] = {}
        with self.app("uncached", PAGE_CACHE_SECONDS="0") as app:
            body = urllib.request.urlopen(app + pages["story"], timeout=60).read()
            with self.nginx(body) as floor_url:
                self.say("Measuring (wrk, 16 connections):")
                floors.append(wrk(floor_url, self.options.seconds, "floor (nginx, static)", "file"))
                self.say(
                    f"  floor (nginx, a file)                       {floors[0].rps:>9,.0f} req/s"
                )
                self.measure("uncached", app, pages)
        with self.app("locmem", PAGE_CACHE_SECONDS="600") as app:
            self.measure("page cache, local memory", app, pages)
        # Varnish's port is known before it starts: the application purges it from the start.
        varnish_port = free_port(self.taken)
        purges = {"FRONTEND_CACHE_URLS": f"http://127.0.0.1:{varnish_port}/"}
        if tool("varnishd") is None:
            purges = {}
        with self.redis() as redis_url:
            shared = {"REDIS_URL": redis_url, **purges} if redis_url else dict(purges)
            name = "page cache, Redis" if redis_url else "page cache (no Redis)"
            with self.app("redis", PAGE_CACHE_SECONDS="600", **shared) as app:
                self.measure(name, app, pages)
                # Varnish in front of it; the app purges Varnish after each change.
                with self.varnish(varnish_port, app) as varnish:
                    if varnish:
                        self.measure("Varnish", varnish, pages)
                        writers["Varnish"] = self.working(
                            "Varnish, working newsroom", varnish, shared
                        )
                    writers[name] = self.working(f"{name}, working newsroom", app, shared)
        # The floor again, after everything else.
        with self.nginx((self.folder / "floor" / "story.html").read_bytes()) as floor_url:
            floors.append(wrk(floor_url, self.options.seconds, "floor (nginx, static)", "file"))
        return {"newsroom": newsroom, "floors": floors, "writers": writers}


# -- the report ---------------------------------------------------------------------------------


def floor_of(floors: list[Figure]) -> Figure:
    """The floor the ratios use: the mean of the runs before and after the rest."""
    count = len(floors)
    return Figure(
        "floor (nginx, static)",
        "file",
        sum(f.rps for f in floors) / count,
        sum(f.p50_ms for f in floors) / count,
        sum(f.p99_ms for f in floors) / count,
        sum(f.errors for f in floors),
    )


def table(figures: list[Figure], floor: Figure) -> str:
    lines = [
        "| scenario | page | requests/s | × floor | p50 ms | × floor | p99 ms | × floor |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for figure in [floor, *figures]:
        ratio = figure.ratios(floor)
        errors = f" ({figure.errors} errors)" if figure.errors else ""
        lines.append(
            f"| {figure.scenario}{errors} | {figure.page} | {figure.rps:,.0f} "
            f"| {ratio['rps_x_floor']:.2g} | {figure.p50_ms:.2f} | {ratio['p50_x_floor']:.1f} "
            f"| {figure.p99_ms:.2f} | {ratio['p99_x_floor']:.1f} |"
        )
    return "\n".join(lines)


def targets(figures: list[Figure], floor: Figure) -> list[str]:
    """The issue's targets, each with the figures it compares."""
    by = {(f.scenario, f.page): f for f in figures}
    lines = []
    for page in ("story", "front"):
        if ("Varnish", page) in by:
            ratio = by["Varnish", page].rps / floor.rps
            verdict = "met" if ratio >= 0.5 else "NOT met"
            lines.append(f"Varnish {page}: {ratio:.2f}× the floor's requests/s (>= 0.5: {verdict})")
    for page in ("story", "front", "archive"):
        redis, local = (
            by.get(("page cache, Redis", page)),
            by.get(("page cache, local memory", page)),
        )
        if redis and local:
            ratio = redis.rps / local.rps
            verdict = "met" if ratio >= 0.8 else "NOT met"
            lines.append(f"Redis page cache {page}: {ratio:.2f}× local memory (>= 0.8: {verdict})")
    for quiet_name in ("Varnish", "page cache, Redis"):
        quiet, busy = (
            by.get((quiet_name, "front")),
            by.get((f"{quiet_name}, working newsroom", "front")),
        )
        if quiet and busy:
            ratio = busy.p99_ms / quiet.p99_ms
            verdict = "met" if ratio <= 1.5 else "NOT met"
            lines.append(
                f"{quiet_name}, working newsroom: front p99 {ratio:.2f}× the quiet figure "
                f"(<= 1.5: {verdict})"
            )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.httpbench", description=__doc__)
    parser.add_argument("--stories", type=int, default=1_000, help="default 1,000")
    parser.add_argument("--comments", type=int, default=10_000, help="default 10,000")
    parser.add_argument("--seconds", type=float, default=5, help="each wrk run (default 5)")
    parser.add_argument(
        "--working-seconds", type=float, default=65, help="each working-newsroom run (65)"
    )
    parser.add_argument("--workers", type=int, help="gunicorn processes (gunicorn.conf.py's)")
    parser.add_argument("--threads", type=int, help="gunicorn threads (gunicorn.conf.py's)")
    parser.add_argument("--json", dest="json_path", help="also write the results here")
    options = parser.parse_args(argv)
    missing = [name for name in ("wrk", "nginx") if tool(name) is None]
    if missing:
        raise SystemExit(f"Needs {' and '.join(missing)}: apt-get install wrk nginx-light")
    if options.working_seconds < 10:
        raise SystemExit("--working-seconds must be at least 10.")
    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-http-"))
    folder.chmod(0o755)  # nginx's and varnishd's own users read from it
    try:
        bench = Bench(options, folder)
        result = bench.run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    floor = floor_of(result["floors"])
    print()
    print(
        f"{options.stories:,} stories, {options.comments:,} comments; floor "
        + " and ".join(f"{f.rps:,.0f}" for f in result["floors"])
        + " req/s (before, after; the ratios use the mean)"
    )
    print(table(bench.figures, floor))
    print()
    for line in targets(bench.figures, floor) + bench.notes:
        print(line)
    if options.json_path:
        report = {
            "stories": options.stories,
            "comments": options.comments,
            "seconds": options.seconds,
            "connections": CONNECTIONS,
            "newsroom": result["newsroom"],
            "floors": [asdict(f) for f in result["floors"]],
            "figures": [{**asdict(f), **f.ratios(floor)} for f in bench.figures],
            "working_newsroom": result["writers"],
            "targets": targets(bench.figures, floor),
            "notes": bench.notes,
        }
        Path(options.json_path).write_text(json.dumps(report, indent=2) + "\n")
        print(f"Wrote {options.json_path}")


if __name__ == "__main__":
    main()
