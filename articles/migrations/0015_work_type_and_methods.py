"""Type of work (news, analysis, opinion, …) and the methods note ("How we reported this").

On SQLite, adding these columns rebuilds the article table, which drops the triggers that keep
the full-text index in step (migration 0008): they are dropped before and made again after, and
the index rebuilt, as migration 0013 does.
"""

from importlib import import_module

from django.db import migrations, models

search = import_module("articles.migrations.0008_sqlite_search")
TRIGGERS = search.CREATE[1:]  # the three triggers, then a rebuild of the index
NO_TRIGGERS = search.DROP[:3]
WORK_TYPES = ["news", "analysis", "opinion", "explainer", "fact-check", "review"]


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_planning_and_curation"),
    ]

    operations = [
        migrations.RunPython(search._run(NO_TRIGGERS), search._run(TRIGGERS), elidable=False),
        migrations.AddField(
            model_name="article",
            name="methods",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Optional: who was approached, which documents were read, what could not be "
                    "verified. Shown before the sources (Markdown)."
                ),
                verbose_name="how we reported this",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="methods_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="work_type",
            field=models.CharField(
                choices=[
                    ("news", "News"),
                    ("analysis", "Analysis"),
                    ("opinion", "Opinion"),
                    ("explainer", "Explainer"),
                    ("fact-check", "Fact check"),
                    ("review", "Review"),
                ],
                default="news",
                help_text="Readers see it above the headline: news, analysis, opinion and so on.",
                max_length=16,
                verbose_name="type of work",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(("work_type__in", WORK_TYPES)), name="article_work_type_valid"
            ),
        ),
        migrations.RunPython(search._run(TRIGGERS), search._run(NO_TRIGGERS), elidable=False),
    ]
