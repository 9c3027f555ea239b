"""`manage.py bench` builds its own newsroom, times every page cold and warm, and says so."""

import json

from tests import processes

PAGES = [
    "front",
    "story, 200 comments",
    "story",
    "archive page 1",
    "archive page 3",
    "archive filtered",
    "search",
    "section",
    "tag",
    "author",
    "person",
    "rss",
    "atom",
    "rss, section",
    "sitemap index",
    "sitemap, stories",
    "api stories",
    "api story",
]


def test_a_small_benchmark_prints_and_writes_its_table(tmp_path):
    report = tmp_path / "bench.json"
    result = processes.manage(
        "bench",
        "--stories",
        "50",
        "--comments",
        "200",
        "--runs",
        "2",
        "--json",
        str(report),
        DEBUG="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("Built ") and "50 stories" in line for line in lines)
    rows = [line.split() for line in lines if line.split()[-1:] and line[:1].isalpha()]
    for page in PAGES:
        modes = [row[len(page.split())] for row in rows if row[: len(page.split())] == page.split()]
        assert modes == ["cold", "warm"], page
    data = json.loads(report.read_text())
    assert (data["stories"], data["comments"]) == (50, 200)
    assert data["build_seconds"] > 0
    assert data["machine"]["cpus"] >= 1
    results = {(r["page"], r["mode"]): r for r in data["results"]}
    assert results[("floor", "floor")]["floor_multiple"] == 1.0
    for page in PAGES:
        cold, warm = results[(page, "cold")], results[(page, "warm")]
        assert warm["queries"] == 0, page
        assert 0 < cold["queries"] <= 8, page
        assert cold["bytes"] == warm["bytes"] > 0, page
        assert cold["median_ms"] > 0 and cold["p95_ms"] >= cold["median_ms"], page
    # A story read since its last change comes from its stored render; after a change it is
    # rendered afresh, every time, and costs more queries (still within the budget).
    changed = results[("story, after a change", "cold")]
    assert ("story, after a change", "warm") not in results
    assert results[("story", "cold")]["queries"] < changed["queries"] <= 8
    assert changed["bytes"] == results[("story", "cold")]["bytes"]
