"""A writer's byline used to copy their name into its credit when saved — their login name
when they had no full name. A login name is never public, and a copied name would hide a later
profile or rename, so credits that only copied the login name or the full name are emptied:
the byline then shows the writer's profile name, else their full name, as it stands."""

from django.db import migrations, models
from django.db.models import F


def forwards(apps, schema_editor):
    Byline = apps.get_model("articles", "Byline")
    Byline.objects.filter(author__isnull=False, credit=F("author__username")).update(credit="")
    copied = []
    for byline in (
        Byline.objects.filter(author__isnull=False).exclude(credit="").select_related("author")
    ):
        full_name = f"{byline.author.first_name} {byline.author.last_name}".strip()
        if byline.credit == full_name:
            copied.append(byline.pk)
    Byline.objects.filter(pk__in=copied).update(credit="")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_work_type_and_methods"),
        ("authors", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="byline",
            name="credit",
            field=models.CharField(
                blank=True,
                help_text=(
                    "For someone with no account. A writer's byline shows their profile's name, "
                    "else this, else their full name."
                ),
                max_length=120,
                verbose_name="name shown",
            ),
        ),
    ]
