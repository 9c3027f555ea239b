"""Reporters upload, describe and choose images; editors also delete them (when no story
leads with them)."""

from django.db import migrations

from staff.permissions import EDITORS, REPORTERS, crud, grant


def forwards(apps, schema_editor):
    grant(
        apps,
        schema_editor,
        {
            REPORTERS: crud("images", "image", "add change view"),
            EDITORS: crud("images", "image"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
