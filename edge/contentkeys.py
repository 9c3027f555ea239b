"""Content keys: what a public answer shows, and what a committed change touches.

A content key names something readers see: `story:12`, `section:3`, `tag:5`, `person:7`,
`author:9`, `thread:12` (a story's comment thread), `front`, `archive`, `feeds`, `sitemap`,
`sitemap:2`, `corrections`, `names` (lists of every tag, person, writer...), `nav` (the sections
every page lists), `schedule` (when the clock next changes a page). Every cacheable answer says
which keys it shows (`shows`, from the view that rendered it) and carries `all` besides; every
change names the keys it touches (`changed`, from the declaration in articles/cachekeys.py).

The keys a transaction names are gathered and, once it commits, handed in one batch to each
purger (the page cache, the frontend cache): a rolled-back change purges nothing, and a save
that touches nothing a reader can see (a draft's) names no key at all. Hooks registered with
`on_change` run at once, inside the transaction, with the same keys: the stored story render
(articles.prerender) retires its copies there, in the same transaction as the change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.http import HttpRequest

logger = logging.getLogger(__name__)

ALL = "all"


# -- what an answer shows --------------------------------------------------------------------


def shows(request: HttpRequest, *keys: str) -> None:
    """The answer to `request` shows what `keys` name (views call this as they render)."""
    found = getattr(request, "_content_keys", None)
    if found is None:
        found = request._content_keys = set()
    found.update(keys)


def shown(request: HttpRequest) -> frozenset[str]:
    """The keys the answer to `request` declared (empty: it declared none)."""
    return frozenset(getattr(request, "_content_keys", ()))


def story_keys(stories: Iterable[Any]) -> list[str]:
    """`story:<id>` for each story (anything with a pk) in a list an answer shows."""
    return [f"story:{story.pk}" for story in stories]


# -- what a change touches --------------------------------------------------------------------

Purger = Callable[[frozenset[str]], None]
Hook = Callable[[frozenset[str], str], None]

_purgers: list[Purger] = []
_hooks: list[Hook] = []
_listeners: list[list[frozenset[str]]] = []


def add_purger(purger: Purger) -> None:
    """Call `purger(keys)` once per committed transaction that named keys."""
    _purgers.append(purger)


def on_change(hook: Hook) -> None:
    """Call `hook(keys, alias)` inside the transaction, each time a change names keys."""
    _hooks.append(hook)


@dataclass
class _Batch:
    """The keys one transaction named so far, purged together once it commits."""

    alias: str
    keys: set[str] = field(default_factory=set)
    done: bool = False

    def flush(self) -> None:
        self.done = True
        purge(frozenset(self.keys))

    def waiting(self) -> bool:
        """Still waiting for its commit (a rollback drops its callback, and the batch)."""
        if self.done:
            return False
        return any(entry[1] == self.flush for entry in connections[self.alias].run_on_commit)


def changed(keys: Iterable[str], using: str | None = None) -> None:
    """The current transaction on `using` changes what `keys` name: purge them once it
    commits (at once in autocommit)."""
    keys = frozenset(keys)
    if not keys:
        return
    alias = using or DEFAULT_DB_ALIAS
    for hook in _hooks:
        hook(keys, alias)
    connection = connections[alias]
    batch = getattr(connection, "_content_keys_batch", None)
    if batch is not None and batch.waiting():
        batch.keys.update(keys)
        return
    batch = connection._content_keys_batch = _Batch(alias, set(keys))
    transaction.on_commit(batch.flush, using=alias)


def forget_pending(using: str | None = None) -> None:
    """Drop the keys the current transaction named so far without purging them (tests use
    this to treat what came before as already committed)."""
    connections[using or DEFAULT_DB_ALIAS]._content_keys_batch = None


def purge(keys: frozenset[str]) -> None:
    """Tell every purger that `keys` changed. A purger that fails is logged, never raised:
    the change is committed and the person who made it must not see an error."""
    if not keys:
        return
    for listener in _listeners:
        listener.append(keys)
    for purger in _purgers:
        try:
            purger(keys)
        except Exception:
            logger.exception("could not purge %d content keys", len(keys))


@contextmanager
def recorded() -> Iterator[list[frozenset[str]]]:
    """Collect the batches of keys purged while the block runs (for tests and the bench)."""
    batches: list[frozenset[str]] = []
    _listeners.append(batches)
    try:
        yield batches
    finally:
        _listeners.remove(batches)


# -- changes seen through model signals --------------------------------------------------------


@dataclass
class Event:
    """One change to a row: a save (`created`, `update_fields`), a delete (before it
    happens, while its links still say what it touched), or a change of its m2m links."""

    kind: str  # "save", "delete" or "link"
    created: bool = False
    update_fields: frozenset[str] | None = None
    # For "link": "add", "remove" or "clear", from which side, and the other rows' pks.
    action: str = ""
    reverse: bool = False
    pk_set: frozenset[Any] | None = None


KeysOf = Callable[[Any, Event], Iterable[str]]


def watch(model: type[models.Model], keys_of: KeysOf) -> None:
    """Name `keys_of(row, event)` as changed on every save and delete of a `model` row and
    every change to its many-to-many links."""
    label = model._meta.label

    def saved(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        event = Event("save", created, frozenset(fields) if fields is not None else None)
        changed(keys_of(instance, event), kwargs.get("using"))

    def deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
        changed(keys_of(instance, Event("delete")), kwargs.get("using"))

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"contentkeys:save:{label}")
    pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"contentkeys:del:{label}")
    for link in model._meta.local_many_to_many:
        watch_links(link.remote_field.through, keys_of)


def watch_links(through: type[models.Model], keys_of: KeysOf) -> None:
    def linked(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
        # A clear is seen before it happens, while the links still say what they joined.
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        pks = kwargs.get("pk_set")
        event = Event(
            "link",
            action=action.split("_", 1)[1],
            reverse=reverse,
            pk_set=frozenset(pks) if pks is not None else None,
        )
        changed(keys_of(instance, event), kwargs.get("using"))

    m2m_changed.connect(
        linked, sender=through, weak=False, dispatch_uid=f"contentkeys:m2m:{through._meta.label}"
    )
