"""Moving the story's source list, claims and quotes from `sources` to `articles` keeps every
row, the groups' permissions on them, and the revisions that hold them."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("articles", "0010_tag_story_index"), ("sources", "0003_quote_story_published_at")]
AFTER = [
    ("articles", "0011_story_parts_from_sources"),
    ("sources", "0004_story_parts_move_to_articles"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_the_move():
    apps = migrate(BEFORE)
    yield apps
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


# Serialized rollback: the database is left as the migrations made it for the tests after
# (the browser tests put the migrations' rows back themselves and expect an empty flush).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_the_story_parts_keeps_rows_permissions_and_revisions(before_the_move):
    old = before_the_move
    article = old.get_model("articles", "Article").objects.create(headline="Ferry", slug="ferry")
    source = old.get_model("sources", "Source").objects.create(title="Timetable")
    person = old.get_model("sources", "Person").objects.create(name="Ada Quayle", slug="ada")
    claim = old.get_model("sources", "Claim").objects.create(
        article=article, position=1, text="The ferry runs at night.", status="verified"
    )
    claim.sources.add(source)
    old.get_model("sources", "Quote").objects.create(
        article=article, position=1, speaker=person, text="We sail.", is_pull=True
    )
    old.get_model("sources", "StorySource").objects.create(
        article=article, position=1, source=source
    )
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="sources", model="claim"
    )[0]
    permission = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="add_claim", defaults={"name": "Can add claim"}
    )[0]
    group = old.get_model("auth", "Group").objects.create(name="Claim writers")
    group.permissions.add(permission)
    revision = old.get_model("reversion", "Revision").objects.create(
        date_created="2026-11-30T12:00:00Z", comment=""
    )
    stored = [
        {
            "model": "sources.claim",
            "pk": claim.pk,
            "fields": {
                "text": "The ferry runs at night.",
                "status": "verified",
                "position": 1,
                "article": article.pk,
                "sources": [source.pk],
            },
        }
    ]
    old.get_model("reversion", "Version").objects.create(
        revision=revision,
        object_id=str(claim.pk),
        content_type=content_type,
        db="default",
        format="json",
        serialized_data=json.dumps(stored),
        object_repr="The ferry runs at night.",
    )

    new = migrate(AFTER)

    Claim = new.get_model("articles", "Claim")
    moved = Claim.objects.get(pk=claim.pk)
    assert moved.text == "The ferry runs at night."
    assert list(moved.sources.values_list("pk", flat=True)) == [source.pk]
    assert new.get_model("articles", "Quote").objects.get().speaker_id == person.pk
    assert new.get_model("articles", "StorySource").objects.get().source_id == source.pk
    kept = new.get_model("auth", "Group").objects.get(name="Claim writers").permissions.get()
    assert (kept.content_type.app_label, kept.codename) == ("articles", "add_claim")
    version = new.get_model("reversion", "Version").objects.get()
    assert version.content_type.app_label == "articles"
    assert json.loads(version.serialized_data)[0]["model"] == "articles.claim"
    tables = connection.introspection.table_names()
    assert {"articles_claim", "articles_claim_sources", "articles_quote"} <= set(tables)
    assert not {"sources_claim", "sources_quote", "sources_storysource"} & set(tables)
