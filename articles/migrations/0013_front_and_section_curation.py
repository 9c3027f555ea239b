"""Curated pages: the front page's and each section's lead and pinned top stories, with a
log of who changed them when."""

import articles.models.curation
import django.db.models.deletion
import django.db.models.functions.comparison
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_autosave'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Curation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='changed')),
                ('version', models.PositiveIntegerField(default=0, editable=False, verbose_name='version')),
                ('changed_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by')),
                ('section', models.OneToOneField(blank=True, help_text='Empty for the front page.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='curation', to='articles.section', verbose_name='section')),
            ],
            options={
                'verbose_name': 'front or section page',
                'verbose_name_plural': 'front and section pages',
                'default_permissions': (),
            },
        ),
        migrations.CreateModel(
            name='CurationChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('changed_by_name', models.CharField(blank=True, max_length=150, verbose_name='by (name)')),
                ('changed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                ('summary', models.TextField(verbose_name='the choice after the change')),
                ('changed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('curation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='articles.curation')),
            ],
            options={
                'verbose_name': 'change to a front or section page',
                'verbose_name_plural': 'changes to front and section pages',
                'ordering': ['-changed_at', '-pk'],
                'default_permissions': (),
            },
        ),
        migrations.CreateModel(
            name='Pin',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(help_text='0 is the lead.', verbose_name='position')),
                ('until', models.DateTimeField(blank=True, help_text='Empty: until someone changes it.', null=True, verbose_name='until')),
                ('curation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pins', to='articles.curation')),
                ('story', models.ForeignKey(limit_choices_to=articles.models.curation.live_stories, on_delete=django.db.models.deletion.CASCADE, related_name='pins', to='articles.article', verbose_name='story')),
            ],
            options={
                'verbose_name': 'pinned story',
                'verbose_name_plural': 'pinned stories',
                'ordering': ['position'],
                'default_permissions': (),
            },
        ),
        migrations.AddConstraint(
            model_name='curation',
            constraint=models.UniqueConstraint(django.db.models.functions.comparison.Coalesce('section', models.Value(0)), name='curation_one_per_place'),
        ),
        migrations.AddConstraint(
            model_name='pin',
            constraint=models.UniqueConstraint(fields=('curation', 'position'), name='pin_one_per_position'),
        ),
        migrations.AddConstraint(
            model_name='pin',
            constraint=models.UniqueConstraint(fields=('curation', 'story'), name='pin_story_once'),
        ),
        migrations.AddConstraint(
            model_name='pin',
            constraint=models.CheckConstraint(condition=models.Q(('position__lte', 6)), name='pin_position_within_limit'),
        ),
    ]
