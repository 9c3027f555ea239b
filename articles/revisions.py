"""Revision history: every change keeps the whole structured story, and an old one can be
brought back as a new change.

Built on django-reversion. A revision holds one serialised Version per row — the story and
each of its parts (PARTS, followed through their related names: the source list before the
claims and quotes that cite it) — with the user and a comment. StoryRevision says which story
and version a revision holds and what made it. Who may restore, and how a live story's change
is declared, are the editing service's rules (articles.editing); this module keeps and reads.
Comparing two revisions is articles.comparison.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import reversion
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.models import Version

from staff.names import display_name

from .models import (
    Article,
    Byline,
    Claim,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StoryRevision,
    StorySource,
    Tag,
)
from .transitions import TRANSITIONS

# The story's own content: compared and restored.
STORY_FIELDS = (
    "headline",
    "slug",
    "standfirst",
    "dateline",
    "section",
    "tags",
    "lead_image",
    "context",
    "bottom_line",
    "methods",
    "work_type",
    "comments_enabled",
)
# The workflow state: kept and compared, never restored (status changes only via workflow).
STATE_FIELDS = ("status", "published_at")

# related name → model of every story part a revision keeps, in the order they are restored
# (the source list before the claims and quotes that cite it) and compared.
PARTS: dict[str, type[models.Model]] = {
    "bylines": Byline,
    "takeaways": KeyTakeaway,
    "impact_items": ImpactItem,
    "source_entries": StorySource,
    "claims": Claim,
    "quotes": Quote,
}

# What made a revision, as the history lists it: the editing service's actions, then the moves.
ACTIONS = {
    "create": gettext_lazy("Created"),
    "edit": gettext_lazy("Edited"),
    "correction": gettext_lazy("Correction"),
    "update": gettext_lazy("Update"),
    "restore": gettext_lazy("Restored"),
    "import": gettext_lazy("Imported"),
    **{action: transition.history for action, transition in TRANSITIONS.items()},
}


def register() -> None:
    """Tell django-reversion what a story's revision holds (ArticlesConfig.ready)."""
    for model in PARTS.values():
        if not reversion.is_registered(model):
            derived = [f.name for f in model._meta.concrete_fields if f.name.endswith("_html")]
            reversion.register(model, exclude=derived)
    if not reversion.is_registered(Article):
        reversion.register(
            Article, fields=(*STORY_FIELDS, *STATE_FIELDS, "version"), follow=tuple(PARTS)
        )


def record(article: Article, user: Any, action: str, comment: str = "") -> StoryRevision:
    """Keep the story as it is now, with all its parts, as one new revision."""
    with reversion.create_revision(manage_manually=True):
        reversion.set_user(user if getattr(user, "is_authenticated", False) else None)
        reversion.set_comment(comment)
        reversion.add_to_revision(article)
        reversion.add_meta(StoryRevision, article=article, version=article.version, action=action)
    return StoryRevision.objects.filter(article=article).first()


def revisions_of(article: Article) -> models.QuerySet:
    return StoryRevision.objects.filter(article=article).select_related("revision__user")


def change_message(revision: StoryRevision) -> str:
    """The revision's comment: the admin's "Changed headline…" message, or a workflow note."""
    return revision.revision.get_comment()


def admin_comment(change_message: list) -> str:
    return json.dumps(change_message)


def author_name(user: Any) -> str:
    return _("someone") if user is None else display_name(user)


# -- what a revision holds ----------------------------------------------------------------------


@dataclass
class Snapshot:
    story: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, dict[str, Version]] = field(default_factory=dict)


def snapshot(revision: StoryRevision) -> Snapshot:
    names = {model: name for name, model in PARTS.items()}
    held = Snapshot(parts={name: {} for name in PARTS})
    for version in revision.revision.version_set.all():
        model = version._model
        if model is Article and version.object_id == str(revision.article_id):
            held.story = version.field_dict
        elif model in names:
            held.parts[names[model]][version.object_id] = version
    return held


def by_position(rows: dict[str, Version]) -> list[tuple[str, Version]]:
    return sorted(rows.items(), key=lambda item: item[1].field_dict.get("position") or 0)


def shown_fields(model: type[models.Model]) -> list[models.Field]:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return [f for f in fields if f.name not in ("id", "article") and not f.name.endswith("_html")]


# -- bringing one back ----------------------------------------------------------------------------


def restore_fields(article: Article, held: Snapshot) -> list[str]:
    """Set the story's own fields (in memory) to what they were in `held`. Workflow state and
    corrections are never touched. Returns what could not be brought back."""
    left_out: list[str] = []
    _restore_story(article, held.story, left_out)
    return left_out


def restore_parts(article: Article, held: Snapshot, left_out: list[str]) -> None:
    """Make the (saved) story's tags and parts what they were in `held`; rows whose source or
    speaker has since been deleted are left out, and said so in `left_out`."""
    article.tags.set(_existing(Tag, held.story.get("tags", [])))
    for name in PARTS:
        getattr(article, name).all().delete()
    for name, model in PARTS.items():
        for _id, version in by_position(held.parts[name]):
            _restore_row(article, model, version, left_out)


def _existing(model: type[models.Model], pks: list) -> list:
    return list(model._base_manager.filter(pk__in=pks or []).values_list("pk", flat=True))


def _restore_story(article: Article, data: dict, left_out: list[str]) -> None:
    for name in STORY_FIELDS:
        model_field = Article._meta.get_field(name)
        if model_field.many_to_many or model_field.attname not in data:
            continue
        value = data[model_field.attname]
        if name == "slug" and (
            article.slug_is_fixed
            or Article.objects.filter(slug=value).exclude(pk=article.pk).exists()
        ):
            continue
        if (
            model_field.is_relation
            and value is not None
            and not _existing(model_field.related_model, [value])
        ):
            left_out.append(
                _("The %(field)s no longer exists; the story has none now.")
                % {"field": model_field.verbose_name}
            )
            value = None
        setattr(article, model_field.attname, value)


def _restore_row(
    article: Article, model: type[models.Model], version: Version, left_out: list[str]
) -> None:
    data = version.field_dict
    values: dict[str, Any] = {}
    for model_field in shown_fields(model):
        if model_field.many_to_many or model_field.attname not in data:
            continue
        value = data[model_field.attname]
        if model_field.is_relation and value is not None:
            if not _existing(model_field.related_model, [value]):
                if not model_field.null:
                    left_out.append(
                        _("%(part)s “%(row)s” was left out: its %(field)s no longer exists.")
                        % {
                            "part": capfirst(str(model._meta.verbose_name)),
                            "row": version.object_repr,
                            "field": model_field.verbose_name,
                        }
                    )
                    return
                value = None
        values[model_field.attname] = value
    pk = int(version.object_id)
    instance = model(pk=None if model._base_manager.filter(pk=pk).exists() else pk, **values)
    instance.article = article
    instance.save()
    for model_field in model._meta.many_to_many:
        if model_field.attname in data:
            ids = _existing(model_field.related_model, data[model_field.attname])
            getattr(instance, model_field.name).set(ids)
