"""Stored story renders (articles.prerender) and the token that says when one is out of date.

On SQLite, adding a NOT NULL column rebuilds the article table, and dropping the old table
drops the triggers that keep the full-text index in step (migration 0008): they are dropped
before and made again after, and the index rebuilt.
"""

from importlib import import_module

import articles.models.article
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


search = import_module("articles.migrations.0008_sqlite_search")
TRIGGERS = search.CREATE[1:]  # the three triggers, then a rebuild of the index
NO_TRIGGERS = search.DROP[:3]


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0008_sqlite_search'),
    ]

    operations = [
        migrations.CreateModel(
            name='StoryRender',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='rendered', serialize=False, to='articles.article')),
                ('token', models.CharField(max_length=32)),
                ('key', models.CharField(max_length=32)),
                ('head_html', models.TextField()),
                ('body_html', models.TextField()),
                ('tag_ids', models.JSONField(default=list)),
                ('pieces', models.JSONField(default=dict)),
                ('rendered_at', models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'rendered story',
                'default_permissions': (),
            },
        ),
        migrations.RunPython(search._run(NO_TRIGGERS), search._run(TRIGGERS), elidable=False),
        migrations.AddField(
            model_name='article',
            name='page_token',
            field=models.CharField(default=articles.models.article.new_page_token, editable=False, max_length=32),
        ),
        migrations.RunPython(search._run(TRIGGERS), search._run(NO_TRIGGERS), elidable=False),
    ]
