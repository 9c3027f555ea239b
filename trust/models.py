"""Newsroom policies (one page per kind) and the publisher record (one row)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import markup, trusttxt


class Policy(models.Model):
    """A newsroom policy readers can read. Its kind is also its address (/about/<kind>/),
    so the newsroom cannot break a link by renaming it; a kind without text is not shown."""

    class Kind(models.TextChoices):
        # In the order the standards page lists them; the values are the addresses.
        PRINCIPLES = "principles", _("Publishing principles")
        MISSION = "mission", _("Mission and coverage priorities")
        ETHICS = "ethics", _("Ethics policy")
        VERIFICATION = "verification", _("Verification and fact-checking")
        CORRECTIONS = "corrections", _("Corrections policy")
        UNNAMED_SOURCES = "unnamed-sources", _("Unnamed sources")
        DIVERSITY = "diversity", _("Diversity policy")
        OWNERSHIP = "ownership", _("Ownership and funding")
        MASTHEAD = "masthead", _("Masthead")
        FEEDBACK = "feedback", _("Feedback and contact")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence for the standards page and search results."),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "Markdown: # heading, ## subheading, - lists, [links](https://…), *emphasis*, "
            "> quotes. Leave empty to take the policy off the site."
        ),
    )
    body_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("newsroom policy")
        verbose_name_plural = _("newsroom policies")

    def __str__(self) -> str:
        return str(self.get_kind_display())

    def save(self, *args, **kwargs) -> None:
        self.body_html = markup.render(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("trust:policy", args=[self.kind])

    @property
    def is_filled(self) -> bool:
        return bool(self.body_html.strip())

    @property
    def body_safe(self) -> str:
        return markup.trusted(self.body_html)


def _same_as_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_same_as(text: str) -> None:
    check = URLValidator(schemes=["https", "http"])
    errors = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if line.strip():
            try:
                check(line.strip())
            except ValidationError:
                errors.append(
                    _("Line %(line)d: “%(text)s” is not an http(s) address.")
                    % {"line": number, "text": line.strip()}
                )
    if errors:
        raise ValidationError(errors)


class Publisher(models.Model):
    """Who publishes the site, for JSON-LD and /trust.txt: one row, edited by editors.

    An empty name falls back to NEWSROOM_SITE_NAME.
    """

    SINGLETON = 1

    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the site's name (NEWSROOM_SITE_NAME)."),
    )
    founding_date = models.DateField(_("founding date"), null=True, blank=True)
    same_as = models.TextField(
        _("profiles elsewhere (sameAs)"),
        blank=True,
        validators=[validate_same_as],
        help_text=_("One address per line: the newsroom's pages on other sites."),
    )
    trust_txt = models.TextField(
        _("trust.txt"),
        blank=True,
        help_text=_(
            "Served at /trust.txt and /.well-known/trust.txt. One variable=value per line: "
            "belongto=, member=, control=, controlledby=, social=, contact=, disclosure=, "
            "vendor=, customer=, datatrainingallowed=yes|no; # starts a comment."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("publisher")
        verbose_name_plural = _("publisher")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="trust_publisher_single_row")
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs) -> None:
        self.pk = self.SINGLETON
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.name or settings.NEWSROOM_SITE_NAME

    @property
    def same_as_urls(self) -> list[str]:
        return _same_as_lines(self.same_as)

    def clean(self) -> None:
        super().clean()
        if self.founding_date and self.founding_date > timezone.localdate():
            raise ValidationError(
                {"founding_date": _("The founding date cannot be in the future.")}
            )
        try:
            trusttxt.parse(self.trust_txt, own_site=settings.NEWSROOM_SITE_URL)
        except ValidationError as error:
            raise ValidationError({"trust_txt": error.messages}) from None

    @classmethod
    def current(cls) -> Publisher:
        """The stored record, or an unsaved one holding the defaults."""
        return cls.objects.filter(pk=cls.SINGLETON).first() or cls(pk=cls.SINGLETON)
