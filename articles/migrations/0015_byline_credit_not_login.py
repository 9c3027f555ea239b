"""Bylines once took the login name as their credit when a writer had no full name; a login
name is never public, so such credits are emptied (the byline then shows the writer's profile
or full name)."""

from django.db import migrations, models
from django.db.models import F


def forwards(apps, schema_editor):
    Byline = apps.get_model("articles", "Byline")
    Byline.objects.filter(author__isnull=False, credit=F("author__username")).update(credit="")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_planning_and_curation"),
        ("authors", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="byline",
            name="credit",
            field=models.CharField(
                blank=True,
                help_text="Defaults to the author's profile name, else their full name.",
                max_length=120,
                verbose_name="name shown",
            ),
        ),
    ]
