"""An index of a tag's stories in story order, for the related stories (articles/related.py).

The table joining stories to tags is Django's own (Article.tags has no through model), so the
index is made in SQL: each of a story's tags gives its newest stories by walking this index,
where the (tag) index alone made the database sort every story carrying the tag.
"""

from django.db import migrations

CREATE = "CREATE INDEX article_tags_tag_story ON articles_article_tags (tag_id, article_id)"
DROP = "DROP INDEX article_tags_tag_story"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_story_render"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP, elidable=False)]
