"""Editors read the audit trail's newsroom and comments areas (audit.reading narrows it)."""

from django.db import migrations

from staff.permissions import EDITORS, grant


def forwards(apps, schema_editor):
    grant(apps, schema_editor, {EDITORS: ["audit.view_entry"]})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
