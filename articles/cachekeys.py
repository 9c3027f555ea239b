"""The one declaration of content keys: what each public answer shows, what each change touches.

Keys (edge/contentkeys.py): `story:<id>`, `thread:<id>`, `section:<id>`, `tag:<id>`,
`person:<id>`, `author:<user id>`, `sitemap:<page>`, and the lists `front`, `archive`, `feeds`,
`sitemap`, `corrections`, `names` (every tag, person, writer, section or source in use),
`nav` (the sections every HTML page lists), `robots`, and `schedule` (when the clock next
changes a page).

**What answers show** — the views call `edge.contentkeys.shows` with these (story pages also
show their section's and tags' keys: their related stories follow them):

| answer | keys |
|---|---|
| story page | story, thread, its section, its tags (+ nav) |
| front page | front, each card's story (+ nav) |
| archive, search | archive, names, each card's story (+ nav) |
| section, tag, author, person pages | that record's key, each card's story (+ nav) |
| feeds | feeds (a section's feed: its section too) |
| sitemaps | sitemap (index, news); sitemap:<n> (a page of story addresses) |
| corrections page and feed | corrections |
| API story list / story | archive and each story / story |
| API sections, tags, people, authors, sources | names (a person: person and their stories) |
| API corrections, withdrawals | corrections |

**What changes touch** — `story_change` for a story, `watch()` for every other model:

- a story nobody can read (a draft, in review, unpublished) and its parts: nothing;
- a story readers can see, before or after the change (publish, unpublish, reschedule,
  correct, edit a live story): its page, every list it is or was on (front, archive, feeds,
  sitemaps, corrections, its section, tags, writers and the people it quotes), `names`, and
  `schedule`;
- a part of a public story (takeaway, claim, quote, citation, correction...): the story
  (and a quote its speaker, a byline its writer, a correction `corrections`);
- renaming a section, tag, person, writer or source: that record's key, `names`, and every
  public story that shows it (a section also `nav` and `front`); an image: the public
  stories that lead with it and the author pages showing it as a photo; an author profile:
  `author:<user id>`, `names`, `feeds` and every public story bylined by that writer (their
  bylines print its name and link);
- the editors' choice for a page: `front` or that section, and `schedule`;
- a comment decision: its story's thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.http import HttpRequest, HttpResponse

from authors.models import Profile
from edge import contentkeys
from edge.contentkeys import Event
from edge.pagecache import SCHEDULE
from images.models import Image
from sources.models import Person, Source

from .models import (
    Article,
    Byline,
    Claim,
    Correction,
    Curation,
    ImpactItem,
    KeyTakeaway,
    Pin,
    Quote,
    Section,
    StorySource,
    Tag,
)
from .sitemaps import STORIES_PER_SITEMAP

PUBLISHED = Article.Status.PUBLISHED
# The lists every public story is on, whatever its section, tags and people.
STORY_LISTS = frozenset({"front", "archive", "feeds", "sitemap", "corrections", "names", SCHEDULE})


def story(pk: Any) -> str:
    return f"story:{pk}"


def thread(pk: Any) -> str:
    return f"thread:{pk}"


def sitemap_page(pk: int) -> str:
    """The page of /sitemap-stories.xml holding story `pk` (pages are ranges of ids)."""
    return f"sitemap:{(pk - 1) // STORIES_PER_SITEMAP + 1}"


# -- what a story's change touches -------------------------------------------------------------


def story_change(article: Article, was_public: bool = False) -> frozenset[str]:
    """Every key a change to `article` touches, as the story now stands: nothing unless
    readers can see it now (or could before the change: `was_public`)."""
    if article.status != PUBLISHED and not was_public:
        return frozenset()
    pk = article.pk
    keys = {story(pk), thread(pk), sitemap_page(pk), *STORY_LISTS}
    if article.section_id:
        keys.add(f"section:{article.section_id}")
    keys.update(f"tag:{pk}" for pk in article.tags.values_list("pk", flat=True))
    keys.update(f"author:{pk}" for pk in article.bylines.values_list("author_id", flat=True))
    keys.update(f"person:{pk}" for pk in article.quotes.values_list("speaker_id", flat=True))
    return frozenset(keys)


def was_public(article: Article) -> bool:
    """Whether readers could see the story as it was loaded (before this change)."""
    return getattr(article, "_saved_status", None) == PUBLISHED


def _article_saved(article: Article, event: Event) -> Iterable[str]:
    if event.kind == "link":
        return _tags_of_story(article, event)
    # Article.save sets _saved_status only after post_save: here it is still the old status.
    return story_change(article, was_public=was_public(article))


# -- parts of a story ----------------------------------------------------------------------------


def _is_public(article_id: Any) -> bool:
    return Article.objects.filter(pk=article_id, status=PUBLISHED).exists()


def part_of_story(*more: Callable[[Any], Iterable[str]]) -> contentkeys.KeysOf:
    """A part's change touches its story's page (and `more(part)`), if readers can see it."""

    def keys_of(part: Any, event: Event) -> Iterable[str]:
        if not _is_public(part.article_id):
            return ()
        keys = [story(part.article_id)]
        for extra in more:
            keys.extend(extra(part))
        return keys

    return keys_of


def _claim(claim: Claim, event: Event) -> Iterable[str]:
    if event.kind == "link" and event.reverse:  # a source given to or taken from claims
        return _public_stories(Article.objects.filter(claims__pk__in=event.pk_set or ()))
    return part_of_story()(claim, event)


def _tags_of_story(instance: Any, event: Event) -> Iterable[str]:
    """Tags added to or taken from a story (either side of the link)."""
    if event.reverse:  # instance is a Tag, pk_set the stories
        stories = Article.objects.filter(pk__in=event.pk_set or ())
        if event.pk_set is None:
            stories = Article.objects.filter(tags=instance)
        found = _public_stories(stories)
        return [f"tag:{instance.pk}", "names", "archive", *found] if found else []
    keys = set(story_change(instance))
    if keys:
        pks = event.pk_set
        if pks is None:  # a clear, seen before it happens
            pks = instance.tags.values_list("pk", flat=True)
        keys.update(f"tag:{pk}" for pk in pks)
    return keys


# -- shared records ----------------------------------------------------------------------------


def _public_stories(stories: models.QuerySet) -> list[str]:
    pks = stories.filter(status=PUBLISHED).values_list("pk", flat=True).distinct()
    return [story(pk) for pk in pks]


def shown_by_stories(
    key: Callable[[Any], str],
    stories: Callable[[Any], models.QuerySet],
    *more: str,
) -> contentkeys.KeysOf:
    """A shared record's change touches its own pages, `more`, and the public stories
    `stories(row)` that show it."""

    def keys_of(row: Any, event: Event) -> Iterable[str]:
        return [key(row), *more, *_public_stories(stories(row))]

    return keys_of


def _writer(user: Any, event: Event) -> Iterable[str]:
    """A writer's name shows on their stories; logging in only stamps last_login, and their
    groups and permissions show nowhere (a link event may also come from the group's side)."""
    if event.kind == "link":
        return ()
    if event.kind == "save" and event.update_fields == frozenset({"last_login"}):
        return ()
    found = _public_stories(Article.objects.filter(bylines__author=user))
    return [f"author:{user.pk}", "names", "feeds", *found] if found else []


def _profile(profile: Profile, event: Event) -> Iterable[str]:
    """A writer's profile is their page, and gives the name and link of their bylines."""
    found = _public_stories(Article.objects.filter(bylines__author=profile.user_id))
    return [f"author:{profile.user_id}", "names", "feeds", *found]


def _image(image: Image, event: Event) -> Iterable[str]:
    """The public stories leading with it, and the author pages showing it as a photo."""
    photographed = Profile.objects.public().filter(photo=image).values_list("user_id", flat=True)
    authors = [f"author:{pk}" for pk in photographed]
    return [*_public_stories(Article.objects.filter(lead_image=image)), *authors]


def _source(source: Source, event: Event) -> Iterable[str]:
    found = _public_stories(Article.objects.filter(source_entries__source=source))
    return ["names", *found] if found else []


def curated_page(curation: Curation | None) -> list[str]:
    if curation is None:
        return []
    page = "front" if curation.section_id is None else f"section:{curation.section_id}"
    return [page, SCHEDULE]


def _curation(curation: Curation, event: Event) -> Iterable[str]:
    return curated_page(curation)


def _pin(pin: Pin, event: Event) -> Iterable[str]:
    return curated_page(Curation.objects.filter(pk=pin.curation_id).first())


def watch() -> None:
    """Name the keys every change of every model readers see touches (newsroom/wiring.py;
    comments add their own)."""
    contentkeys.watch(Article, _article_saved)  # and its tags, from either side
    for part in (KeyTakeaway, ImpactItem, StorySource):
        contentkeys.watch(part, part_of_story())
    contentkeys.watch(Claim, _claim)
    contentkeys.watch(Quote, part_of_story(lambda quote: [f"person:{quote.speaker_id}"]))
    contentkeys.watch(Byline, part_of_story(lambda byline: [f"author:{byline.author_id}"]))
    contentkeys.watch(Correction, part_of_story(lambda correction: ["corrections"]))
    contentkeys.watch(
        Section,
        shown_by_stories(
            lambda section: f"section:{section.pk}",
            lambda section: Article.objects.filter(section=section),
            "nav",
            "names",
            "front",
        ),
    )
    contentkeys.watch(
        Tag,
        shown_by_stories(
            lambda tag: f"tag:{tag.pk}",
            lambda tag: Article.objects.filter(tags=tag),
            "names",
            "archive",
            "feeds",  # an item's categories
        ),
    )
    contentkeys.watch(
        Person,
        shown_by_stories(
            lambda person: f"person:{person.pk}",
            lambda person: Article.objects.filter(quotes__speaker=person),
            "names",
        ),
    )
    contentkeys.watch(Source, _source)
    contentkeys.watch(Image, _image)
    contentkeys.watch(get_user_model(), _writer)
    contentkeys.watch(Profile, _profile)
    contentkeys.watch(Curation, _curation)
    contentkeys.watch(Pin, _pin)


# -- what answers show ------------------------------------------------------------------------


def story_page(article: Article, tag_ids: Iterable[int]) -> list[str]:
    """A story page: the story and its thread; its related stories follow its section and
    tags."""
    keys = [story(article.pk), thread(article.pk), *(f"tag:{pk}" for pk in tag_ids)]
    if article.section_id:
        keys.append(f"section:{article.section_id}")
    return keys


def shows_keys(
    keys_of: Callable[..., Iterable[str]],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """For views declared in urls.py (feeds, sitemaps): the answer shows `keys_of(request,
    **kwargs)`."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            contentkeys.shows(request, *keys_of(request, **kwargs))
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def sitemap_keys(request: HttpRequest, section: str = "", **kwargs: Any) -> list[str]:
    """The index and the news sitemap follow every story; a page of story addresses, its range."""
    if section != "stories":
        return ["sitemap"]
    page = request.GET.get("p", "1")
    return [f"sitemap:{int(page)}" if page.isdigit() else "sitemap"]
