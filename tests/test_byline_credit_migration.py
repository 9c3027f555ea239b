"""The migration that takes login names out of byline credits (articles 0016)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("articles", "0015_work_type_and_methods")]
AFTER = [("articles", "0016_byline_credit_not_login")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_credits_that_copied_a_login_or_full_name_are_emptied_and_chosen_ones_kept():
    apps = migrate(BEFORE)
    try:
        User = apps.get_model("auth", "User")
        Article = apps.get_model("articles", "Article")
        Byline = apps.get_model("articles", "Byline")
        bare = User.objects.create(username="zq7-bare", first_name="", last_name="")
        named = User.objects.create(username="zq7-named", first_name="Ada", last_name="Lind")
        chosen = User.objects.create(username="zq7-chosen", first_name="Bo", last_name="Vale")
        story = Article.objects.create(headline="A story", slug="a-story", page_token="t")
        rows = {
            "bare": Byline.objects.create(
                article=story, author=bare, credit="zq7-bare", position=1
            ),
            "named": Byline.objects.create(
                article=story, author=named, credit="Ada Lind", position=2
            ),
            "chosen": Byline.objects.create(
                article=story, author=chosen, credit="Bo Vale in Port Calder", position=3
            ),
            "guest": Byline.objects.create(article=story, credit="A guest writer", position=4),
        }
        apps = migrate(AFTER)
        Byline = apps.get_model("articles", "Byline")
        credits = {key: Byline.objects.get(pk=row.pk).credit for key, row in rows.items()}
        assert credits == {
            "bare": "",
            "named": "",
            "chosen": "Bo Vale in Port Calder",
            "guest": "A guest writer",
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
