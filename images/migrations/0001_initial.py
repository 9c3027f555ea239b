"""The image library (images.Image): files, reader-facing text and renditions as data."""

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Image',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('file', models.FileField(editable=False, max_length=200, upload_to='', verbose_name='original')),
                ('alt_text', models.CharField(help_text='What the picture shows, for readers who cannot see it (screen readers, slow connections). Required: a story whose lead image has none cannot be published.', max_length=300, verbose_name='alt text')),
                ('caption', models.CharField(blank=True, help_text='Shown under the picture.', max_length=1000, verbose_name='caption')),
                ('credit', models.CharField(blank=True, help_text='Who made it, e.g. “Photo: Ada Quayle / Calder Press”.', max_length=200, verbose_name='credit')),
                ('width', models.PositiveIntegerField(editable=False, verbose_name='width')),
                ('height', models.PositiveIntegerField(editable=False, verbose_name='height')),
                ('format', models.CharField(choices=[('JPEG', 'JPEG'), ('PNG', 'PNG'), ('WEBP', 'WebP'), ('GIF', 'GIF')], editable=False, max_length=8, verbose_name='format')),
                ('renditions', models.JSONField(default=list, editable=False, verbose_name='renditions')),
                ('original_name', models.CharField(blank=True, editable=False, help_text="The file's name on the uploader's computer (the stored name is generated).", max_length=255, verbose_name='uploaded as')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='uploaded')),
                ('uploaded_by', models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'image',
                'verbose_name_plural': 'images',
                'ordering': ['-created_at', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('alt_text', ''), _negated=True), name='image_alt_text_not_empty')],
            },
        ),
    ]
