"""Build a newsroom at scale in the benchmark's throwaway database, quickly.

Rows are written with bulk_create in batches, with every derived column (the sanitised
`*_html` columns, the search document, positions, slugs) computed here in Python from texts
that are each rendered once. This is the one place that sets a story's status without
`articles.workflow`: running a million workflow calls (locks, events, revisions, emails) would
take hours and measure nothing the pages do. It only ever runs against the database
bench.database made for the run, which is dropped afterwards.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from articles import markup
from articles.models import (
    Article,
    Byline,
    Claim,
    ImpactItem,
    KeyTakeaway,
    Quote,
    Section,
    StorySource,
    Tag,
)
from comments.models import Comment
from images import renditions
from images.models import Image
from sources.models import Person, Source

from . import words

STORY_BATCH = 500  # stories whose parts are built and inserted together
COMMENT_BATCH = 5000
STORY_INTERVAL = timedelta(minutes=47)  # between publications, newest first
SCHEDULED_STORIES = 3  # also a few scheduled for tomorrow, as a real newsroom has
BUSY_STORY_COMMENTS = 200  # one story (the lead) carries this many: half of them replies
WRITERS = 60
PEOPLE = 400
TAKEAWAYS = 7
CLAIMS = 4  # three verified, one unconfirmed
SOURCES = 3
IMPACT_ITEMS = 3
TAGS_PER_STORY = 3
IMAGES = 300  # a picture library; most stories lead with one of them
NO_IMAGE_EVERY = 5  # every fifth story has no lead image (the landmarks measured all have one)
IMAGE_SIZE = (2400, 1600)
REPLY_SHARE = 0.3


@dataclass
class Newsroom:
    """What was built, and what the measuring needs to find its way around it."""

    stories: int = 0
    comments: int = 0
    rows: int = 0
    busy_story: str = ""  # slug of the story with BUSY_STORY_COMMENTS comments
    typical_story: str = ""
    section: str = ""
    tag: str = ""
    person: str = ""
    search_term: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@cache
def _inline(text: str) -> str:
    return markup.render_inline(text)


@cache
def _block(text: str) -> str:
    return markup.render_block(text)


def build(stories: int, comments: int, seed: int = 8) -> Newsroom:
    """Create `stories` published stories with every part and `comments` approved comments."""
    rng = random.Random(seed)
    now = timezone.now()
    sections = Section.objects.bulk_create(
        Section(name=name, slug=slugify(name), position=n) for n, name in enumerate(words.SECTIONS)
    )
    tags = Tag.objects.bulk_create(
        Tag(name=f"{topic} {qualifier}", slug=slugify(f"{topic} {qualifier}"))
        for topic in words.TOPICS
        for qualifier in words.QUALIFIERS
    )
    writers = _writers()
    people = _people(rng)
    images = _images(rng)
    result = Newsroom(counts={"sections": len(sections), "tags": len(tags), "images": len(images)})
    story_ids: list[int] = []
    total = stories + SCHEDULED_STORIES
    for start in range(0, total, STORY_BATCH):
        numbers = range(start, min(start + STORY_BATCH, total))
        batch = _StoryBatch(rng, now, numbers, sections, tags, writers, people, images)
        with transaction.atomic():
            story_ids += batch.save(result.counts)
    published_ids = story_ids[SCHEDULED_STORIES:]
    # auto_now stamped every story with the build time; a story was last changed when published.
    Article.objects.update(updated_at=F("published_at"))
    result.comments = _comments(rng, published_ids, comments, now, result.counts)
    result.stories = stories
    result.rows = sum(result.counts.values())
    _landmarks(result, published_ids)
    return result


def _writers() -> list[Any]:
    user_model = get_user_model()
    password = make_password(None)  # unusable: nobody logs in to the benchmark
    return user_model.objects.bulk_create(
        user_model(
            username=f"writer{n}",
            first_name=words.FIRST_NAMES[n % len(words.FIRST_NAMES)],
            last_name=words.SURNAMES[(n * 7) % len(words.SURNAMES)],
            email=f"writer{n}@newsroom.example",
            password=password,
            is_staff=True,
        )
        for n in range(WRITERS)
    )


def _people(rng: random.Random) -> list[Person]:
    names = [f"{first} {last}" for last in words.SURNAMES for first in words.FIRST_NAMES]
    rng.shuffle(names)
    return Person.objects.bulk_create(
        Person(
            name=name,
            slug=f"{slugify(name)}-{n}",
            role=rng.choice(words.ROLES),
            organization=rng.choice(words.ORGANISATIONS),
        )
        for n, name in enumerate(names[:PEOPLE])
    )


def _images(rng: random.Random) -> list[Image]:
    """Library rows described as the upload path would describe them. No file is written:
    pages only read the row (its renditions' names and sizes), never the pictures."""
    width, height = IMAGE_SIZE
    rows = []
    for n in range(IMAGES):
        image = Image(
            alt_text=f"{rng.choice(words.HEADLINE_SUBJECTS)} at the harbour, picture {n}",
            caption=rng.choice(words.STANDFIRSTS),
            credit=f"Photo: {words.FIRST_NAMES[n % len(words.FIRST_NAMES)]} / Calder Press",
            width=width,
            height=height,
            format=Image.Format.JPEG,
        )
        folder = f"images/{image.key}"
        image.file = f"{folder}/original.jpg"
        image.renditions = [
            {
                "name": f"w{w}",
                "format": kind,
                "width": w,
                "height": round(height * w / width),
                "file": f"{folder}/w{w}.{extension}",
            }
            for w in renditions.widths_for(width)
            for kind, (_format, extension, _options) in renditions.RENDITION_FORMATS.items()
        ]
        social_width, social_height = renditions.SOCIAL_SIZE
        image.renditions.append(
            {
                "name": "social",
                "format": "jpeg",
                "width": social_width,
                "height": social_height,
                "file": f"{folder}/social.jpg",
            }
        )
        rows.append(image)
    return Image.objects.bulk_create(rows)


class _StoryBatch:
    """A few hundred stories and all their parts, inserted table by table."""

    def __init__(
        self,
        rng: random.Random,
        now: datetime,
        numbers: range,
        sections: list[Section],
        tags: list[Tag],
        writers: list[Any],
        people: list[Person],
        images: list[Image],
    ) -> None:
        self.rng, self.now, self.numbers = rng, now, numbers
        self.sections, self.tags, self.writers, self.people = sections, tags, writers, people
        self.images = images

    def _published_at(self, number: int) -> datetime:
        """The first SCHEDULED_STORIES numbers are scheduled; the rest count back from now."""
        if number < SCHEDULED_STORIES:
            return self.now + timedelta(days=1, hours=number)
        return self.now - STORY_INTERVAL * (number - SCHEDULED_STORIES + 1)

    def _lead_image(self, number: int) -> Image | None:
        return self.images[number % len(self.images)] if number % NO_IMAGE_EVERY else None

    def save(self, counts: dict[str, int]) -> list[int]:
        rng = self.rng
        articles, plans = [], []
        for number in self.numbers:
            plan = _StoryPlan.draw(rng, number, self.people)
            when = self._published_at(number)
            headline = (
                f"{rng.choice(words.HEADLINE_SUBJECTS)} {rng.choice(words.HEADLINE_VERBS)} "
                f"{plan.topic.lower()} {rng.choice(words.QUALIFIERS)}"
            )
            article = Article(
                headline=headline,
                slug=f"{slugify(headline)}-{number}",
                standfirst=(standfirst := rng.choice(words.STANDFIRSTS)),
                standfirst_html=_block(standfirst),
                dateline="Port Calder",
                section=rng.choice(self.sections),
                lead_image=self._lead_image(number),
                context=(context := "\n\n".join(rng.choice(words.CONTEXTS))),
                context_html=_block(context),
                bottom_line=(bottom := rng.choice(words.BOTTOM_LINES)),
                bottom_line_html=_block(bottom),
                status=Article.Status.PUBLISHED,
                created_by=rng.choice(self.writers),
                created_at=when - timedelta(hours=3),
                first_published_at=when,
                published_at=when,
            )
            article.search_document = article.search_text(
                takeaways=plan.takeaways,
                impact_items=[text for _label, text in plan.impacts],
                claims=[text for text, _status in plan.claims],
                quotes=[(text, speaker.name) for text, speaker in plan.quotes],
            )
            articles.append(article)
            plans.append(plan)
        Article.objects.bulk_create(articles)
        self._parts(articles, plans, counts)
        counts["stories"] = counts.get("stories", 0) + len(articles)
        return [article.pk for article in articles]

    def _parts(self, articles: list[Article], plans: list[_StoryPlan], counts: dict) -> None:
        rng = self.rng
        rows: dict[str, list[Any]] = {name: [] for name in _PART_MODELS}
        sources: list[Source] = []
        for article, plan in zip(articles, plans, strict=True):
            for position, author in enumerate(rng.sample(self.writers, rng.choice((1, 1, 2))), 1):
                credit = f"{author.first_name} {author.last_name}"
                rows["bylines"].append(
                    Byline(article=article, author=author, credit=credit, position=position)
                )
            for position, text in enumerate(plan.takeaways, 1):
                rows["takeaways"].append(
                    KeyTakeaway(
                        article=article, position=position, text=text, text_html=_inline(text)
                    )
                )
            for position, (label, text) in enumerate(plan.impacts, 1):
                rows["impacts"].append(
                    ImpactItem(
                        article=article,
                        position=position,
                        label=label,
                        text=text,
                        text_html=_inline(text),
                    )
                )
            for tag in rng.sample(self.tags, TAGS_PER_STORY):
                rows["tags"].append(Article.tags.through(article=article, tag=tag))
            for n in range(SOURCES):
                title = rng.choice(words.SOURCE_TITLES)
                sources.append(
                    Source(
                        title=f"{title}: {plan.topic.lower()}",
                        publisher=rng.choice(words.ORGANISATIONS),
                        url=f"https://example.org/{article.slug}/{n + 1}",
                        kind=rng.choice(words.SOURCE_KINDS),
                        published_on=article.published_at.date() - timedelta(days=n + 1),
                    )
                )
        Source.objects.bulk_create(sources)
        claims, citations = self._claims_and_quotes(articles, plans, sources, rows)
        for name, model in _PART_MODELS.items():
            model.objects.bulk_create(rows[name], batch_size=2000)
            counts[name] = counts.get(name, 0) + len(rows[name])
        Claim.objects.bulk_create(claims, batch_size=2000)
        Claim.sources.through.objects.bulk_create(
            [Claim.sources.through(claim=claims[i], source=source) for i, source in citations],
            batch_size=2000,
        )
        counts["sources"] = counts.get("sources", 0) + len(sources)
        counts["claims"] = counts.get("claims", 0) + len(claims)
        counts["citations"] = counts.get("citations", 0) + len(citations)

    def _claims_and_quotes(
        self,
        articles: list[Article],
        plans: list[_StoryPlan],
        sources: list[Source],
        rows: dict[str, list[Any]],
    ) -> tuple[list[Claim], list[tuple[int, Source]]]:
        """Claims (each verified one citing one or two of the story's sources), the story's
        source list, and its quotes (the first is the pull quote)."""
        claims: list[Claim] = []
        citations: list[tuple[int, Source]] = []
        for index, (article, plan) in enumerate(zip(articles, plans, strict=True)):
            own = sources[index * SOURCES : (index + 1) * SOURCES]
            for position, source in enumerate(own, 1):
                rows["source_entries"].append(
                    StorySource(article=article, source=source, position=position)
                )
            for position, (text, status) in enumerate(plan.claims, 1):
                claims.append(
                    Claim(
                        article=article,
                        position=position,
                        text=text,
                        text_html=_inline(text),
                        status=status,
                    )
                )
                if status == Claim.Status.VERIFIED:
                    cited = own[(position - 1) % SOURCES : (position - 1) % SOURCES + 1]
                    if position == 1:
                        cited = own[:2]
                    citations += [(len(claims) - 1, source) for source in cited]
            for position, (text, speaker) in enumerate(plan.quotes, 1):
                rows["quotes"].append(
                    Quote(
                        article=article,
                        position=position,
                        speaker=speaker,
                        role=speaker.role,
                        text=text,
                        source=own[0],
                        is_pull=position == 1,
                        story_published_at=article.published_at,
                    )
                )
        return claims, citations


# The parts inserted straight from the rows a batch collects (claims come after, for their ids).
_PART_MODELS: dict[str, Any] = {
    "bylines": Byline,
    "takeaways": KeyTakeaway,
    "impacts": ImpactItem,
    "tags": Article.tags.through,
    "source_entries": StorySource,
    "quotes": Quote,
}


@dataclass
class _StoryPlan:
    """The texts one story is made of, drawn from the pools in bench.words."""

    topic: str
    takeaways: list[str]
    claims: list[tuple[str, str]]
    impacts: list[tuple[str, str]]
    quotes: list[tuple[str, Person]]

    @classmethod
    def draw(cls, rng: random.Random, number: int, people: list[Person]) -> _StoryPlan:
        claim_texts = rng.sample(words.CLAIMS, CLAIMS)
        statuses = [Claim.Status.VERIFIED] * (CLAIMS - 1) + [Claim.Status.UNCONFIRMED]
        speakers = rng.sample(people, rng.choice((1, 2)))
        return cls(
            topic=words.TOPICS[number % len(words.TOPICS)],
            takeaways=rng.sample(words.TAKEAWAYS, TAKEAWAYS),
            claims=list(zip(claim_texts, statuses, strict=True)),
            impacts=list(
                zip(
                    rng.sample(words.IMPACT_LABELS, IMPACT_ITEMS),
                    rng.sample(words.IMPACTS, IMPACT_ITEMS),
                    strict=True,
                )
            ),
            quotes=[(rng.choice(words.QUOTES), speaker) for speaker in speakers],
        )


def _comments(
    rng: random.Random, story_ids: list[int], total: int, now: datetime, counts: dict
) -> int:
    """`total` approved comments: BUSY_STORY_COMMENTS on the lead story, the rest scattered,
    with about a third of them replies to an earlier comment on the same story."""
    if not story_ids or total <= 0:
        return 0
    busy = min(BUSY_STORY_COMMENTS, total)
    made = 0
    for chunk in _chunks(total, COMMENT_BATCH):
        tops: list[Comment] = []
        parents: list[Comment] = []  # one entry per reply to make, after the tops have ids
        for n in range(made, made + chunk):
            if n < busy and n % 2 == 1:
                parents.append(tops[-1])
            elif n < busy:
                tops.append(_comment(rng, story_ids[0], None, now))
            elif tops and rng.random() < REPLY_SHARE:
                parents.append(rng.choice(tops))
            else:
                tops.append(_comment(rng, rng.choice(story_ids), None, now))
        with transaction.atomic():
            Comment.objects.bulk_create(tops, batch_size=2000)
            replies = [_comment(rng, parent.article_id, parent, now) for parent in parents]
            Comment.objects.bulk_create(replies, batch_size=2000)
        made += chunk
    counts["comments"] = made
    return made


def _comment(rng: random.Random, story: int, parent: Comment | None, now: datetime) -> Comment:
    first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.SURNAMES)
    at = (parent.created_at if parent else now - timedelta(days=rng.randint(0, 30))) + timedelta(
        minutes=rng.randint(1, 600)
    )
    return Comment(
        article_id=story,
        parent=parent,
        name=f"{first} {last[0]}.",
        email=f"{first.lower()}.{last.lower()}@mail.example",
        body=rng.choice(words.COMMENTS),
        status=Comment.Status.APPROVED,
        created_at=min(at, now),
        moderated_at=min(at, now),
    )


def _chunks(total: int, size: int) -> Iterator[int]:
    while total > 0:
        yield min(size, total)
        total -= size


def _landmarks(result: Newsroom, story_ids: list[int]) -> None:
    """The pages the measuring visits: the busiest story, a typical one, a section, a tag,
    a person and a search term that appear on them."""
    slugs = dict(Article.objects.filter(pk__in=story_ids[:60]).values_list("pk", "slug"))
    result.busy_story = slugs[story_ids[0]]
    typical = story_ids[min(50, len(story_ids) - 1)]
    result.typical_story = slugs[typical]
    article = Article.objects.select_related("section").get(pk=typical)
    result.section = article.section.slug
    result.tag = article.tags.order_by("pk").first().slug
    quote = Quote.objects.filter(article_id=typical).select_related("speaker").first()
    result.person = quote.speaker.slug
    result.search_term = quote.speaker.name.split()[-1]
