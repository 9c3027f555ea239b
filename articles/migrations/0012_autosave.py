"""Autosaves: each person's story form as it stood a few seconds ago (no content table changes)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0011_story_parts_from_sources'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Autosave',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('posted', models.JSONField(default=list, verbose_name='form as posted')),
                ('base_version', models.PositiveIntegerField(blank=True, null=True, verbose_name='opened at version')),
                ('saved_at', models.DateTimeField(auto_now=True, verbose_name='kept at')),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='autosaves', to='articles.article', verbose_name='story')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='autosaves', to=settings.AUTH_USER_MODEL, verbose_name='kept for')),
            ],
            options={
                'verbose_name': 'autosave',
                'verbose_name_plural': 'autosaves',
                'default_permissions': (),
                'indexes': [models.Index(fields=['saved_at'], name='autosave_saved_at')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('article__isnull', False)), fields=('user', 'article'), name='autosave_one_per_story'), models.UniqueConstraint(condition=models.Q(('article__isnull', True)), fields=('user',), name='autosave_one_new_story')],
            },
        ),
    ]
