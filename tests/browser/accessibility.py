"""axe-core run inside the page (axe-playwright-python bundles axe.min.js; no network).

Serious and critical violations fail the test; minor and moderate ones are listed in the run's
summary. The page keeps its Content-Security-Policy: axe is injected with page.evaluate (the
DevTools protocol, which a page's CSP does not govern), so no `bypass_csp` is needed.
"""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING = {"serious", "critical"}


def audit(page: Page, name: str, artefacts: Path, notes: list[str]) -> list[str]:
    """Run axe on the page as it is now; return the blocking violations, one line each.

    The full report is saved as test-results/axe/<name>.json."""
    results = Axe().run(page)
    folder = artefacts / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    results.save_to_file(folder / f"{name}.json", violations_only=True)
    blocking = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        line = (
            f"{name}: {violation['id']} ({violation['impact']}, {len(violation['nodes'])}×) "
            f"{violation['help']} — {targets}"
        )
        (blocking if violation["impact"] in BLOCKING else notes).append(line)
    return blocking
