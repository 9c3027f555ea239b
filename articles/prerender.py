"""A live story's page, rendered once and kept in the database until something it shows changes.

Most of a story page — its <head> metadata and the whole <article>: headline, bylines, lead
image, takeaways, claims with their numbered citations, context, pull quote, sources,
corrections, tags — changes only when the story or a record it shows does, and so does the
approved comment thread other apps add as a piece (add_piece). `page_for` renders these the
first time a reader asks after such a change and keeps them in a StoryRender row; every later
request reads them with the story's own row. What follows other stories or the reader (the
related stories, the comment form, messages) is rendered on every request.

**Exact, by token.** Every story has a random `page_token`. A render is kept with the token
it was made from and used only while the story still has that token. Every change to
something the page shows gives the stories that show it a new token, *in the same
transaction* as the change (`shows()` below wires each model's signals to it; a save of
the story itself makes one in Article.save). A reader reads the token before the rows it
renders from, so a render can be older than its token says only if it is kept under a token
that has already been replaced: it is never used. A new random token can never equal an old
one, so a save that writes back a token read earlier cannot revive an old render.

`key` holds what else the HTML depends on — the code (a deploy re-renders), the language and
time zone, and the address the site was reached at (the metadata's absolute URLs) — so a
render made for another of them is made again.

Code that changes rows a story page shows with QuerySet.update() (which sends no signal) calls
`stale()` itself, like the page cache's bump_on_commit().
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connections, models, transaction
from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from edge.pagecache import not_a_login, release
from sources.models import Person, Source

from . import metadata
from .models import (
    Article,
    Byline,
    Claim,
    Correction,
    ImpactItem,
    KeyTakeaway,
    Quote,
    Section,
    StoryRender,
    StorySource,
    Tag,
)
from .models.article import new_page_token
from .story import Story

logger = logging.getLogger(__name__)

HEAD_TEMPLATE = "articles/_story_head.html"
BODY_TEMPLATE = "articles/_story_body.html"


@dataclass
class StoryPage:
    """The stored pieces of a story's page."""

    head: SafeString
    body: SafeString
    tag_ids: list[int] = field(default_factory=list)
    # What other apps keep with the render (add_piece): name → HTML or a number.
    pieces: dict[str, Any] = field(default_factory=dict)


# Other apps' pieces of a live story's page, kept with it: each renders {name: HTML or number}
# from the story, and says which state of the story (other than its token) the pieces depend
# on (comments: whether the thread is open, which follows the clock).
Piece = tuple[Callable[[Article], dict[str, Any]], Callable[[Article], str]]
_pieces: list[Piece] = []


def add_piece(render: Callable[[Article], dict[str, Any]], state: Callable[[Article], str]) -> None:
    """Keep `render(article)` with every live story's render, made again when `state` moves."""
    _pieces.append((render, state))


# -- rendering ------------------------------------------------------------------------------


def render(request: HttpRequest, story: Story, preview: bool = False) -> StoryPage:
    """The story's <head> metadata and <article>, rendered now."""
    context = {
        "story": story,
        "article": story.article,
        "page_meta": metadata.for_story(request, story, preview=preview),
        "site_name": settings.NEWSROOM_SITE_NAME,
    }
    return StoryPage(
        head=render_to_string(HEAD_TEMPLATE, context),  # autoescaped, so already SafeString
        body=render_to_string(BODY_TEMPLATE, context),
        tag_ids=[tag.pk for tag in story.tags],
    )


def render_key(request: HttpRequest, article: Article) -> str:
    """What a stored render depends on besides the story's token: code, language, zone,
    address, and the state its pieces follow."""
    parts = [
        *(state(article) for _, state in _pieces),
        release(),
        get_language() or "",
        timezone.get_current_timezone_name(),
        request.scheme,
        request.get_host(),
        get_script_prefix(),
        settings.MEDIA_URL,
        settings.NEWSROOM_SITE_NAME,
        settings.NEWSROOM_SITE_DESCRIPTION,
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def page_for(request: HttpRequest, article: Article) -> StoryPage:
    """A live story's stored page, rendered and kept first if it is missing or out of date.

    `article` comes from Article.objects.with_story_row() with `rendered` joined, so a stored
    page costs no query of its own.
    """
    key = render_key(request, article)
    stored = getattr(article, "rendered", None)
    if stored is not None and stored.token == article.page_token and stored.key == key:
        pieces = {
            name: _kept(value) if isinstance(value, str) else value
            for name, value in stored.pieces.items()
        }
        return StoryPage(_kept(stored.head_html), _kept(stored.body_html), stored.tag_ids, pieces)
    page = render(request, Story.of(article))
    for render_piece, _ in _pieces:
        page.pieces.update(render_piece(article))
    _keep(article, key, page)
    return page


def _kept(html: str) -> SafeString:
    """HTML our own templates rendered (and escaped), read back from the StoryRender row."""
    return mark_safe(html)  # noqa: S308 - written only by render() above


def _keep(article: Article, key: str, page: StoryPage) -> None:
    """Store the render. Failing to store it only costs the next reader a render."""
    row = StoryRender(
        article=article,
        token=article.page_token,
        key=key,
        head_html=page.head,
        body_html=page.body,
        tag_ids=page.tag_ids,
        pieces=page.pieces,
        rendered_at=timezone.now(),
    )
    connection = connections[article._state.db or "default"]
    try:
        # Inside a transaction, a savepoint keeps a failed write from breaking the rest of it.
        savepoint = connection.in_atomic_block
        with transaction.atomic(using=connection.alias) if savepoint else nullcontext():
            with connection.cursor() as cursor:
                cursor.execute(*_upsert(row, connection))
    except DatabaseError:
        logger.warning("could not keep the render of story %s", article.pk, exc_info=True)


def _upsert(row: StoryRender, connection: Any) -> tuple[str, list[Any]]:
    """One INSERT ... ON CONFLICT DO UPDATE statement (SQLite and PostgreSQL say it alike).

    QuerySet.bulk_create(update_conflicts=True) writes the same statement, but wraps it in a
    transaction of its own: on SQLite two more statements on every render.
    """
    quote = connection.ops.quote_name
    fields = [f for f in StoryRender._meta.concrete_fields]
    columns = ", ".join(quote(f.column) for f in fields)
    updates = ", ".join(
        f"{quote(f.column)} = excluded.{quote(f.column)}" for f in fields if not f.primary_key
    )
    sql = (
        f"INSERT INTO {quote(StoryRender._meta.db_table)} ({columns})"
        f" VALUES ({', '.join(['%s'] * len(fields))})"
        f" ON CONFLICT ({quote(StoryRender._meta.pk.column)}) DO UPDATE SET {updates}"
    )
    values = [f.get_db_prep_save(getattr(row, f.attname), connection) for f in fields]
    return sql, values


# -- invalidation -----------------------------------------------------------------------------


def stale(stories: models.QuerySet) -> None:
    """Give these stories a new page token: their stored pages are made again when next read."""
    stories.update(page_token=new_page_token())


def stories_of_part(part: Any) -> models.QuerySet:
    """The story a part (a row with an article_id) belongs to."""
    return Article.objects.filter(pk=part.article_id)


# The stories whose pages show a row: story parts by their article_id, shared records by a join.
StoriesOf = Callable[[Any], models.QuerySet]


def shows(
    model: type[models.Model],
    stories_of: StoriesOf = stories_of_part,
    when: Callable[[Any, bool, Any], bool] | None = None,
) -> None:
    """Stale the stories `stories_of(row)` on every save of a `model` row (for which `when`,
    if given, says the save matters: the page cache's tests, newsroom/wiring.py) and before
    every delete of one."""
    label = model._meta.label

    def saved(sender: Any, instance: Any, created: bool = False, **kwargs: Any) -> None:
        if when is None or when(instance, created, kwargs.get("update_fields")):
            stale(stories_of(instance))

    def deleting(sender: Any, instance: Any, **kwargs: Any) -> None:
        stale(stories_of(instance))

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"prerender:save:{label}")
    # Before the delete: afterwards a shared record's links to its stories are gone.
    pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"prerender:del:{label}")


def shows_links(
    through: type[models.Model],
    stories_of: StoriesOf,
    stories_linked: Callable[[Any, set[Any] | None], models.QuerySet],
) -> None:
    """Stale stories when links of a many-to-many field change. From the field's side,
    `stories_of(row)`; from the other side, `stories_linked(other_row, pks)` with the pks of
    the rows whose links changed, or None for a clear (handled before it happens, while the
    links still say which stories)."""

    def linked(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
        if action not in ("post_add", "post_remove", "pre_clear"):
            return
        if not reverse:
            stale(stories_of(instance))
        else:
            stale(stories_linked(instance, kwargs.get("pk_set")))

    m2m_changed.connect(
        linked, sender=through, weak=False, dispatch_uid=f"prerender:m2m:{through._meta.label}"
    )


def watch() -> None:
    """What a story's page shows: its parts, and the shared records they point at."""
    for part in (Byline, KeyTakeaway, ImpactItem, Correction, Claim, Quote, StorySource):
        shows(part)
    # A source shows in its stories' lists (every cited source is kept in the list).
    shows(Source, lambda source: Article.objects.filter(source_entries__source=source))
    shows(Person, lambda person: Article.objects.filter(quotes__speaker=person))
    shows_links(Claim.sources.through, stories_of_part, _citing)
    shows(Section, lambda section: Article.objects.filter(section=section))
    shows(Tag, lambda tag: Article.objects.filter(tags=tag))
    user_model = get_user_model()
    shows(
        user_model,
        lambda user: Article.objects.filter(bylines__author=user),
        not_a_login,
    )
    shows(
        Article._meta.get_field("lead_image").related_model,
        lambda image: Article.objects.filter(lead_image=image),
    )
    shows_links(
        Article.tags.through, lambda article: Article.objects.filter(pk=article.pk), _tagged
    )


def _citing(source: Any, claim_pks: set[Any] | None) -> models.QuerySet:
    """The stories whose claims a source was given to (or, for a clear, still cites)."""
    if claim_pks is None:
        return Article.objects.filter(claims__sources=source)
    return Article.objects.filter(claims__pk__in=claim_pks)


def _tagged(tag: Any, article_pks: set[Any] | None) -> models.QuerySet:
    if article_pks is None:
        return Article.objects.filter(tags=tag)
    return Article.objects.filter(pk__in=article_pks)
