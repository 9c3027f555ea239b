"""The story page's content, assembled once from prefetched parts (no queries of its own)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .models import Article


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
    quotes: list[Any]
    sources: list[tuple[int, Any]]
    corrections: list[Any]
    tags: list[Any]

    @classmethod
    def of(cls, article: Article) -> Story:
        """Build from an article fetched with Article.objects.with_story_parts()."""
        entries = list(article.source_entries.all())
        numbers = {entry.source_id: n for n, entry in enumerate(entries, start=1)}
        by_status: dict[str, list[CitedClaim]] = {"verified": [], "unconfirmed": [], "disputed": []}
        for claim in article.claims.all():
            cited = sorted(
                (numbers[source.pk], source)
                for source in claim.sources.all()
                if source.pk in numbers
            )
            by_status[claim.status].append(CitedClaim(claim, cited))
        quotes = list(article.quotes.all())
        pull = next((quote for quote in quotes if quote.is_pull), None)
        return cls(
            article=article,
            bylines=list(article.bylines.all()),
            takeaways=list(article.takeaways.all()),
            verified=by_status["verified"],
            unconfirmed=by_status["unconfirmed"],
            disputed=by_status["disputed"],
            impact_items=list(article.impact_items.all()),
            pull_quote=pull,
            quotes=[quote for quote in quotes if quote is not pull],
            sources=[(n, entry.source) for n, entry in enumerate(entries, start=1)],
            corrections=list(article.corrections.all()),
            tags=list(article.tags.all()),
        )

    @property
    def has_context(self) -> bool:
        return bool(self.article.context_html or self.impact_items)
