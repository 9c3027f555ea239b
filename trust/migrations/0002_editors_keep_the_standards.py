"""Only editors change the newsroom's policies and the publisher record; reporters read them."""

from django.db import migrations

from staff.permissions import EDITORS, REPORTERS, crud, grant


def forwards(apps, schema_editor):
    grant(
        apps,
        schema_editor,
        {
            REPORTERS: crud("trust", "policy", "view") + crud("trust", "publisher", "view"),
            EDITORS: crud("trust", "policy") + crud("trust", "publisher", "add change view"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trust", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
