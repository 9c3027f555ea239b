"""Who is who in the newsroom, answered from permissions (the groups grant them)."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

User = AbstractBaseUser | AnonymousUser


def is_editor(user: User) -> bool:
    """Editors hold the publish permission (the Editors group, or a superuser)."""
    return bool(user.is_active and user.has_perm("articles.publish_article"))


def is_reporter(user: User) -> bool:
    """Anyone who may write stories: reporters, and editors too."""
    return bool(user.is_active and user.has_perm("articles.add_article"))
