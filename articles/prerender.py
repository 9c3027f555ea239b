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
transaction* as the change: every change names the content keys it touches
(articles/cachekeys.py), and `stale_for` gives the stories those keys name a new token at
once (a save of the story itself makes one in Article.save). A reader reads the token
before the rows it renders from, so a render can be older than its token says only if it
is kept under a token that has already been replaced: it is never used. A new random token
can never equal an old one, so a save that writes back a token read earlier cannot revive an
old render.

`key` holds what else the HTML depends on — the code (a deploy re-renders), the language and
time zone, and the address the site was reached at (the metadata's absolute URLs) — so a
render made for another of them is made again.

Code that changes rows a story page shows with QuerySet.update() (which sends no signal) names
the keys itself (`edge.contentkeys.changed`), or calls `stale()`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections, models, transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from edge.pagecache import release
from trust import snapshot as trust_snapshot

from . import metadata
from .models import (
    Article,
    StoryRender,
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


STORY_KEYS = ("story:", "thread:")


def stale_for(keys: frozenset[str], alias: str) -> None:
    """A change named `keys` (edge/contentkeys.py; the declaration is articles/cachekeys.py):
    the stories whose page or thread they name are rendered again, from this transaction on
    (every story, when the publisher or a policy changed)."""
    if trust_snapshot.KEY in keys:  # the publisher and the standards link show on every story
        stale(Article.objects.using(alias))
        return
    pks = {int(key.split(":", 1)[1]) for key in keys if key.startswith(STORY_KEYS)}
    if pks:
        stale(Article.objects.using(alias).filter(pk__in=pks))
