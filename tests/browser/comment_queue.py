"""A moderation queue with one of everything a row can show, for the browser tests."""

from __future__ import annotations

from typing import Any

from articles.models import Article
from comments import moderation
from comments.models import Comment
from tests.comments_support import make_comment

LONG_COMMENT = "\n\n".join(
    [
        "I was at the meeting, so here is what the report could not fit in. " * 4,
        "The estimate is a range, and the top of it assumes steel prices hold. " * 5,
        "The consultation never offered the two routes as a choice. " * 6,
    ]
)


def fill_queue(story: Article, editor: Any) -> dict[str, Comment]:
    """Waiting, a reply, held as spam, long, and already decided comments on `story`."""
    first = make_comment(story, name="Morag Ellison", body="Nobody asked our street.")
    return {
        "reply": make_comment(
            story, status="pending", parent=first, name="Dev Chaudhry", body="Same here."
        ),
        "long": make_comment(story, status="pending", name="Gareth Lloyd", body=LONG_COMMENT),
        "held": make_comment(
            story,
            status="spam",
            spam_reason="links",
            name="Cheap Meds",
            body="Best prices pills.example www.meds.example deals.example",
        ),
        "waiting": make_comment(
            story, status="pending", name="Jo Pritchard", body="The staff were wonderful."
        ),
        "rejected": moderation.reject(
            make_comment(story, status="pending", name="Old Harry", body="Rubbish."), editor
        ),
    }
