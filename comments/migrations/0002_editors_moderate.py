"""Editors moderate comments (read them, decide them, delete them); reporters never see them."""

from django.db import migrations

from staff.permissions import EDITORS, crud, grant


def forwards(apps, schema_editor):
    grant(
        apps,
        schema_editor,
        {EDITORS: [*crud("comments", "comment", "view delete"), "comments.moderate_comment"]},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
