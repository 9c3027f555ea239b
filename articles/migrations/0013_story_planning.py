"""Planning: a story's planned day, its assignees and a planning note (never shown to readers)."""

from django.conf import settings
from django.db import migrations, models


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
        migrations.AddField(
            model_name='article',
            name='planning_note',
            field=models.CharField(blank=True, editable=False, max_length=280, verbose_name='planning note'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['status', 'planned_for'], name='article_planning_order'),
        ),
    ]
