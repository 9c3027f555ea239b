"""Story cards: every list's stories (front, sections, archive, tags, authors) as HTML.

Every list of stories on the public site goes through `cards_for`, the one place that knows
which stories a page shows as cards. A card is written out in Python, not by a template:
through Django's template engine a card cost about half a millisecond (a card is some forty
template nodes and a picture include), which made the twenty cards of an archive page most of
its time; joined here with `format_html` it costs a few tens of microseconds. The markup is
the markup the card template had, byte for byte (tests/test_public_output.py pins it), and the
picture is the markup of `images/_picture.html` (tests/test_story_cards.py holds the two
together).

**Kept, exact by token.** A card made is kept in the process's memory (the newest
`KEPT_CARDS`), under the story's `page_token` and everything else its HTML depends on: the
variant, the code, language, time zone, script prefix and media address. Everything a card
shows (headline, standfirst, section, lead image and its alt text, bylines and their
writers' names, publication time) is something the story page shows too, so every change to
it gives the story a new token in the same transaction (articles.prerender), exactly as for
the stored story render, and the old card is never read again. A list reads each story's
token with its row, so a kept card costs no query; a process that restarts makes its cards
again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpRequest
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from edge import contentkeys

from .kept import KeptByToken, surroundings
from .machine_time import machine_time
from .models import Article, Byline, KeyTakeaway
from .models.bylines import WITH_WRITER
from .paging import PageRows
from .worktypes import WorkType

# About 1.5 KB each: the newest 5,000 cards keep a process's lists rendered in ~8 MB.
KEPT_CARDS = 5000
_kept = KeptByToken(KEPT_CARDS)
# As Article.objects.with_bylines() reads them.
BYLINES = Prefetch("bylines", queryset=Byline.objects.select_related(*WITH_WRITER))

LEAD_SIZES = "(min-width: 74rem) 46rem, (min-width: 52rem) 64vw, calc(100vw - 2rem)"
CARD_SIZES = "(min-width: 40rem) 16rem, calc(100vw - 2rem)"


def cards_for(
    request: HttpRequest | None,
    stories: Iterable[Article],
    *,
    level: int = 2,
    compact: bool = False,
    hide_section: bool = False,
    lead: bool = False,
    takeaways: Sequence[KeyTakeaway] = (),
) -> list[SafeString]:
    """The cards of `stories`, in order, in one variant.

    `level` is the headline's heading level; a `compact` card has no picture and no
    standfirst; `hide_section` drops the section's name (on the section's own page); the
    `lead` card has the large picture, and `takeaways` under its standfirst. The stories come
    from `Article.objects.with_cards()` (section, lead image and bylines already read).
    """
    takeaways = tuple(takeaways) if lead else ()
    variant = (level, compact, hide_section, lead, tuple(t.pk for t in takeaways))
    context = (*surroundings(), settings.MEDIA_URL)
    if isinstance(stories, PageRows) and not stories.loaded:
        if request is not None:  # the page shows these stories: their changes purge it
            contentkeys.shows(request, *(f"story:{pk}" for pk, _ in stories.keyed))
        make = lambda story: _card(story, level, compact, hide_section, lead, takeaways)  # noqa: E731
        return _page_cards(stories, variant, context, make)
    stories = list(stories)
    if request is not None:
        contentkeys.shows(request, *contentkeys.story_keys(stories))
    keys = [(story.pk, story.__dict__.get("page_token"), variant, context) for story in stories]
    found = [_kept.get(key) if key[1] else None for key in keys]
    missing = [story for story, card in zip(stories, found, strict=True) if card is None]
    _read_bylines(missing)
    made = []
    for story, key, card in zip(stories, keys, found, strict=True):
        if card is None:
            card = _card(story, level, compact, hide_section, lead, takeaways)
            if key[1]:  # a list without tokens (never a query for one) renders every time
                _kept.keep(key, card)
        made.append(card)
    return made


def _read_bylines(stories: list[Article]) -> None:
    """The bylines of the stories whose cards are to be made, in one query: lists whose
    cards are kept need not read them (a list may leave them out: `prefetch_related(None)`)."""
    unread = [s for s in stories if "bylines" not in getattr(s, "_prefetched_objects_cache", {})]
    if unread:
        prefetch_related_objects(unread, BYLINES)


def _page_cards(page: PageRows, variant: tuple, context: tuple, make: Any) -> list[SafeString]:
    """A list's cards from its keys and tokens; the rows are read (all of the list's source
    at once, in one query) only if a card is not kept."""
    found = {pk: _kept.get((pk, token, variant, context)) for pk, token in page.keyed}
    missing = [pk for pk, card in found.items() if card is None]
    if missing:
        rows = page.source.rows()
        for pk in missing:
            if (story := rows.get(pk)) is not None:
                found[pk] = card = make(story)
                _kept.keep((pk, story.page_token, variant, context), card)
    return [card for pk, _ in page.keyed if (card := found.get(pk)) is not None]


def card_for(request: HttpRequest | None, story: Article, **variant: Any) -> SafeString:
    """One story's card (see `cards_for`)."""
    return cards_for(request, [story], **variant)[0]


def _card(
    story: Article,
    level: int,
    compact: bool,
    hide_section: bool,
    lead: bool,
    takeaways: Sequence[KeyTakeaway],
) -> SafeString:
    classes = "story-card"
    image = story.lead_image
    if lead:
        classes += " story-card-lead" if image else " story-card-lead story-card-lead-text"
    picture = ""
    if image and not compact:
        picture = picture_html(image, "story-card-image", LEAD_SIZES if lead else CARD_SIZES, lead)
    kicker = ""
    section = story.section
    if section and not hide_section:
        kicker = format_html(
            '<p class="kicker"><a href="{}">{}</a></p>', section.get_absolute_url(), section.name
        )
    if story.work_type != WorkType.NEWS:  # news is what a list holds unless it says otherwise
        kicker += format_html(
            '<p class="story-card-type story-card-type-{}">{}</p>',
            story.work_type,
            story.get_work_type_display(),
        )
    standfirst = ""
    if story.standfirst_html and not compact:
        standfirst = format_html(
            '<div class="story-card-standfirst">{}</div>', story.standfirst_safe()
        )
    listed = ""
    if takeaways:
        listed = format_html(
            '<ol class="story-card-takeaways" aria-label="{}">{}</ol>',
            gettext("Key takeaways"),
            format_html_join("", "<li>{}</li>", ((t.text_safe(),) for t in takeaways)),
        )
    names = [(byline.display_name,) for byline in story.bylines.all()]
    bylines = ""
    if names:
        joined = format_html_join(", ", "{}", names)
        bylines = format_html('<span class="bylines">{}</span>', joined)
    published = template_localtime(story.published_at)
    return format_html(
        '<article class="{}">\n  {}\n  {}\n'
        '  <h{} class="story-card-headline"><a href="{}">{}</a></h{}>\n'
        "  {}{}\n"
        '  <p class="story-card-meta">\n'
        "    {}\n"
        '    <time datetime="{}">{}</time>\n'
        "  </p>\n"
        "</article>\n",
        classes,
        picture,
        kicker,
        level,
        story.get_absolute_url(),
        story.headline,
        level,
        standfirst,
        listed,
        bylines,
        machine_time(published),
        formats.date_format(published, "j F Y, H:i") if published else "",
    )


def picture_html(image: Any, css_class: str, sizes: str, eager: bool) -> SafeString:
    """The markup of templates/images/_picture.html for a card's picture."""
    fallback = image.fallback
    # The loading hints are the template's constants, written into the format itself.
    loading = ' loading="eager" fetchpriority="high"' if eager else ' loading="lazy"'
    return format_html(
        '<picture class="{}">\n'
        '  <source type="image/webp" srcset="{}" sizes="{}">\n'
        '  <img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"'
        + loading
        + ' decoding="async">\n'
        "</picture>\n",
        css_class,
        image.webp_srcset,
        sizes,
        fallback.url,
        image.jpeg_srcset,
        sizes,
        fallback.width,
        fallback.height,
        image.alt_text,
    )


def forget() -> None:
    """Drop every kept card (tests that count a list's first, uncached, read)."""
    _kept.forget()
