"""The Reporters and Editors groups with the story permissions the workflow table implies.

Object-level rules (own stories only, drafts only) sit on top, in articles.workflow.
"""

from django.db import migrations

from staff.permissions import EDITORS, REPORTERS, crud, grant

STORY_PARTS = ["byline", "keytakeaway", "impactitem"]


def forwards(apps, schema_editor):
    reporter = [
        *crud("articles", "article", "add change delete view"),
        *[perm for model in STORY_PARTS for perm in crud("articles", model)],
        *crud("articles", "section", "view"),
        *crud("articles", "tag", "add view"),
        *crud("articles", "workflowevent", "view"),
        *crud("articles", "correction", "view"),
    ]
    editor = [
        *crud("articles", "article"),
        "articles.publish_article",
        *[perm for model in STORY_PARTS for perm in crud("articles", model)],
        *crud("articles", "section"),
        *crud("articles", "tag"),
        *crud("articles", "workflowevent", "view"),
        *crud("articles", "correction", "add view"),
    ]
    grant(apps, schema_editor, {REPORTERS: reporter, EDITORS: editor})


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
