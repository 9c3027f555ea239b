"""JournalList's trust.txt: parse and check the file a publisher serves at /trust.txt.

The format (https://journallist.net/reference-document-for-trust-txt-specifications): one
`variable=value` per line, `#` starts a comment, blank lines are ignored, variable names are
not case-sensitive. This module knows nothing of the database: the admin checks what an editor
typed with `parse`, and the page serves what passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

# What each variable holds. URL: an http(s) address; CONTACT: an email, an http(s) address or
# a telephone number; YES_NO: yes or no.
URL, CONTACT, YES_NO = "url", "contact", "yes/no"
VARIABLES = {
    "belongto": URL,
    "member": URL,
    "control": URL,
    "controlledby": URL,
    "social": URL,
    "contact": CONTACT,
    "disclosure": URL,
    "vendor": URL,
    "customer": URL,
    "datatrainingallowed": YES_NO,
}
ONCE_ONLY = frozenset({"controlledby", "datatrainingallowed"})
MAX_LINES = 1000
MAX_LINE_LENGTH = 2000

_url = URLValidator(schemes=["http", "https"])
_email = EmailValidator()
_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{5,30}$")


@dataclass(frozen=True)
class Entry:
    line: int
    variable: str
    value: str


@dataclass
class TrustTxt:
    entries: list[Entry] = field(default_factory=list)

    def values(self, variable: str) -> list[str]:
        return [entry.value for entry in self.entries if entry.variable == variable]


def _is_url(value: str) -> bool:
    try:
        _url(value)
    except ValidationError:
        return False
    return True


def _is_email(value: str) -> bool:
    try:
        _email(value.removeprefix("mailto:"))
    except ValidationError:
        return False
    return True


def _same_site(a: str, b: str) -> bool:
    """Two addresses naming the same site (scheme, a `www.` and the trailing slash aside)."""

    def site(url: str) -> tuple[str, str]:
        parts = urlsplit(url)
        return (parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/"))

    return site(a) == site(b)


def _check_value(number: int, variable: str, value: str) -> str | None:
    kind = VARIABLES[variable]
    if not value:
        return _("Line %(line)d: %(variable)s= needs a value.") % {
            "line": number,
            "variable": variable,
        }
    if kind == URL and not _is_url(value):
        return _("Line %(line)d: %(variable)s= must be an http:// or https:// address.") % {
            "line": number,
            "variable": variable,
        }
    if kind == CONTACT and not (_is_url(value) or _is_email(value) or _PHONE.match(value)):
        return _(
            "Line %(line)d: contact= must be an email address, an http(s) address or a "
            "telephone number."
        ) % {"line": number}
    if kind == YES_NO and value.lower() not in ("yes", "no"):
        return _("Line %(line)d: datatrainingallowed= must be yes or no.") % {"line": number}
    return None


def parse(text: str, own_site: str = "") -> TrustTxt:
    """The entries of `text`, or ValidationError listing every line that is wrong.

    `own_site` is the publisher's own address: a file that says the site controls itself, or
    is controlled by itself, contradicts itself.
    """
    lines = (text or "").splitlines()
    if len(lines) > MAX_LINES:
        raise ValidationError(_("trust.txt may have at most %(max)d lines.") % {"max": MAX_LINES})
    errors: list[str] = []
    found = TrustTxt()
    first_line: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if len(raw) > MAX_LINE_LENGTH:
            errors.append(_("Line %(line)d is too long.") % {"line": number})
            continue
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if "=" not in line:
            errors.append(
                _("Line %(line)d: “%(text)s” is not of the form variable=value.")
                % {"line": number, "text": line}
            )
            continue
        variable, value = (part.strip() for part in line.split("=", 1))
        variable = variable.lower()
        if variable not in VARIABLES:
            errors.append(
                _("Line %(line)d: “%(variable)s” is not a trust.txt variable (known: %(known)s).")
                % {"line": number, "variable": variable, "known": ", ".join(VARIABLES)}
            )
            continue
        if variable in ONCE_ONLY and variable in first_line:
            first = next(e for e in found.entries if e.variable == variable)
            if value.lower() != first.value.lower():
                message = _(
                    "Line %(line)d: %(variable)s=%(value)s contradicts line %(first)d "
                    "(%(variable)s=%(other)s); it may appear only once."
                )
            else:
                message = _(
                    "Line %(line)d: %(variable)s= may appear only once (first on line %(first)d)."
                )
            errors.append(
                message
                % {
                    "line": number,
                    "variable": variable,
                    "first": first.line,
                    "value": value,
                    "other": first.value,
                }
            )
            continue
        problem = _check_value(number, variable, value)
        if problem:
            errors.append(problem)
            continue
        first_line.setdefault(variable, number)
        if VARIABLES[variable] == YES_NO:
            value = value.lower()
        found.entries.append(Entry(number, variable, value))
    errors.extend(_contradictions(found, own_site))
    if errors:
        raise ValidationError(errors)
    return found


def _contradictions(found: TrustTxt, own_site: str) -> list[str]:
    errors = []
    controls = [entry for entry in found.entries if entry.variable == "control"]
    for owner in (entry for entry in found.entries if entry.variable == "controlledby"):
        for controlled in controls:
            if _same_site(owner.value, controlled.value):
                errors.append(
                    _(
                        "Line %(line)d: %(url)s is named both as controlling this site "
                        "(controlledby=) and as controlled by it (control=, line %(other)d)."
                    )
                    % {"line": owner.line, "url": owner.value, "other": controlled.line}
                )
    if own_site:
        for entry in found.entries:
            if entry.variable in ("control", "controlledby") and _same_site(entry.value, own_site):
                errors.append(
                    _("Line %(line)d: a site cannot name itself in %(variable)s=.")
                    % {"line": entry.line, "variable": entry.variable}
                )
    seen: dict[tuple[str, str], int] = {}
    for entry in found.entries:
        key = (entry.variable, entry.value.rstrip("/").lower())
        if key in seen:
            errors.append(
                _("Line %(line)d repeats line %(first)d.")
                % {"line": entry.line, "first": seen[key]}
            )
        seen.setdefault(key, entry.line)
    return errors


def render(found: TrustTxt, header: str = "") -> str:
    """The file as served: an optional comment header, then one line per entry."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += [f"{entry.variable}={entry.value}" for entry in found.entries]
    return "\n".join(lines) + "\n"
