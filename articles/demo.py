"""Build the demo newsroom from articles/demo_newsroom/, through the doors every story uses.

Each story is a text in the story-text format (`demo_newsroom/stories/*.txt`), imported by its
first author through articles.importing. `demo_newsroom/newsroom.json` holds what the format
does not carry: the sections, tags, people and sources (with kinds, dates and notes), and per
story its slug, section, tags, dateline, bylines, lead picture, its quotes' sources and dates
and the state it ends in. Those are set through articles.editing.save, and the story moves on
through articles.workflow. Idempotent: everything is looked up by its slug, username or URL
first, so a second run adds nothing.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from images import illustrations
from images.models import Image
from sources.models import Person, Source
from staff.permissions import EDITORS, REPORTERS

from . import editing, importing, prerender, story_times, workflow
from .models import Article, Byline, Section, Tag

NEWSROOM = Path(__file__).with_name("demo_newsroom")
DEMO_USERS = [
    # username, first name, last name, group, password
    ("reporter", "Rosa", "Penrose", REPORTERS, "demo-reporter-pass"),
    ("editor", "Marek", "Hollis", EDITORS, "demo-editor-pass"),
]
IMAGE_CREDIT = "Newsroom graphics"


@dataclass
class DemoReport:
    created_stories: list[str] = field(default_factory=list)
    pictured_stories: list[str] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)


def newsroom() -> dict[str, Any]:
    """The demo's data file: sections, tags, people, sources and stories (in loading order)."""
    return json.loads((NEWSROOM / "newsroom.json").read_text(encoding="utf-8"))


def story_text(row: dict) -> str:
    """The text of one demo story, in the story-text format."""
    return (NEWSROOM / "stories" / row["text"]).read_text(encoding="utf-8")


def _users() -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    User = get_user_model()
    users, logins = {}, []
    for username, first, last, group_name, password in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "is_staff": True},
        )
        if created:
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
        logins.append((username, password, group_name))
    return users, logins


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


def _build_story(row: dict, refs: tuple, users: dict) -> Article:
    """Import the story's text as its first author's draft, then add what the text leaves out."""
    sections, tags, people, sources = refs
    authors = [users[name] for name in row["authors"]]
    origin = f"demo_newsroom/stories/{row['text']}"
    article = importing.import_text(story_text(row), authors[0], origin=origin).article
    article.slug = row["slug"]
    article.dateline = row["dateline"]
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


def _move_through_workflow(article: Article, state: str, days_ago: int, users: dict) -> None:
    author, editor = users["reporter"], users["editor"]
    if state == "draft":
        return
    workflow.submit(article, author)
    if state == "review":
        return
    if state == "scheduled":
        tomorrow = timezone.localtime() + datetime.timedelta(days=2)
        workflow.publish(article, editor, at=tomorrow.replace(hour=7, minute=0, second=0))
        return
    workflow.publish(article, editor)
    # Demo stories were "published" some days ago: backdate the record, not the rules.
    when = timezone.now() - datetime.timedelta(days=days_ago, hours=2)
    backdated = Article.objects.filter(pk=article.pk)
    backdated.update(published_at=when, first_published_at=when)
    # update() sends no signal: the stored page and the quotes' times follow by hand.
    prerender.stale(backdated)
    story_times.follow(backdated)
    article.events.filter(action=workflow.PUBLISH).update(at=when)


def load() -> DemoReport:
    report = DemoReport()
    data = newsroom()
    with transaction.atomic():
        users, report.logins = _users()
        refs = _reference_data(data)
        for row in data["stories"]:
            existing = Article.objects.filter(slug=row["slug"]).first()
            if existing is not None:
                # A newsroom loaded before stories had pictures gets them now, once.
                if existing.lead_image_id is None and row.get("image"):
                    image = _lead_image(row, users["reporter"])
                    pictured = Article.objects.filter(pk=existing.pk)
                    pictured.update(lead_image=image)
                    prerender.stale(pictured)
                    report.pictured_stories.append(existing.headline)
                continue
            article = _build_story(row, refs, users)
            _move_through_workflow(article, row["state"], row["days_ago"], users)
            report.created_stories.append(article.headline)
    return report
