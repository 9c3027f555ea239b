"""The one table of the workflow's moves: where each starts and leads, who may take it, the
rules it checks, and every word people read about it (the admin's button, page title and
message, the history's label, the email's subject, the refusals when the person or the state
is wrong).

articles.workflow moves stories by this table; the admin, the revision history and the
notifications read their words from it, so a move is named the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import Article

SUBMIT = "submit"
SEND_BACK = "send_back"
PUBLISH = "publish"
UNPUBLISH = "unpublish"
RESCHEDULE = "reschedule"

Status = Article.Status
Rule = rules.Rule


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    editors_only: bool
    rules: tuple[Rule, ...]
    needs_note: bool
    button: Promise  # the admin's button on the story
    title: Promise  # the page behind the button
    done: Promise  # the admin's message once done ("%s": the headline)
    history: Promise  # how the revision history names it
    email_subject: Promise  # "%(headline)s"
    wrong_state: Promise  # why the story's state refuses it ("%s": the state)
    editors_only_reason: Promise | None = None  # why someone who is not an editor may not


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            SUBMIT,
            Status.DRAFT,
            Status.REVIEW,
            editors_only=False,
            rules=rules.SUBMIT_RULES,
            needs_note=False,
            button=_("Submit for review"),
            title=_("Submit for review"),
            done=_("Submitted for review: “%s”."),
            history=_("Submitted for review"),
            email_subject=_("For review: “%(headline)s”"),
            wrong_state=_("Only a draft can be submitted for review; this story is “%s”."),
        ),
        Transition(
            SEND_BACK,
            Status.REVIEW,
            Status.DRAFT,
            editors_only=True,
            rules=(),
            needs_note=True,
            button=_("Send back with a note"),
            title=_("Send back to the author"),
            done=_("Sent back to the author: “%s”."),
            history=_("Sent back"),
            email_subject=_("Sent back to you: “%(headline)s”"),
            wrong_state=_("Only a story in review can be sent back; this story is “%s”."),
            editors_only_reason=_("Only editors send stories back."),
        ),
        Transition(
            PUBLISH,
            Status.REVIEW,
            Status.PUBLISHED,
            editors_only=True,
            rules=rules.PUBLISH_RULES,
            needs_note=False,
            button=_("Publish now or at a time"),
            title=_("Publish"),
            done=_("Published: “%s”."),
            history=_("Published"),
            email_subject=_("Published: “%(headline)s”"),
            wrong_state=_("Only a story in review can be published; this story is “%s”."),
            editors_only_reason=_("Only editors publish stories."),
        ),
        Transition(
            UNPUBLISH,
            Status.PUBLISHED,
            Status.DRAFT,
            editors_only=True,
            rules=(),
            needs_note=True,
            button=_("Unpublish with a note"),
            title=_("Unpublish"),
            done=_("Unpublished: “%s” is off the site."),
            history=_("Unpublished"),
            email_subject=_("Unpublished: “%(headline)s”"),
            wrong_state=_("Only a published story can be unpublished; this story is “%s”."),
            editors_only_reason=_("Only editors unpublish stories."),
        ),
        Transition(
            # Only while the story is still scheduled: workflow checks that, not the status.
            RESCHEDULE,
            Status.PUBLISHED,
            Status.PUBLISHED,
            editors_only=True,
            rules=(),
            needs_note=False,
            button=_("Reschedule or publish now"),
            title=_("Reschedule or publish now"),
            done=_("Rescheduled: “%s”."),
            history=_("Rescheduled"),
            email_subject=_("New publication time: “%(headline)s”"),
            wrong_state=_("Only a scheduled story can be rescheduled; this story is “%s”."),
            editors_only_reason=_("Only editors reschedule stories."),
        ),
    )
}
