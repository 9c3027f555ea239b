"""How the apps are plugged into one another: every registry of the project, in one place.

The apps import downwards only (README, "Architecture"); where a lower part must act on
what a higher one owns, it offers a registry and this module, run once from
NewsroomConfig.ready(), fills it:

1. The page cache (edge.pagecache) is told which views it may keep (CACHEABLE_VIEWS), which
   pages also follow a story's comment thread (THREAD_VIEWS), which models' changes start a
   new generation (CONTENT_MODELS) or a new thread token (THREAD_MODELS), and when the clock
   next changes a page by itself (a scheduled story goes live, a pinned story's time ends).
2. The stored story render (articles.prerender) keeps the approved comment thread with it,
   and is made again when a comment decision changes that thread.
3. The image library (images) leaves a picture on a story past its draft to the editors.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Q

from articles import curation, prerender
from articles.models import Article
from comments import stored
from comments.models import Comment
from edge import pagecache
from images.models import keepers_only_when

# Views whose anonymous GET answers are the same for every reader.
CACHEABLE_VIEWS = frozenset(
    {
        "articles:front",
        "articles:archive",
        "articles:story",
        "articles:section",
        "articles:section_rss",
        "articles:section_atom",
        "articles:tag",
        "articles:author",
        "articles:rss",
        "articles:atom",
        "articles:sitemap",
        "articles:sitemap_section",
        "articles:news_sitemap",
        "articles:robots",
        "articles:corrections",
        "articles:corrections_feed",
        "articles:person",
        "api:story-list",
        "api:story-detail",
        "api:story-ninjs",
        "api:section-list",
        "api:tag-list",
        "api:person-list",
        "api:person-detail",
        "api:source-list",
        "api:author-list",
        "api:correction-list",
        "api:withdrawal-list",
    }
)
# The story page also shows its comment thread: view name → the URL argument naming the story.
THREAD_VIEWS = {"articles:story": "slug"}

SaveMatters = Callable[[Any, bool, Any], bool] | None

# Every model whose rows a public page shows, with an optional test of whether a save changes
# what readers see. A new app with public content adds one line here.
CONTENT_MODELS: dict[str, SaveMatters] = {
    "articles.Article": None,
    "articles.Section": None,
    "articles.Tag": None,
    "articles.Byline": None,
    "articles.KeyTakeaway": None,
    "articles.ImpactItem": None,
    "articles.Correction": None,
    "articles.StorySource": None,
    "articles.Curation": None,
    "articles.Pin": None,
    "articles.Claim": None,
    "articles.Quote": None,
    "sources.Source": None,
    "sources.Person": None,
    "images.Image": None,
    "auth.User": pagecache.not_a_login,
}
# Models whose rows show on one story's page only: a change starts a new thread token for that
# story instead of a new generation for the whole site.
THREAD_MODELS: dict[str, SaveMatters] = {
    "comments.Comment": stored.is_public_change,
}


def next_clock_change() -> datetime | None:
    """The next moment public pages change with no save: a scheduled story goes live, or a
    pinned story's end time comes."""
    moments = [Article.objects.next_publication_time(), curation.next_expiry()]
    return min((moment for moment in moments if moment is not None), default=None)


def connect() -> None:
    pagecache.declare(
        views=CACHEABLE_VIEWS,
        thread_views=THREAD_VIEWS,
        next_change=next_clock_change,
    )
    for label, when in CONTENT_MODELS.items():
        pagecache.watch(apps.get_model(label), when)
    for label, when in THREAD_MODELS.items():
        pagecache.watch(
            apps.get_model(label), when, bump=pagecache.bump_thread_of(stored.story_slug)
        )

    prerender.add_piece(stored.thread_piece, stored.thread_state)
    prerender.shows(Comment, when=stored.is_public_change)

    # A picture on a story past its draft is the editors' to reword, like the story.
    beyond_draft = [Article.Status.REVIEW, Article.Status.PUBLISHED]
    keepers_only_when(lambda: Q(lead_of__status__in=beyond_draft))
