"""Build the demo newsroom from articles/demo_newsroom/, through the doors every story uses.

Each story is a text in the story-text format (`demo_newsroom/stories/*.txt`), imported by its
first author through articles.importing. `demo_newsroom/newsroom.json` holds what the format
does not carry: the sections, tags, people and sources (with kinds, dates and notes), and per
story its slug, section, tags, dateline, bylines, lead picture, its quotes' sources and dates
and its history. Those are set through articles.editing.save, and the story then lives its
history (articles.demo_history): submitted, sent back, published, corrected, by two reporters
and two editors, each step at its own time over the past days. Idempotent: everything is
looked up by its slug, username or URL first, so a second run adds nothing. Each writer's
author profile comes from authors.demo.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.models import DemoLogin
from authors import demo as authors_demo
from images import illustrations
from images.models import Image
from sources.models import Person, Source
from staff.permissions import EDITORS, REPORTERS
from trust import demo as trust_demo

from . import demo_history, editing, importing, notifications, prerender
from .models import Article, Byline, Section, Tag
from .worktypes import WorkType

NEWSROOM = Path(__file__).with_name("demo_newsroom")
IMAGE_CREDIT = "Newsroom graphics"


@dataclass(frozen=True)
class DemoUser:
    """A demo login. Its password follows one documented pattern: demo-<username>-pass."""

    username: str
    first_name: str
    last_name: str
    group: str
    email: str

    @property
    def password(self) -> str:
        return f"demo-{self.username}-pass"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


# Two of each, so an editor's own story has another editor to publish it (the four-eyes rule).
# Addresses under .example (RFC 2606) reach nobody, even once a real mail server is set.
DEMO_USERS = [
    DemoUser("reporter", "Rosa", "Penrose", REPORTERS, "rosa.penrose@ledger.example"),
    DemoUser("reporter2", "Tom", "Ashdown", REPORTERS, "tom.ashdown@ledger.example"),
    DemoUser("editor", "Marek", "Hollis", EDITORS, "marek.hollis@ledger.example"),
    DemoUser("editor2", "Priya", "Raman", EDITORS, "priya.raman@ledger.example"),
]


@dataclass
class DemoReport:
    created_stories: list[str] = field(default_factory=list)
    pictured_stories: list[str] = field(default_factory=list)
    logins: list[DemoUser] = field(default_factory=list)
    standards: list[str] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)


def newsroom() -> dict[str, Any]:
    """The demo's data file: sections, tags, people, sources and stories (in loading order)."""
    return json.loads((NEWSROOM / "newsroom.json").read_text(encoding="utf-8"))


def story_text(row: dict) -> str:
    """The text of one demo story, in the story-text format."""
    return (NEWSROOM / "stories" / row["text"]).read_text(encoding="utf-8")


def _users() -> dict[str, Any]:
    User = get_user_model()
    users = {}
    for demo_user in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=demo_user.username,
            defaults={
                "first_name": demo_user.first_name,
                "last_name": demo_user.last_name,
                "email": demo_user.email,
                "is_staff": True,
            },
        )
        if created:
            user.set_password(demo_user.password)
            user.save()
            user.groups.add(Group.objects.get(name=demo_user.group))
        elif not user.email:  # loaded before demo users had addresses
            user.email = demo_user.email
            user.save(update_fields=["email"])
        if created or user.check_password(demo_user.password):
            # Only a login with the published demo password may skip the second factor,
            # and only with DEBUG on (accounts.rules).
            DemoLogin.objects.get_or_create(user=user)
        users[demo_user.username] = user
    return users


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _source(row: dict) -> Source:
    """The source at this URL (as the importer matches a story's Sources line), or a new one."""
    source = Source.objects.filter(url=row["url"]).order_by("pk").first()
    if source is None:
        source = Source.objects.create(
            title=row["title"],
            url=row["url"],
            publisher=row["publisher"],
            kind=row["kind"],
            published_on=_date(row["published_on"]),
            notes=row["notes"],
        )
    return source


def _reference_data(data: dict) -> tuple[dict, dict, dict, dict]:
    sections = {
        row["slug"]: Section.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "position": position,
            },
        )[0]
        for position, row in enumerate(data["sections"])
    }
    tags = {
        row["slug"]: Tag.objects.get_or_create(slug=row["slug"], defaults={"name": row["name"]})[0]
        for row in data["tags"]
    }
    people = {
        row["slug"]: Person.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "role": row["role"],
                "organization": row["organization"],
            },
        )[0]
        for row in data["people"]
    }
    sources = {row["key"]: _source(row) for row in data["sources"]}
    return sections, tags, people, sources


def _lead_image(row: dict, uploader: Any) -> Image | None:
    """A generated illustration, stored through the same checks and renditions as an upload."""
    spec = row.get("image")
    if spec is None:
        return None
    picture = illustrations.abstract(spec["seed"], [tuple(colour) for colour in spec["palette"]])
    return Image.objects.create_from_upload(
        illustrations.as_upload(picture, f"{row['slug'][:40]}.jpg"),
        alt_text=spec["alt"],
        caption=spec["caption"],
        credit=IMAGE_CREDIT,
        uploaded_by=uploader,
    )


def _write_story(row: dict, refs: tuple, users: dict) -> Article:
    """Import the story's text (as first written) as its first author's draft, then add what
    the text leaves out."""
    sections, tags, people, sources = refs
    authors = [users[name] for name in row["authors"]]
    origin = f"demo_newsroom/stories/{row['text']}"
    text = demo_history.first_written(story_text(row), row["history"])
    article = importing.import_text(text, authors[0], origin=origin).article
    article.slug = row["slug"]
    article.dateline = row["dateline"]
    article.work_type = row.get("type", WorkType.NEWS)
    article.section = sections[row["section"]]
    article.lead_image = _lead_image(row, authors[0])

    def write(article: Article) -> None:
        article.tags.set([tags[slug] for slug in row["tags"]])
        for author in authors[1:]:  # the importer gave the first author the first byline
            Byline.objects.create(article=article, author=author)
        # The text names each speaker; the data file says which Person, and the quote's source
        # and date, for the quotes in the text's order (the pull quote first).
        for quote, said in zip(article.quotes.order_by("position"), row["quotes"], strict=True):
            quote.speaker = people[said["speaker"]]
            quote.source = sources[said["source"]] if said["source"] else None
            quote.said_on = _date(said["said_on"])
            quote.save()

    editing.save(
        article,
        authors[0],
        write,
        expected_version=article.version,
        comment="Demo content: section, tags, dateline, bylines, picture and quotes' sources.",
    )
    return article


def _live_history(row: dict, refs: tuple, users: dict, today: datetime.date) -> Article:
    """Write the story, then take every later step of its history, each at its own time."""
    written, *moves = row["history"]
    if written["does"] != demo_history.WRITE:
        raise ValueError(f"A demo story's history starts with its writing: {row['text']}")
    with demo_history.happening(demo_history.moment(today, written)):
        article = _write_story(row, refs, users)
    for step in moves:
        demo_history.move(article, step, users, today)
    return article


def _add_missing_picture(row: dict, existing: Article, users: dict) -> bool:
    """A newsroom loaded before stories had pictures gets them now, once."""
    if existing.lead_image_id is not None or not row.get("image"):
        return False
    image = _lead_image(row, users[row["authors"][0]])
    pictured = Article.objects.filter(pk=existing.pk)
    pictured.update(lead_image=image)
    prerender.stale(pictured)
    return True


def load() -> DemoReport:
    """Load whatever of the demo newsroom is missing, its history ending on the newsroom's
    today (demo_history.newsroom_today)."""
    report = DemoReport(logins=DEMO_USERS)
    data = newsroom()
    today = demo_history.newsroom_today(data["stories"], timezone.now())
    first_step = min(
        demo_history.moment(today, step) for row in data["stories"] for step in row["history"]
    )
    # The history's emails would have gone out on its days: loading sends none, so the mail
    # the console shows is the mail of what people do in the demo.
    with notifications.silenced(), transaction.atomic():
        # People and the source library were there before the first story was written.
        with demo_history.happening(first_step):
            users = _users()
            report.profiles = [profile.display_name for profile in authors_demo.load(users)]
            refs = _reference_data(data)
        for row in data["stories"]:
            existing = Article.objects.filter(slug=row["slug"]).first()
            if existing is None:
                article = _live_history(row, refs, users, today)
                report.created_stories.append(article.headline)
            elif _add_missing_picture(row, existing, users):
                report.pictured_stories.append(existing.headline)
        report.standards = trust_demo.load(users["editor"], settings.NEWSROOM_SITE_URL)
    return report
