"""A story's source list, claims and quotes become parts of the story (articles).

Only Django's picture of the models changes here; the tables, and every row in them, stay
where they are. articles.0011 takes the models over and renames their tables.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_quote_story_published_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="StorySource"),
                migrations.DeleteModel(name="Quote"),
                migrations.DeleteModel(name="Claim"),
            ],
        ),
    ]
