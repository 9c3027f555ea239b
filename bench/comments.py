"""The readers' comments on the benchmark's stories: approved, a third of them replies, and
one story (the lead) with a long thread."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.db import transaction

from comments.models import Comment

from . import words

COMMENT_BATCH = 5000
BUSY_STORY_COMMENTS = 200  # one story (the lead) carries this many: half of them replies
REPLY_SHARE = 0.3


def write_comments(
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
