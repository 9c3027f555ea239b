"""The accounts' side of the trail, from Django's own signals: sign-ins and failures,
lockouts (django-axes), sign-outs, passwords, users, groups and permissions.

Signals fire whichever door the change came through (the admin, a sign-in page, a command, the
shell), so nothing is missed by a view that forgot to call us. Connected in AuditConfig.ready().
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model, user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save

from .context import current_request
from .trail import record

# What a user change records; never the password hash or the last sign-in time.
USER_FIELDS = (
    "username",
    "email",
    "first_name",
    "last_name",
    "is_active",
    "is_staff",
    "is_superuser",
)


def signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record("auth.login", actor=user, target=user, request=request)


def sign_in_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    # The attempted login name only: Django has already masked anything like a password.
    username = str(credentials.get(get_user_model().USERNAME_FIELD, ""))[:150]
    record("auth.login_failed", target=username, request=request, username=username)


def locked_out(sender: Any, request: Any, username: str | None = None, **kwargs: Any) -> None:
    username = str(username or "")[:150]
    record("auth.locked_out", target=username, request=request, username=username)


def signed_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record("auth.logout", actor=user, target=user, request=request)


def _loading(instance: Any, kwargs: dict) -> bool:
    """Saved from a fixture or serialized data (loaddata, a test database being restored):
    nobody acted, and the many-to-many rows set right after on the same instance are data
    being restored, not changes."""
    if kwargs.get("raw"):
        instance._audit_loading = True
    return bool(kwargs.get("raw"))


def _snapshot(instance: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {field: getattr(instance, field) for field in fields}


def _loaded_user_fields(user: Any) -> tuple[str, ...]:
    # Deferred fields are not loaded; reading them here would cost a query each.
    deferred = user.get_deferred_fields()
    return tuple(field for field in USER_FIELDS if field not in deferred)


def remember_user(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance._audit_before = _snapshot(instance, _loaded_user_fields(instance))


def user_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if _loading(instance, kwargs):
        return
    before = getattr(instance, "_audit_before", {})
    after = _snapshot(instance, _loaded_user_fields(instance))
    if created:
        flags = {f: after[f] for f in ("is_active", "is_staff", "is_superuser")}
        record("user.created", target=instance, **flags)
    else:
        changed = {
            field: [before[field], after[field]]
            for field in USER_FIELDS
            if field in before and field in after and before[field] != after[field]
        }
        if changed:
            record("user.changed", target=instance, changed=changed)
        # set_password() leaves the new password in _password until save() has run.
        if getattr(instance, "_password", None) is not None:
            _password_changed(instance)
    instance._audit_before = after


def _password_changed(user: Any) -> None:
    request = current_request()
    acting = getattr(request, "user", None) if request is not None else None
    own = acting is not None and acting.is_authenticated and acting.pk == user.pk
    record("auth.password_changed" if own else "auth.password_set", target=user)


def user_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    record("user.deleted", target=instance)


def remember_group(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance._audit_name = instance.name


def group_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if _loading(instance, kwargs):
        return
    if created:
        record("group.created", target=instance)
    elif instance._audit_name != instance.name:
        record("group.renamed", target=instance, name=[instance._audit_name, instance.name])
    instance._audit_name = instance.name


def group_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    record("group.deleted", target=instance)


def _permission_names(pks: Any) -> list[str]:
    rows = Permission.objects.filter(pk__in=pks).values_list("content_type__app_label", "codename")
    return sorted(f"{app_label}.{codename}" for app_label, codename in rows)


def _group_names(pks: Any) -> list[str]:
    return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))


def _usernames(pks: Any) -> list[str]:
    User = get_user_model()
    return sorted(User.objects.filter(pk__in=pks).values_list(User.USERNAME_FIELD, flat=True))


def _m2m_receiver(code_forward: str, code_reverse: str, forward_names: Any, reverse_names: Any):
    """A receiver for one many-to-many relation, recording what was added or removed.

    Forward (user.groups.add(g)) the instance is the one changed; reverse (group.user_set.add(u))
    the instance is on the other side, and its entry names the people who were changed.
    """

    def changed(sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kwargs: Any):
        if getattr(instance, "_audit_loading", False):
            return
        names = reverse_names if reverse else forward_names
        code = code_reverse if reverse else code_forward
        if action == "pre_clear":
            through = sender.objects.filter(**{_source_field(sender, instance): instance.pk})
            instance._audit_cleared = set(
                through.values_list(_other_field(sender, instance), flat=True)
            )
        elif action in ("post_add", "post_remove", "post_clear"):
            pks = getattr(instance, "_audit_cleared", set()) if action == "post_clear" else pk_set
            if pks:
                key = "added" if action == "post_add" else "removed"
                record(code, target=instance, **{key: names(pks)})

    return changed


def _source_field(through: Any, instance: Any) -> str:
    return _field_to(through, type(instance))


def _other_field(through: Any, instance: Any) -> str:
    mine = _field_to(through, type(instance))
    other = next(
        field
        for field in through._meta.get_fields()
        if field.is_relation and field.many_to_one and field.attname != mine
    )
    return other.attname


def _field_to(through: Any, model: Any) -> str:
    return next(
        field.attname
        for field in through._meta.get_fields()
        if field.is_relation and field.many_to_one and issubclass(model, field.related_model)
    )


groups_changed = _m2m_receiver(
    "user.groups_changed", "group.members_changed", _group_names, _usernames
)
user_permissions_changed = _m2m_receiver(
    "user.permissions_changed", "user.permissions_changed", _permission_names, _usernames
)
group_permissions_changed = _m2m_receiver(
    "group.permissions_changed", "group.permissions_changed", _permission_names, _group_names
)


def connect() -> None:
    User = get_user_model()
    uid = "audit.accounts"
    user_logged_in.connect(signed_in, dispatch_uid=f"{uid}.login")
    user_login_failed.connect(sign_in_failed, dispatch_uid=f"{uid}.login_failed")
    user_logged_out.connect(signed_out, dispatch_uid=f"{uid}.logout")
    user_locked_out.connect(locked_out, dispatch_uid=f"{uid}.locked_out")
    post_init.connect(remember_user, sender=User, dispatch_uid=f"{uid}.user_init")
    post_save.connect(user_saved, sender=User, dispatch_uid=f"{uid}.user_saved")
    post_delete.connect(user_deleted, sender=User, dispatch_uid=f"{uid}.user_deleted")
    post_init.connect(remember_group, sender=Group, dispatch_uid=f"{uid}.group_init")
    post_save.connect(group_saved, sender=Group, dispatch_uid=f"{uid}.group_saved")
    post_delete.connect(group_deleted, sender=Group, dispatch_uid=f"{uid}.group_deleted")
    m2m_changed.connect(groups_changed, sender=User.groups.through, dispatch_uid=f"{uid}.groups")
    m2m_changed.connect(
        user_permissions_changed,
        sender=User.user_permissions.through,
        dispatch_uid=f"{uid}.user_permissions",
    )
    m2m_changed.connect(
        group_permissions_changed,
        sender=Group.permissions.through,
        dispatch_uid=f"{uid}.group_permissions",
    )
