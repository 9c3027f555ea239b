"""The W3C Nu HTML checker over pages held in memory: one Java process for all of them.

The checker is the `vnu-jar` package pinned in package-lock.json (`make setup` installs it
under node_modules/) and runs on Java (Debian's default-jre-headless). Starting the JVM costs
seconds, checking a page milliseconds, so pages are written to one folder and checked in a
single run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A checker that has not answered by then is stuck, not slow (a run over 40 pages takes ~5 s).
TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Problem:
    """One error the checker reported: on which page, where, and what."""

    page: str
    message: str
    line: int | None = None
    column: int | None = None
    extract: str = ""

    def __str__(self) -> str:
        where = f"{self.page}, line {self.line}" if self.line else self.page
        if self.column:
            where += f", column {self.column}"
        shown = f"\n      {' '.join(self.extract.split())}" if self.extract else ""
        return f"{where}: {self.message}{shown}"


def why_unavailable() -> str | None:
    """Why the checker cannot run here (what to install), or None when it can."""
    if shutil.which("java") is None:
        return "Java is not installed (Debian: apt-get install default-jre-headless)"
    if not VNU_JAR.is_file():
        return f"the Nu HTML checker is not installed at {VNU_JAR.relative_to(ROOT)} (make setup)"
    return None


def check(pages: Mapping[str, str | bytes], folder: Path) -> list[Problem]:
    """Every error in `pages` ({name: HTML}), each named by its page; [] when all are valid."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, html in pages.items():
        if not re.fullmatch(r"[\w.-]+", name):
            raise ValueError(f"a page name must be usable as a file name: {name!r}")
        path = folder / f"{name}.html"
        path.write_bytes(html.encode() if isinstance(html, str) else html)
        files[path.resolve()] = name
    if not files:
        return []
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--exit-zero-always",
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    try:
        report = json.loads(result.stderr)  # the checker writes its report to standard error
    except json.JSONDecodeError:
        raise RuntimeError(
            f"the Nu HTML checker gave no report (exit {result.returncode}):\n{result.stderr}"
        ) from None
    return [_problem(message, files) for message in report.get("messages", [])]


def _problem(message: dict, files: Mapping[Path, str]) -> Problem:
    url = message.get("url", "")
    page = files.get(Path(unquote(urlsplit(url).path)).resolve(), url) if url else "(no page)"
    return Problem(
        page=page,
        message=message.get("message", str(message)),
        line=message.get("lastLine"),
        column=message.get("firstColumn") or message.get("lastColumn"),
        extract=message.get("extract", ""),
    )
