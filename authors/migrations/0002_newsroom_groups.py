"""Writers add and edit their own profile (authors.editing checks it is theirs); editors edit
and delete anyone's."""

from django.db import migrations

from staff.permissions import EDITORS, REPORTERS, crud, grant


def forwards(apps, schema_editor):
    grant(
        apps,
        schema_editor,
        {
            REPORTERS: crud("authors", "profile", "add change view"),
            EDITORS: [*crud("authors", "profile"), "authors.edit_any_profile"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("authors", "0001_initial"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
