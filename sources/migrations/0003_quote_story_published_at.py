"""Each quote keeps its story's publication time, indexed by speaker (sources.story_times)."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Quote = apps.get_model("sources", "Quote")
    time = Article.objects.filter(pk=OuterRef("article_id")).values("published_at")[:1]
    Quote.objects.using(schema_editor.connection.alias).update(story_published_at=Subquery(time))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_tag_story_index"),
        ("sources", "0002_newsroom_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="story_published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                fields=["speaker", "-story_published_at", "-article", "position"],
                name="quote_speaker_newest",
            ),
        ),
    ]
