"""A story may lead with an image from the library (protected while a story uses it)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0005_search_gin_index'),
        ('images', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='lead_image',
            field=models.ForeignKey(blank=True, help_text='Shown at the top of the story, on its card and in link previews.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='lead_of', to='images.image', verbose_name='lead image'),
        ),
    ]
