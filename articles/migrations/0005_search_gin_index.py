"""A GIN index for full-text search, on PostgreSQL only.

It is not declared in Article.Meta because SQLite cannot build it. The expression must stay the
one articles.search.document_vector() queries with (tests/test_search.py checks PostgreSQL
uses the index).
"""

from django.db import migrations

INDEX_NAME = "article_search_gin"


def _index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector("search_document", config="english"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), _index())


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_editorial_safety"),
    ]

    operations = [
        migrations.RunPython(add_index, remove_index, elidable=False),
    ]
