"""A full-text index of the stories' search text, on SQLite only (PostgreSQL has its GIN index,
migration 0005).

An FTS5 table with the article table as its external content: it stores only the index, and
three triggers keep it in step with articles_article.search_document on every insert, update
and delete, however the row is written (save, update(), bulk_create). SearchEntry is the
read-only model articles.search queries it through.
"""

import articles.search
from django.db import migrations, models

TABLE = articles.search.SQLITE_INDEX

CREATE = [
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
        search_document, content='articles_article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER {TABLE}_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO {TABLE}(rowid, search_document) VALUES (new.id, new.search_document);
    END""",
    f"""CREATE TRIGGER {TABLE}_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_document)
        VALUES ('delete', old.id, old.search_document);
    END""",
    f"""CREATE TRIGGER {TABLE}_update AFTER UPDATE OF search_document ON articles_article BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_document)
        VALUES ('delete', old.id, old.search_document);
        INSERT INTO {TABLE}(rowid, search_document) VALUES (new.id, new.search_document);
    END""",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_list_order_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "article_id",
                    models.BigIntegerField(db_column="rowid", primary_key=True, serialize=False),
                ),
                (
                    "document",
                    articles.search.FullTextDocument(db_column="search_document"),
                ),
            ],
            options={"db_table": TABLE, "managed": False},
        ),
        migrations.RunPython(_run(CREATE), _run(DROP), elidable=False),
    ]
