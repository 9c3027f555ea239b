"""The story page's content, assembled once from prefetched parts.

`Story.of(article)` splits a story fetched with `Article.objects.with_story_parts()` into the
sections the page shows, in the seed story's order, and numbers the sources so every citation
points at its entry. Its only query of its own finds the related stories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .models import Article

RELATED_STORIES = 4
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
    related: list[Article]

    @classmethod
    def of(cls, article: Article) -> Story:
        """Build from an article fetched with with_story_parts() (fetched again if it was not)."""
        if not hasattr(article, "claim_citations"):
            article = Article.objects.with_story_parts().get(pk=article.pk)
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
        tags = list(article.tags.all())
        related = (
            Article.objects.published()
            .related_to(article, [tag.pk for tag in tags])
            .select_related("section")
            .only("headline", "slug", "published_at", "section__name", "section__slug")
        )
        return cls(
            article=article,
            bylines=list(article.bylines.all()),
            takeaways=list(article.takeaways.all()),
            verified=by_status["verified"],
            unconfirmed=by_status["unconfirmed"],
            disputed=by_status["disputed"],
            impact_items=list(article.impact_items.all()),
            # Django leaves `pull` unset when the story has no pull quote to join.
            pull_quote=getattr(article, "pull", None),
            sources=[(n, entry.source) for n, entry in enumerate(entries, start=1)],
            corrections=list(article.corrections.all()),
            tags=tags,
            related=list(related[:RELATED_STORIES]),
        )

    @property
    def has_context(self) -> bool:
        return bool(self.article.context_html or self.impact_items)

    @property
    def published_at(self) -> datetime | None:
        """When the story first went public (a republished story keeps its first time)."""
        return self.article.first_published_at or self.article.published_at

    @property
    def modified_at(self) -> datetime:
        """The last change readers can see: publication, a public update, or a correction.

        Internal saves (workflow moves, drafts of a later edit) do not count: a live story's
        public time moves only when an editor says the change is a correction or an update.
        """
        times = [self.article.created_at, *(c.created_at for c in self.corrections)]
        times += [t for t in (self.published_at, self.article.public_updated_at) if t]
        return max(times)

    @property
    def updated_at(self) -> datetime | None:
        """The "Updated" time the page shows, when the story changed after it was published."""
        if self.published_at and self.modified_at > self.published_at + UPDATE_GRACE:
            return self.modified_at
        return None
