"""Build the demo newsroom from articles/demo_content.py, through the real workflow.

Idempotent: everything is looked up by its slug (or username) first, so a second run adds
nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from images import illustrations
from images.models import Image
from sources.models import Person, Source
from staff.permissions import EDITORS, REPORTERS

from . import demo_content, editing, prerender, story_times, workflow
from .models import (
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


def _reference_data() -> tuple[dict, dict, dict, dict]:
    sections = {
        row["slug"]: Section.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "description": row["description"],
                "position": position,
            },
        )[0]
        for position, row in enumerate(demo_content.SECTIONS)
    }
    tags = {
        row["slug"]: Tag.objects.get_or_create(slug=row["slug"], defaults={"name": row["name"]})[0]
        for row in demo_content.TAGS
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
        for row in demo_content.PEOPLE
    }
    sources = {
        row["key"]: Source.objects.get_or_create(
            title=row["title"],
            url=row["url"],
            defaults={
                "publisher": row["publisher"],
                "kind": row["kind"],
                "published_on": _date(row["published_on"]),
                "notes": row["notes"],
            },
        )[0]
        for row in demo_content.SOURCES
    }
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
    sections, tags, people, sources = refs
    authors = [users[name] for name in row["authors"]]
    draft = Article(
        lead_image=_lead_image(row, authors[0]),
        headline=row["headline"],
        slug=row["slug"],
        standfirst=row["standfirst"],
        dateline=row["dateline"],
        section=sections[row["section"]],
        context=row.get("context", ""),
        bottom_line=row.get("bottom_line", ""),
    )
    with editing.creating(draft, authors[0]) as edit:
        article = edit.article
        article.tags.set([tags[slug] for slug in row["tags"]])
        for author in authors:
            Byline.objects.create(article=article, author=author)
        for text in row["takeaways"]:
            KeyTakeaway.objects.create(article=article, text=text)
        for key in row["sources"]:
            StorySource.objects.create(article=article, source=sources[key])
        for item in row["claims"]:
            claim = Claim.objects.create(article=article, text=item["text"], status=item["status"])
            claim.sources.set([sources[key] for key in item["sources"]])
        for item in row.get("impact", []):
            ImpactItem.objects.create(article=article, label=item["label"], text=item["text"])
        for item in row.get("quotes", []):
            Quote.objects.create(
                article=article,
                speaker=people[item["speaker"]],
                role=item["role"],
                text=item["text"],
                is_pull=item["pull"],
                source=sources[item["source"]] if item.get("source") else None,
                said_on=_date(item.get("said_on")),
            )
        edit.comment = "Demo content."
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
    with transaction.atomic():
        users, report.logins = _users()
        refs = _reference_data()
        for row in demo_content.STORIES:
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
