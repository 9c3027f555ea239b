"""The Content-Security-Policy stays strict: the configured policy allows scripts and styles only
from our own files, and no template or script of ours needs anything the policy forbids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from newsroom.csp import directives

BASE = Path(settings.BASE_DIR)
TEMPLATE_FOLDERS = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]] + [
    BASE / app / "templates" for app in settings.INSTALLED_APPS if (BASE / app).is_dir()
]
OUR_SCRIPTS = BASE / "static"
VENDORED = OUR_SCRIPTS / "vendor"

# Sources that would let injected markup run or style the page.
LOOSE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "blob:"}
LOOSE_SCHEMES = {"http:", "https:"}


def test_scripts_and_styles_come_only_from_our_own_origin():
    policy = directives(settings.CONTENT_SECURITY_POLICY)
    for directive in ("script-src", "style-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]


@pytest.mark.parametrize("directive", ["default-src", "script-src", "style-src", "img-src"])
def test_no_directive_allows_unsafe_sources_wildcards_or_data(directive):
    sources = set(directives(settings.CONTENT_SECURITY_POLICY).get(directive, []))
    assert not sources & (LOOSE_SOURCES | LOOSE_SCHEMES), directive


def test_no_unsafe_keyword_anywhere_in_the_policy():
    assert "unsafe" not in settings.CONTENT_SECURITY_POLICY.lower()


def test_the_policy_checker_sees_a_loose_policy(settings):
    """The checks above can fail: a policy with 'unsafe-inline' trips them."""
    settings.CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' *"
    sources = set(directives(settings.CONTENT_SECURITY_POLICY)["script-src"])
    assert sources & LOOSE_SOURCES == {"'unsafe-inline'", "*"}


# -- templates --------------------------------------------------------------------------------

# <script> types a browser runs; JSON and JSON-LD are data (the CSP does not apply to them).
DATA_SCRIPT = re.compile(r"""type\s*=\s*["']application/(ld\+)?json["']""", re.I)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
# An attribute inside a tag: style="…" or an event handler such as onclick="…".
INLINE_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(style|on[a-z]+)\s*=", re.S)


def inline_code(text: str) -> list[str]:
    """What the CSP would block in one template: inline script bodies, <style> elements,
    style="" attributes and on…="" handlers."""
    found = []
    for match in SCRIPT_TAG.finditer(text):
        attributes = match.group(1)
        if "src=" not in attributes and not DATA_SCRIPT.search(attributes):
            found.append(f"inline <script{attributes}>")
    found += ["<style> element" for _ in STYLE_ELEMENT.finditer(text)]
    found += [f'{match.group(1)}="…" attribute' for match in INLINE_ATTRIBUTE.finditer(text)]
    return found


def our_templates() -> list[Path]:
    return sorted(
        path
        for folder in TEMPLATE_FOLDERS
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.suffix in {".html", ".txt", ".xml"}
    )


def test_the_template_scan_finds_every_kind_of_inline_code():
    planted = """
      <script>alert(1)</script> <script type="module">go()</script>
      <script src="/static/js/comments.js"></script>
      <script type="application/ld+json">{"@type": "NewsArticle"}</script>
      <style>p { color: red }</style>
      <p style="color: red">x</p> <a href="#" onclick="go()">y</a>
      <button class="x"
              onmouseover="go()">z</button>
      <p class="onward">Styles and onward="" words in text are fine</p>
    """
    assert sorted(inline_code(planted)) == sorted(
        [
            "inline <script>",
            'inline <script type="module">',
            "<style> element",
            'style="…" attribute',
            'onclick="…" attribute',
            'onmouseover="…" attribute',
        ]
    )


def test_no_template_has_inline_script_style_or_handlers():
    templates = our_templates()
    assert any(path.name == "base.html" for path in templates)
    found = [
        f"{path.relative_to(BASE)}: {code}"
        for path in templates
        for code in inline_code(path.read_text())
    ]
    assert found == []


# -- our own scripts --------------------------------------------------------------------------

# What our scripts must not do under the policy: evaluate strings (needs 'unsafe-eval') or set
# style attributes or handlers as markup (needs 'unsafe-inline'). element.style.x = … and
# addEventListener are fine: the CSP does not govern them.
BANNED_IN_SCRIPTS = {
    "eval(": re.compile(r"\beval\s*\("),
    "new Function(": re.compile(r"\bnew\s+Function\s*\("),
    "setTimeout with a string": re.compile(r"\bset(Timeout|Interval)\s*\(\s*[\"'`]"),
    'setAttribute("style"/"on…")': re.compile(r"setAttribute\(\s*[\"'](style|on[a-z]+)[\"']"),
    "style= or on…= in markup": re.compile(r"""<[a-z][^<>]*\s(style|on[a-z]+)=""", re.I),
}


def test_our_scripts_need_neither_eval_nor_inline_style():
    scripts = [path for path in OUR_SCRIPTS.rglob("*.js") if VENDORED not in path.parents]
    assert any(path.name == "story_editor.js" for path in scripts)
    found = [
        f"{path.relative_to(BASE)}: {name}"
        for path in scripts
        for name, pattern in BANNED_IN_SCRIPTS.items()
        if pattern.search(path.read_text())
    ]
    assert found == []


# -- the main policy stays enforced -----------------------------------------------------------


def test_deployment_check_warns_when_the_policy_is_only_reported(settings, capsys):
    settings.CSP_ENFORCE = False
    call_command("check", "--deploy", "--tag", "newsroom")
    assert "newsroom.W010" in capsys.readouterr().err


def test_a_trial_policy_that_cannot_go_in_a_header_fails_the_check(settings):
    settings.CSP_REPORT_ONLY = "default-src 'none'\r\nSet-Cookie: a=b"
    with pytest.raises(SystemCheckError, match="newsroom.E010"):
        call_command("check", "--tag", "newsroom")
