"""How the apps are plugged into one another: every registry of the project, in one place.

The apps import downwards only (README, "Architecture"); where a lower part must act on
what a higher one owns, it offers a registry and this module, run once from
NewsroomConfig.ready(), fills it:

1. Content keys (edge.contentkeys): the keys each committed change names are purged from the
   page cache (edge.pagecache) and the frontend cache (edge.frontend), and retire the stored
   story renders they name (articles.prerender) inside the transaction. articles/cachekeys.py
   declares the keys of stories and their records (articles.apps); comments add theirs here.
2. The page cache is told which views it may keep (CACHEABLE_VIEWS) and when the clock next
   changes a page by itself (a scheduled story goes live, a pinned story's time ends).
3. The stored story render keeps the approved comment thread with it.
4. The image library (images) leaves a picture on a story past its draft to the editors.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q

from articles import curation, prerender
from articles.models import Article
from comments import stored
from comments.models import Comment
from edge import contentkeys, frontend, pagecache
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
        "trust:standards",
        "trust:policy",
        "trust:trust_txt",
        "trust:trust_txt_well_known",
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


def next_clock_change() -> datetime | None:
    """The next moment public pages change with no save: a scheduled story goes live, or a
    pinned story's end time comes."""
    moments = [Article.objects.next_publication_time(), curation.next_expiry()]
    return min((moment for moment in moments if moment is not None), default=None)


def connect() -> None:
    contentkeys.add_purger(pagecache.purge)
    contentkeys.add_purger(frontend.purge)
    contentkeys.on_change(prerender.stale_for)
    contentkeys.watch(Comment, stored.thread_keys)
    pagecache.declare(views=CACHEABLE_VIEWS, next_change=next_clock_change)

    prerender.add_piece(stored.thread_piece, stored.thread_state)

    # A picture on a story past its draft is the editors' to reword, like the story.
    beyond_draft = [Article.Status.REVIEW, Article.Status.PUBLISHED]
    keepers_only_when(lambda: Q(lead_of__status__in=beyond_draft))
