"""A reader's comment on a story: held until an editor decides, then shown (or not)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article

NAME_MAX_LENGTH = 80
BODY_MIN_LENGTH = 2
BODY_MAX_LENGTH = 5000
USER_AGENT_MAX_LENGTH = 300
MAX_ID = 2**63 - 1
# The moderation queue shows a comment up to about this long in full, and folds longer ones
# after an opening of at most this many characters.
OPENING_LENGTH = 700
_FOLD_SLACK = 200


def as_comment_id(value: Any) -> int | None:
    """A comment id a reader sent (a form field, a URL), or None for anything no row can have."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk <= MAX_ID else None


@dataclass
class ThreadItem:
    """An approved top-level comment with its approved replies, oldest first."""

    comment: Comment
    replies: list[Comment] = field(default_factory=list)


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    @staticmethod
    def awaiting_decision_q() -> Q:
        """Held for an editor: pending, or held as spam by the machine and not yet reviewed."""
        return Q(status=Comment.Status.PENDING) | Q(
            status=Comment.Status.SPAM, moderated_at__isnull=True
        )

    def awaiting_decision(self) -> CommentQuerySet:
        return self.filter(self.awaiting_decision_q())

    def replyable_for(self, article: Article, parent_id: Any) -> Comment | None:
        """The comment a reader may answer: approved, top-level, on this story."""
        pk = as_comment_id(parent_id)
        if pk is None:
            return None
        return self.approved().filter(article=article, parent__isnull=True, pk=pk).first()

    def thread_for(self, article: Article) -> list[ThreadItem]:
        """The public thread of a story in one query, replies grouped under their parent.

        Only the columns the page shows are read: the email and request metadata never leave
        the database on the public path.
        """
        rows = (
            self.approved()
            .filter(article=article)
            .only("pk", "parent_id", "name", "body", "created_at")
            .order_by("created_at", "pk")
        )
        items: dict[int, ThreadItem] = {}
        replies: list[Comment] = []
        for comment in rows:
            if comment.parent_id is None:
                items[comment.pk] = ThreadItem(comment)
            else:
                replies.append(comment)
        for reply in replies:
            parent = items.get(reply.parent_id)
            if parent is not None:  # a reply to a comment that was later taken down is hidden
                parent.replies.append(reply)
        return list(items.values())

    def submit(self, comment: Comment) -> tuple[Comment, bool]:
        """Store a new comment unless the same one was just sent (a double click).

        The duplicate check and the insert run in one transaction that holds the write lock
        (IMMEDIATE on SQLite, a row lock on the story elsewhere), so two simultaneous copies
        store one comment. Returns the comment and whether it was created.
        """
        window = timezone.now() - timedelta(seconds=settings.COMMENTS_DUPLICATE_WINDOW)
        with transaction.atomic():
            list(Article.objects.select_for_update().filter(pk=comment.article_id).values("pk"))
            earlier = self.filter(
                article_id=comment.article_id,
                parent_id=comment.parent_id,
                name=comment.name,
                email=comment.email,
                body=comment.body,
                created_at__gte=window,
            ).first()
            if earlier is not None:
                return earlier, False
            comment.save()
        return comment, True


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(
        Article, verbose_name=_("story"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    # Blank only once a commenter's data was anonymised on request (comments.data_rights).
    email = models.EmailField(_("email"), blank=True, help_text=_("Never shown publicly."))
    body = models.TextField(_("comment"), max_length=BODY_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    spam_reason = models.CharField(_("held as spam because"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=USER_AGENT_MAX_LENGTH, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate_comment", _("Can approve, reject and mark comments as spam"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "approved", "rejected", "spam"]),
                name="comment_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "rejected"]) | Q(moderated_at__isnull=False),
                name="comment_decision_has_time",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("name"), NAME_MAX_LENGTH),
                name="comment_name_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), BODY_MAX_LENGTH),
                name="comment_body_length",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_story_thread"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
        ]

    def __str__(self) -> str:
        return _("%(name)s on “%(story)s”") % {"name": self.name, "story": self.article}

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    @property
    def awaits_decision(self) -> bool:
        return self.status == self.Status.PENDING or (
            self.status == self.Status.SPAM and self.moderated_at is None
        )

    @property
    def excerpt(self) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    def opening_and_rest(self, length: int = OPENING_LENGTH) -> tuple[str, str]:
        """The text cut where a long comment can be folded: an opening of at most `length`
        characters, ending with a paragraph, a sentence or at least a word, and the rest.

        A comment that is not much longer than `length` is not cut (the rest is empty):
        folding away a line or two would cost the moderator a click for nothing.
        """
        text = self.body.strip()
        if len(text) <= length + _FOLD_SLACK:
            return text, ""
        head = text[: length + 1]
        cut = 0
        for ending in ("\n\n", ". ", "? ", "! ", ".\n", "\n", " "):
            at = head.rfind(ending, length // 2)
            if at > 0:
                cut = at + len(ending.rstrip())
                break
        if cut == 0:  # one very long word: cut it
            cut = length
        return text[:cut].rstrip(), text[cut:].strip()


REPORT_NOTE_MAX_LENGTH = 500


class Report(models.Model):
    """A reader's report of an approved comment. One per client and comment counts: the
    client is kept only as a keyed hash of its address (comments.reports.client_key), enough
    to tell one reader's second click from another reader's report, and only for
    COMMENTS_CLIENT_DATA_DAYS."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        ABUSE = "abuse", _("Abuse or harassment")
        OFF_TOPIC = "off-topic", _("Off topic")
        PERSONAL = "personal", _("Personal information")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=REPORT_NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    # Blanked after COMMENTS_CLIENT_DATA_DAYS by comments.retention, like a comment's own
    # client data; a blank one no longer stands in the way of that reader's next report.
    client = models.CharField(_("client (keyed hash)"), max_length=64, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "client"],
                condition=~Q(client=""),
                name="report_once_per_client",
            ),
            models.CheckConstraint(
                condition=Q(reason__in=["spam", "abuse", "off-topic", "personal", "other"]),
                name="report_reason_valid",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), REPORT_NOTE_MAX_LENGTH),
                name="report_note_length",
            ),
        ]

    def __str__(self) -> str:
        return _("%(reason)s: %(comment)s") % {
            "reason": self.get_reason_display(),
            "comment": self.comment_id,
        }

    def is_open(self, comment: Comment) -> bool:
        """Not yet seen by a decision: an editor's later decision on the comment deals with
        every report made before it."""
        return comment.moderated_at is None or self.created_at > comment.moderated_at
