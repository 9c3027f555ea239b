"""The benchmark's stories and their parts: a few hundred stories at a time, each with every
part a story page shows, inserted table by table."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.db import transaction
from django.db.models import F

from articles import markup, story_times
from articles.models import (
    Article,
    Byline,
    Claim,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StorySource,
)
from articles.slugs import slug_for_headline
from images.models import Image
from sources.models import Person, Source

from . import words
from .library import Library

STORY_BATCH = 500  # stories whose parts are built and inserted together
STORY_INTERVAL = timedelta(minutes=47)  # between publications, newest first
SCHEDULED_STORIES = 3  # also a few scheduled for tomorrow, as a real newsroom has
TAKEAWAYS = 7
CLAIMS = 4  # three verified, one unconfirmed
SOURCES = 3
IMPACT_ITEMS = 3
TAGS_PER_STORY = 3
NO_IMAGE_EVERY = 5  # every fifth story has no lead image (the landmarks measured all have one)


def write_stories(
    rng: random.Random, now: datetime, count: int, library: Library, counts: dict[str, int]
) -> list[int]:
    """`count` published stories, newest first, after SCHEDULED_STORIES scheduled ones; the
    published stories' ids, newest first."""
    story_ids: list[int] = []
    total = count + SCHEDULED_STORIES
    for start in range(0, total, STORY_BATCH):
        numbers = range(start, min(start + STORY_BATCH, total))
        batch = _StoryBatch(rng, now, numbers, library)
        with transaction.atomic():
            story_ids += batch.save(counts)
    # auto_now stamped every story with the build time; a story was last changed when published.
    Article.objects.update(updated_at=F("published_at"))
    story_times.follow(Article.objects.all())
    return story_ids[SCHEDULED_STORIES:]


@cache
def _inline(text: str) -> str:
    return markup.render_inline(text)


@cache
def _block(text: str) -> str:
    return markup.render_block(text)


class _StoryBatch:
    """A few hundred stories and all their parts, inserted table by table."""

    def __init__(self, rng: random.Random, now: datetime, numbers: range, library: Library) -> None:
        self.rng, self.now, self.numbers = rng, now, numbers
        self.sections, self.tags = library.sections, library.tags
        self.writers, self.people, self.images = library.writers, library.people, library.images

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
                # The number keeps it unique without the query per story Article.save makes.
                slug=f"{slug_for_headline(headline)}-{number}",
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
                # No credit: the byline shows the writer's profile name, as Byline.save leaves it.
                rows["bylines"].append(Byline(article=article, author=author, position=position))
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
