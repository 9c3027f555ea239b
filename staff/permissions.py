"""Grant model permissions to the newsroom's groups, from data migrations.

Each app grants its own permissions in its own migration, so the groups always hold exactly
what the apps installed imply. Permissions are created here first because Django normally
creates them only after all migrations have run.
"""

from typing import Any

from django.contrib.auth.management import create_permissions

REPORTERS = "Reporters"
EDITORS = "Editors"


def grant(apps: Any, schema_editor: Any, grants: dict[str, list[str]]) -> None:
    """grants maps a group name to "app_label.codename" permissions it should hold."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, names in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for name in names:
            app_label, codename = name.split(".")
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            group.permissions.add(permission)


def crud(app_label: str, model: str, actions: str = "add change delete view") -> list[str]:
    return [f"{app_label}.{action}_{model}" for action in actions.split()]
