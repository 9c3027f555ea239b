"""axe-core run inside the page (axe-playwright-python bundles axe.min.js; no network).

Serious and critical violations fail the test; minor and moderate ones are listed in the run's
summary. The page keeps its Content-Security-Policy: axe is injected with page.evaluate (the
DevTools protocol, which a page's CSP does not govern), so no `bypass_csp` is needed. axe runs
without its CSSOM preload: that re-creates @import-ed stylesheets (the Django admin's forms.css
imports widgets.css) as <style> elements in the page, which the CSP rightly refuses and the
browser tests' CSP guard would report as the page's own. The one rule it serves,
css-orientation-lock, has nothing to find: no stylesheet of ours has an orientation query.
"""

from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

BLOCKING = {"serious", "critical"}
AXE_OPTIONS = {"resultTypes": ["violations"], "preload": False}

# Markup that is not ours and cannot be changed from outside, per axe rule: listed in the
# summary, not failed. Select2 (the admin's autocomplete, in the story editor) puts its
# "remove all" × as a <span> inside its <ul> of chosen items.
NOT_OURS = {"list": ".select2-selection__rendered"}


def audit(page: Page, name: str, artefacts: Path, notes: list[str]) -> list[str]:
    """Run axe on the page as it is now; return the blocking violations, one line each.

    The full report is saved as test-results/axe/<name>.json."""
    results = Axe().run(page, options=AXE_OPTIONS)
    folder = artefacts / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    results.save_to_file(folder / f"{name}.json", violations_only=True)
    blocking = []
    for violation in results.response["violations"]:
        ours = [node for node in violation["nodes"] if not _not_ours(page, violation, node)]
        theirs = [node for node in violation["nodes"] if node not in ours]
        for nodes, whose in ((ours, ""), (theirs, " (not our markup)")):
            if not nodes:
                continue
            targets = ", ".join(" ".join(node["target"]) for node in nodes[:5])
            line = (
                f"{name}: {violation['id']} ({violation['impact']}, {len(nodes)}×){whose} "
                f"{violation['help']} — {targets}"
            )
            blocking_here = violation["impact"] in BLOCKING and not whose
            (blocking if blocking_here else notes).append(line)
    return blocking


def _not_ours(page: Page, violation: dict, node: dict) -> bool:
    selector = NOT_OURS.get(violation["id"])
    if selector is None or len(node["target"]) != 1:
        return False
    return page.locator(node["target"][0]).evaluate("(e, s) => e.matches(s)", selector)
