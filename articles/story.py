"""The story page's content, assembled once from prefetched parts.

`Story.of(article)` splits a story fetched with `Article.objects.with_story_parts()` (or
`with_story_row()`, whose parts it then adds) into the sections the page shows, in the seed
story's order, and numbers the sources so every citation points at its entry. It reads the
story's short lists (takeaways, impact items, corrections) and its tags in one query;
`related_stories` finds the related stories (one more).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from django.db import models
from django.db.models.functions import Cast

from .models import Article, Correction, ImpactItem, KeyTakeaway, Tag
from .models.queries import story_prefetches
from .related import related_stories

# An edit within this long after publication is part of publishing, not an update.
UPDATE_GRACE = timedelta(minutes=1)


@dataclass
class CitedClaim:
    claim: Any
    citations: list[tuple[int, Any]] = field(default_factory=list)  # (number, source)


@dataclass
class Story:
    """A story split into the sections the page shows, in the seed story's order."""

    article: Article
    bylines: list[Any]
    takeaways: list[Any]
    verified: list[CitedClaim]
    unconfirmed: list[CitedClaim]
    disputed: list[CitedClaim]
    impact_items: list[Any]
    pull_quote: Any | None
    sources: list[tuple[int, Any]]
    corrections: list[Any]
    tags: list[Any]

    @classmethod
    def of(cls, article: Article) -> Story:
        """Build from an article fetched with with_story_parts() or with_story_row() (fetched
        again if it was neither)."""
        if not getattr(article, "story_row", False):
            article = Article.objects.with_story_parts().get(pk=article.pk)
        elif not hasattr(article, "claim_citations"):
            models.prefetch_related_objects([article], *story_prefetches())
        entries = list(article.source_entries.all())
        numbered = {entry.source_id: (n, entry.source) for n, entry in enumerate(entries, 1)}
        claims: dict[int, CitedClaim] = {}
        for row in article.claim_citations:  # one row per (claim, cited source)
            item = claims.setdefault(row.pk, CitedClaim(row))
            if row.cited_source_id in numbered:
                item.citations.append(numbered[row.cited_source_id])
        by_status: dict[str, list[CitedClaim]] = {"verified": [], "unconfirmed": [], "disputed": []}
        for item in claims.values():
            item.citations.sort(key=lambda citation: citation[0])
            by_status[item.claim.status].append(item)
        takeaways, impact_items, corrections, tags = short_lists(article)
        return cls(
            article=article,
            bylines=list(article.bylines.all()),
            takeaways=takeaways,
            verified=by_status["verified"],
            unconfirmed=by_status["unconfirmed"],
            disputed=by_status["disputed"],
            impact_items=impact_items,
            # Django leaves `pull` unset when the story has no pull quote to join.
            pull_quote=getattr(article, "pull", None),
            sources=[(n, entry.source) for n, entry in enumerate(entries, start=1)],
            corrections=corrections,
            tags=tags,
        )

    @cached_property
    def related(self) -> list[Article]:
        return related_stories(self.article, [tag.pk for tag in self.tags])

    @property
    def latest_correction(self) -> Any | None:
        """The newest correction: the notice under the standfirst gives its date."""
        return self.corrections[-1] if self.corrections else None

    @property
    def has_context(self) -> bool:
        return bool(self.article.context_html or self.impact_items)

    @property
    def published_at(self) -> datetime | None:
        """When the story first went public (Article.first_public_at)."""
        return self.article.first_public_at

    @property
    def modified_at(self) -> datetime:
        """The last change readers can see (Article.last_public_change); for a preview of a
        story never published, when it was written."""
        return self.article.last_public_change or self.article.created_at

    @property
    def updated_at(self) -> datetime | None:
        """The "Updated" time the page shows, when the story changed after it was published."""
        if self.published_at and self.modified_at > self.published_at + UPDATE_GRACE:
            return self.modified_at
        return None


# The story's short lists and tags come back as rows of one UNION ALL query: kind, id, position,
# label, text, sanitised HTML, time (NULL where a kind has none). A tag is (slug, name).
_LIST_COLUMNS = (
    "kind",
    "part_id",
    "part_position",
    "part_label",
    "part_text",
    "part_html",
    "part_time",
)


def _list_rows(queryset: models.QuerySet, kind: str, **columns: Any) -> models.QuerySet:
    text = models.CharField()
    return (
        queryset.order_by()
        .annotate(
            kind=models.Value(kind, output_field=text),
            part_id=models.F("pk"),
            part_position=columns.get("position", models.F("position")),
            part_label=columns.get("label", models.Value("", output_field=text)),
            part_text=columns.get("text", models.F("text")),
            part_html=columns.get("html", models.F("text_html")),
            # A typed NULL: PostgreSQL reads an untyped one as text, which cannot join a time.
            part_time=columns.get("time", Cast(None, output_field=models.DateTimeField())),
        )
        .values_list(*_LIST_COLUMNS)
    )


def short_lists(article: Article) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
    """The story's takeaways, impact items, corrections and tags, in page order, in one query."""
    takeaways = _list_rows(KeyTakeaway.objects.filter(article=article), "takeaway")
    impact_items = _list_rows(
        ImpactItem.objects.filter(article=article), "impact", label=models.F("label")
    )
    corrections = _list_rows(
        Correction.objects.filter(article=article),
        "correction",
        position=models.Value(0, output_field=models.IntegerField()),
        time=models.F("created_at"),
    )
    tags = _list_rows(
        Tag.objects.filter(articles=article),
        "tag",
        position=models.Value(0, output_field=models.IntegerField()),
        label=models.F("slug"),
        text=models.F("name"),
        html=models.Value("", output_field=models.TextField()),
    )
    found: dict[str, list[Any]] = {"takeaway": [], "impact": [], "correction": [], "tag": []}
    for kind, pk, position, label, text, html, time in takeaways.union(
        impact_items, corrections, tags, all=True
    ):
        db = article._state.db
        if kind == "takeaway":
            item = _loaded(KeyTakeaway, db, id=pk, position=position, text=text, text_html=html)
        elif kind == "impact":
            item = _loaded(
                ImpactItem, db, id=pk, position=position, label=label, text=text, text_html=html
            )
        elif kind == "correction":
            item = _loaded(Correction, db, id=pk, text=text, text_html=html, created_at=time)
        else:
            found[kind].append(_loaded(Tag, db, id=pk, name=text, slug=label))
            continue
        item.article = article
        found[kind].append(item)
    return (
        sorted(found["takeaway"], key=lambda item: item.position),
        sorted(found["impact"], key=lambda item: item.position),
        sorted(found["correction"], key=lambda item: (item.created_at, item.pk)),
        sorted(found["tag"], key=lambda tag: (tag.name, tag.pk)),
    )


def _loaded(model: type[models.Model], db: str | None, **values: Any) -> Any:
    """An instance as the ORM would load it with only these fields (the rest deferred)."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(db, names, [values[name] for name in names])
