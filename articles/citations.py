"""A story's source list always holds every source its claims and quotes cite.

Keeping that invariant means a cited source is protected from deletion by StorySource's
PROTECT, and every citation number on the page points at an entry in "Sources". It holds
whoever writes the rows (the editing service, import, the shell), so it is kept by the
models' own signals, connected in ArticlesConfig.ready().
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
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


@dataclass
class CitingSave:
    """One citing part (a claim or a quote) as a save reaches it: what it cites afterwards
    (None: deleted), and whether saving it syncs the list (a claim that gains a source, a
    quote saved with one: the signals below)."""

    part: Hashable
    cites: set[int] | None
    syncs: bool


def listed_after_save(
    listed: list[int], before: dict[Hashable, set[int]], saves: Iterable[CitingSave]
) -> list[int]:
    """The source ids a story's list holds, in order, once a change is saved: the list as
    written (`listed`); then, each time a part's save syncs it and once at the end, every
    source cited at that moment and not listed, by id, as sync_story_sources appends them.
    `before` is what each part cites before the save. Text mode numbers an unsaved form's
    citations with it, so they are the numbers the page will show."""
    order = list(dict.fromkeys(listed))
    cited = {part: set(sources) for part, sources in before.items()}

    def sync() -> None:
        missing = set().union(*cited.values()) - set(order)
        order.extend(sorted(missing))

    for save in saves:
        if save.cites is None:
            cited.pop(save.part, None)
        else:
            cited[save.part] = save.cites
        if save.syncs:
            sync()
    sync()
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
