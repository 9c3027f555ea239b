"""Who is who in the newsroom, answered from permissions (the groups grant them)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

User = AbstractBaseUser | AnonymousUser

# The permission that makes an editor, and the one every writer holds (the groups grant them).
PUBLISH = ("articles", "publish_article")
WRITE = ("articles", "add_article")


def is_editor(user: User) -> bool:
    """Editors hold the publish permission (the Editors group, or a superuser)."""
    return bool(user.is_active and user.has_perm(".".join(PUBLISH)))


def is_reporter(user: User) -> bool:
    """Anyone who may write stories: reporters, and editors too."""
    return bool(user.is_active and user.has_perm(".".join(WRITE)))


def editors() -> QuerySet:
    """Everyone is_editor() is true of, as a query: the publish permission through a group or
    directly, or a superuser (active or not: callers filter as they need)."""
    return _holding(PUBLISH)


def writers() -> QuerySet:
    """Everyone is_reporter() is true of (reporters and editors), as a query, like editors()."""
    return _holding(WRITE)


def _holding(permission: tuple[str, str]) -> QuerySet:
    app_label, codename = permission
    via_group = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    direct = Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return get_user_model().objects.filter(via_group | direct | Q(is_superuser=True)).distinct()
