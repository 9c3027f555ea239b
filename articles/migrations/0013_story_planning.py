"""Planning: a story's planned day, its assignees and a planning note (never shown to readers).

On SQLite, adding the NOT NULL planning note rebuilds the article table, which drops the
triggers that keep the full-text index in step (migration 0008): they are dropped before and
made again after, and the index rebuilt, as migration 0009 does.
"""

from importlib import import_module

from django.conf import settings
from django.db import migrations, models


search = import_module("articles.migrations.0008_sqlite_search")
TRIGGERS = search.CREATE[1:]  # the three triggers, then a rebuild of the index
NO_TRIGGERS = search.DROP[:3]


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_autosave'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='assignees',
            field=models.ManyToManyField(blank=True, editable=False, help_text='The reporters and editors working on the story.', related_name='assigned_stories', to=settings.AUTH_USER_MODEL, verbose_name='assignees'),
        ),
        migrations.AddField(
            model_name='article',
            name='planned_for',
            field=models.DateField(blank=True, editable=False, help_text='The day the desk means to publish the story (not its scheduled time).', null=True, verbose_name='planned for'),
        ),
        migrations.RunPython(search._run(NO_TRIGGERS), search._run(TRIGGERS), elidable=False),
        migrations.AddField(
            model_name='article',
            name='planning_note',
            field=models.CharField(blank=True, editable=False, max_length=280, verbose_name='planning note'),
        ),
        migrations.RunPython(search._run(TRIGGERS), search._run(NO_TRIGGERS), elidable=False),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['status', 'planned_for'], name='article_planning_order'),
        ),
    ]
