"""A story's source list, claims and quotes are parts of the story: they move from `sources`
(which keeps the library of sources and people) to `articles`, keeping every row.

1. Django's picture of the models moves (sources.0004 let go of them; here articles takes
   them, at first still on the old tables), so no table is dropped or created.
2. The tables (and the claims' table of cited sources) are renamed to articles_*.
3. Their content types move to `articles`: permissions held by the groups, admin log entries
   and revision history keep pointing at them.
4. Revisions stored before the move name the models in their serialised data; those names
   are rewritten so old revisions can still be compared and restored.
"""

import json

import django.db.models.deletion
from django.db import migrations, models

MOVED = ("storysource", "claim", "quote")


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        # A database migrated from scratch has the old type only; never both, but be sure.
        ContentType.objects.using(db).filter(app_label="articles", model=model).delete()
        ContentType.objects.using(db).filter(app_label="sources", model=model).update(
            app_label="articles"
        )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label="articles", model__in=MOVED).update(
        app_label="sources"
    )


def _relabel_versions(apps, schema_editor, old: str, new: str) -> None:
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db).filter(app_label__in=(old, new), model__in=MOVED)
    labels = {f"{old}.{model}": f"{new}.{model}" for model in MOVED}
    versions = Version.objects.using(db).filter(content_type__in=types, format="json")
    for version in versions.iterator():
        rows = json.loads(version.serialized_data)
        changed = False
        for row in rows:
            if row.get("model") in labels:
                row["model"] = labels[row["model"]]
                changed = True
        if changed:
            version.serialized_data = json.dumps(rows)
            version.save(update_fields=["serialized_data"])


def relabel_versions(apps, schema_editor):
    _relabel_versions(apps, schema_editor, "sources", "articles")


def relabel_versions_back(apps, schema_editor):
    _relabel_versions(apps, schema_editor, "articles", "sources")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_tag_story_index"),
        ("sources", "0004_story_parts_move_to_articles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StorySource",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("position", models.PositiveSmallIntegerField(blank=True, verbose_name="order")),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="source_entries", to="articles.article")),
                        ("source", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="story_entries", to="sources.source", verbose_name="source")),
                    ],
                    options={
                        "verbose_name": "story source",
                        "verbose_name_plural": "sources of this story",
                        "ordering": ["position"],
                        "db_table": "sources_storysource",
                        "constraints": [
                            models.UniqueConstraint(fields=("article", "position"), name="storysource_position"),
                            models.UniqueConstraint(fields=("article", "source"), name="storysource_once"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Claim",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("position", models.PositiveSmallIntegerField(blank=True, verbose_name="order")),
                        ("text", models.TextField(verbose_name="claim")),
                        ("text_html", models.TextField(blank=True, editable=False)),
                        ("status", models.CharField(choices=[("verified", "Verified"), ("unconfirmed", "Unconfirmed"), ("disputed", "Disputed")], default="unconfirmed", max_length=16, verbose_name="status")),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="claims", to="articles.article")),
                        ("sources", models.ManyToManyField(blank=True, related_name="claims", to="sources.source", verbose_name="cited sources")),
                    ],
                    options={
                        "verbose_name": "claim",
                        "verbose_name_plural": "claims",
                        "ordering": ["position"],
                        "db_table": "sources_claim",
                        "constraints": [
                            models.UniqueConstraint(fields=("article", "position"), name="claim_position_unique"),
                            models.CheckConstraint(condition=models.Q(("status__in", ["verified", "unconfirmed", "disputed"])), name="claim_status_valid"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Quote",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("position", models.PositiveSmallIntegerField(blank=True, verbose_name="order")),
                        ("role", models.CharField(blank=True, help_text="Defaults to the speaker's current role.", max_length=200, verbose_name="role at the time")),
                        ("text", models.TextField(help_text="Without quotation marks.", verbose_name="quoted words")),
                        ("said_on", models.DateField(blank=True, null=True, verbose_name="said on")),
                        ("context", models.CharField(blank=True, max_length=300, verbose_name="context")),
                        ("is_pull", models.BooleanField(default=False, verbose_name="pull quote")),
                        ("story_published_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("article", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="quotes", to="articles.article")),
                        ("speaker", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="quotes", to="sources.person", verbose_name="speaker")),
                        ("source", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="quotes", to="sources.source", verbose_name="source")),
                    ],
                    options={
                        "verbose_name": "quote",
                        "verbose_name_plural": "quotes",
                        "ordering": ["position"],
                        "db_table": "sources_quote",
                        "indexes": [
                            models.Index(fields=["speaker", "-story_published_at", "-article", "position"], name="quote_speaker_newest"),
                        ],
                        "constraints": [
                            models.UniqueConstraint(fields=("article", "position"), name="quote_position_unique"),
                            models.UniqueConstraint(condition=models.Q(("is_pull", True)), fields=("article",), name="one_pull_quote"),
                        ],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="storysource", table=None),
        migrations.AlterModelTable(name="claim", table=None),
        migrations.AlterModelTable(name="quote", table=None),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.RunPython(relabel_versions, relabel_versions_back),
    ]
