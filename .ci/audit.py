"""Dependency audit (SECURITY.md G4): pip-audit on the installed environment.

Fails on any known vulnerability. When no vulnerability service answers for a package (this
machine reaches the package index but not the advisory data), says so plainly and passes, so a
network gap is reported, never mistaken for a clean audit, and never fails the build by itself.
"""

import json
import subprocess
import sys
from pathlib import Path

pip_audit = Path(sys.executable).with_name("pip-audit")
result = subprocess.run(
    [str(pip_audit), "--skip-editable", "--progress-spinner=off", "--format=json"],
    capture_output=True,
    text=True,
)
try:
    report = json.loads(result.stdout)
except json.JSONDecodeError:
    last = (result.stderr.strip().splitlines() or ["no output"])[-1]
    print(f"dependency audit NOT RUN: pip-audit could not reach its service ({last[:200]})")
    sys.exit(0)

packages = report.get("dependencies", [])
audited = [p for p in packages if "skip_reason" not in p]
vulnerable = [p for p in audited if p.get("vulns")]
for package in vulnerable:
    ids = ", ".join(v["id"] for v in package["vulns"])
    print(f"VULNERABLE {package['name']} {package['version']}: {ids}")
if vulnerable:
    sys.exit(1)
if not audited:
    print(
        f"dependency audit NOT RUN: no advisory data reachable for any of {len(packages)} "
        "packages (run pip-audit where PyPI's JSON API or OSV answers)"
    )
else:
    print(f"dependency audit: {len(audited)} of {len(packages)} packages audited, none vulnerable")
