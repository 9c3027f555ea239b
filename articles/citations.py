"""A story's source list always holds every source its claims and quotes cite.

Keeping that invariant means a cited source is protected from deletion by StorySource's
PROTECT, and every citation number on the page points at an entry in "Sources". It holds
whoever writes the rows (the editing service, import, the shell), so it is kept by the
models' own signals, connected in ArticlesConfig.ready().
"""

from collections.abc import Iterable
from typing import Any

from django.db.models.signals import m2m_changed, post_save

from sources.models import Source

from .models import Article, Claim, Quote, StorySource


def sync_story_sources(article: Article) -> list[Source]:
    """Append any cited source missing from the story's list; return the ones added."""
    listed = set(StorySource.objects.filter(article=article).values_list("source_id", flat=True))
    cited_ids = set(
        Source.objects.filter(claims__article=article).values_list("pk", flat=True)
    ) | set(
        Quote.objects.filter(article=article, source__isnull=False).values_list(
            "source_id", flat=True
        )
    )
    missing = Source.objects.filter(pk__in=cited_ids - listed).order_by("pk")
    added = []
    for source in missing:
        StorySource.objects.create(article=article, source=source)
        added.append(source)
    return added


def listed_after_save(listed: list[int], citing: Iterable[Iterable[int]]) -> list[int]:
    """The source ids a story's list will hold, in order, once a change is saved: the list as
    written (`listed`), then what each citing part (claims, then quotes, in the order they are
    saved) cites that is not listed yet, each part's by id, as sync_story_sources appends them.

    Text mode numbers an unsaved form's citations with it, so they are the page's numbers."""
    order = list(dict.fromkeys(listed))
    seen = set(order)
    for sources in citing:
        for source_id in sorted(set(sources) - seen):
            order.append(source_id)
            seen.add(source_id)
    return order


def _claim_sources_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action != "post_add":
        return
    if isinstance(instance, Claim):
        sync_story_sources(instance.article)
    else:  # a source given to claims from its own side: each of their stories
        for article in Article.objects.filter(claims__pk__in=kwargs["pk_set"]).distinct():
            sync_story_sources(article)


def _quote_saved(sender: Any, instance: Quote, **kwargs: Any) -> None:
    if instance.source_id:
        sync_story_sources(instance.article)


def connect_signals() -> None:
    m2m_changed.connect(
        _claim_sources_changed, sender=Claim.sources.through, dispatch_uid="claim_sources_sync"
    )
    post_save.connect(_quote_saved, sender=Quote, dispatch_uid="quote_source_sync")
