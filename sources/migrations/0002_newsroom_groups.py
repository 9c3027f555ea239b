"""Reporters cite sources and quote people; editors also delete them (when nothing cites them)."""

from django.db import migrations

from staff.permissions import EDITORS, REPORTERS, crud, grant


def forwards(apps, schema_editor):
    parts = [*crud("sources", "claim"), *crud("sources", "quote"), *crud("sources", "storysource")]
    grant(
        apps,
        schema_editor,
        {
            REPORTERS: [
                *parts,
                *crud("sources", "source", "add change view"),
                *crud("sources", "person", "add change view"),
            ],
            EDITORS: [*parts, *crud("sources", "source"), *crud("sources", "person")],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
