"""A writer's public profile: one per account, at /authors/<slug>/ once it is public."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import (
    EmailValidator,
    MaxLengthValidator,
    RegexValidator,
    URLValidator,
)
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z"
BIO_LENGTH = 1000
MAX_LINKS = 10
_web_address = URLValidator(schemes=["http", "https"])


def split_list(text: str) -> list[str]:
    """A comma-separated field as a list, without blanks or repeats."""
    seen: list[str] = []
    for item in (part.strip() for part in text.split(",")):
        if item and item not in seen:
            seen.append(item)
    return seen


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def validate_links(text: str) -> None:
    """One http(s) address a line: the writer's pages elsewhere (schema.org sameAs)."""
    lines = split_lines(text)
    if len(lines) > MAX_LINKS:
        raise ValidationError(_("At most %(n)d links.") % {"n": MAX_LINKS}, code="too_many")
    for line in lines:
        try:
            _web_address(line)
        except ValidationError:
            raise ValidationError(
                _("“%(line)s” is not a web address (https://…). Put one address a line."),
                params={"line": line[:200]},
                code="invalid_link",
            ) from None


def validate_contact(value: str) -> None:
    """An email address, or a web address (a contact form, a secure-drop page)."""
    if not value:
        return
    try:
        if "@" in value and not value.startswith(("http://", "https://")):
            EmailValidator()(value)
        else:
            _web_address(value)
    except ValidationError:
        raise ValidationError(
            _("Give an email address (name@example.org) or a web address (https://…)."),
            code="invalid_contact",
        ) from None


class ProfileQuerySet(models.QuerySet):
    def public(self) -> ProfileQuerySet:
        return self.filter(is_public=True)


class Profile(models.Model):
    """Who a writer is to readers. The slug is chosen by the newsroom and may never equal any
    account's login name, so an author page never confirms that a login exists."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="author_profile",
    )
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("The name on bylines and the profile.")
    )
    slug = models.CharField(
        _("address"),
        max_length=80,
        unique=True,
        validators=[
            RegexValidator(
                SLUG_PATTERN,
                _("Use lowercase letters, digits and single hyphens, e.g. “rosa-penrose”."),
            )
        ],
        help_text=_("The page is /authors/this-address/. It may not be anyone's login name."),
    )
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("Job title."))
    bio = models.TextField(
        _("short bio"),
        blank=True,
        validators=[MaxLengthValidator(BIO_LENGTH)],
        help_text=_("Plain text, at most %(n)d characters.") % {"n": BIO_LENGTH},
    )
    beat = models.CharField(_("beat"), max_length=120, blank=True)
    expertise = models.CharField(
        _("expertise"), max_length=300, blank=True, help_text=_("Areas, separated by commas.")
    )
    location = models.CharField(_("based in"), max_length=120, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("Separated by commas.")
    )
    photo = models.ForeignKey(
        "images.Image",
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("From the image library; its alt text describes it."),
    )
    links = models.TextField(
        _("links"),
        blank=True,
        validators=[validate_links],
        help_text=_("The writer's pages elsewhere, one https:// address a line."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=254,
        blank=True,
        validators=[validate_contact],
        help_text=_("An email address or a web address readers may use."),
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Show the profile page and link bylines to it.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("author profile")
        verbose_name_plural = _("author profiles")
        permissions = [("edit_any_profile", _("Can edit any author's profile"))]
        constraints = [
            models.UniqueConstraint(Lower("slug"), name="author_profile_slug_unique_any_case"),
        ]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.links = "\n".join(self.link_list)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.slug and self.slug_is_a_login():
            raise ValidationError(
                {"slug": _("This address is a login name. Choose another, such as the name.")}
            )

    def slug_is_a_login(self) -> bool:
        users = get_user_model().objects
        return users.filter(**{f"{users.model.USERNAME_FIELD}__iexact": self.slug}).exists()

    @property
    def expertise_list(self) -> list[str]:
        return split_list(self.expertise)

    @property
    def language_list(self) -> list[str]:
        return split_list(self.languages)

    @property
    def link_list(self) -> list[str]:
        return split_lines(self.links)

    @property
    def contact_is_email(self) -> bool:
        return bool(self.contact) and not self.contact.startswith(("http://", "https://"))
