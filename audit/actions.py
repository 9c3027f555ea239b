"""The one table of what the audit trail records: each action's code, its label and its area.

The area decides who reads an entry (superusers read every area; editors the newsroom's and
the comments'). A code not in this table is refused when recorded, so a typo fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACCOUNTS = "accounts"
NEWSROOM = "newsroom"
COMMENTS = "comments"
OPERATIONS = "operations"

AREAS: dict[str, Promise] = {
    ACCOUNTS: _("Accounts"),
    NEWSROOM: _("Newsroom"),
    COMMENTS: _("Comments"),
    OPERATIONS: _("Operations"),
}


@dataclass(frozen=True)
class Action:
    code: str
    label: Promise
    area: str


def _table(*rows: tuple[str, Promise, str]) -> dict[str, Action]:
    return {code: Action(code, label, area) for code, label, area in rows}


ACTIONS: dict[str, Action] = _table(
    # Signing in and out (Django's auth signals, django-axes' lockout).
    ("auth.login", _("Signed in"), ACCOUNTS),
    ("auth.login_failed", _("Sign-in failed"), ACCOUNTS),
    ("auth.code_refused", _("Second-factor code refused"), ACCOUNTS),
    ("auth.locked_out", _("Locked out after failed sign-ins"), ACCOUNTS),
    ("auth.logout", _("Signed out"), ACCOUNTS),
    ("auth.password_changed", _("Changed their own password"), ACCOUNTS),
    ("auth.password_set", _("Set someone's password"), ACCOUNTS),
    # Second factor (recorded by the two-factor sign-in).
    ("2fa.enrolled", _("Second factor added"), ACCOUNTS),
    ("2fa.removed", _("Second factor removed"), ACCOUNTS),
    ("2fa.backup_codes_made", _("Recovery codes made"), ACCOUNTS),
    ("2fa.reset", _("Second factor reset for someone else (lost device)"), ACCOUNTS),
    # People, groups and what they may do.
    ("user.created", _("User created"), ACCOUNTS),
    ("user.changed", _("User changed"), ACCOUNTS),
    ("user.deleted", _("User deleted"), ACCOUNTS),
    ("user.groups_changed", _("Group membership changed"), ACCOUNTS),
    ("user.permissions_changed", _("User's permissions changed"), ACCOUNTS),
    ("group.created", _("Group created"), ACCOUNTS),
    ("group.renamed", _("Group renamed"), ACCOUNTS),
    ("group.deleted", _("Group deleted"), ACCOUNTS),
    ("group.members_changed", _("Group's members changed"), ACCOUNTS),
    ("group.permissions_changed", _("Group's permissions changed"), ACCOUNTS),
    # The editorial workflow (articles.workflow), story text in and out, preview links.
    ("workflow.submit", _("Submitted for review"), NEWSROOM),
    ("workflow.send_back", _("Sent back"), NEWSROOM),
    ("workflow.publish", _("Published"), NEWSROOM),
    ("workflow.schedule", _("Scheduled"), NEWSROOM),
    ("workflow.reschedule", _("Rescheduled or published now"), NEWSROOM),
    ("workflow.unpublish", _("Unpublished"), NEWSROOM),
    ("story.imported", _("Story imported"), NEWSROOM),
    ("story.exported", _("Story exported"), NEWSROOM),
    ("preview_link.made", _("Preview link made"), NEWSROOM),
    ("preview_link.revoked", _("Preview link revoked"), NEWSROOM),
    # Reader comments.
    ("comments.approved", _("Comment approved"), COMMENTS),
    ("comments.rejected", _("Comment rejected"), COMMENTS),
    ("comments.spam", _("Comment marked as spam"), COMMENTS),
    ("comments.reopened", _("Comment returned to the queue"), COMMENTS),
    ("comments.data_exported", _("Commenter's data exported"), COMMENTS),
    ("comments.data_erased", _("Commenter's data deleted or anonymised"), COMMENTS),
    # Running the site.
    ("backup.made", _("Backup made"), OPERATIONS),
    ("backup.failed", _("Backup failed"), OPERATIONS),
    ("audit.exported", _("Audit trail exported"), OPERATIONS),
    ("audit.purged", _("Old audit entries removed"), OPERATIONS),
)


def action(code: str) -> Action:
    """The action for a code; KeyError names a code missing from the table."""
    try:
        return ACTIONS[code]
    except KeyError:
        raise KeyError(f"{code!r} is not in audit.actions.ACTIONS") from None


def codes_in(areas: list[str] | tuple[str, ...]) -> list[str]:
    return [code for code, entry in ACTIONS.items() if entry.area in areas]
