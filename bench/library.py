"""What the benchmark's stories draw on: sections, tags, writers, the people they quote and
the picture library, each written in one bulk insert before the first story."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from articles.models import Section, Tag
from authors.models import Profile
from images import renditions
from images.models import Image
from sources.models import Person

from . import words

WRITERS = 60
PEOPLE = 400
IMAGES = 300  # a picture library; most stories lead with one of them
IMAGE_SIZE = (2400, 1600)


@dataclass
class Library:
    sections: list[Section]
    tags: list[Tag]
    writers: list[Any]
    people: list[Person]
    images: list[Image]


def stock(rng: random.Random) -> Library:
    """Write the sections, tags, writers, people and images, and return them."""
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
    return Library(sections, tags, writers, people, _images(rng))


def _writers() -> list[Any]:
    """The writers, each with a public author profile (their page)."""
    user_model = get_user_model()
    password = make_password(None)  # unusable: nobody logs in to the benchmark
    writers = user_model.objects.bulk_create(
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
    Profile.objects.bulk_create(
        Profile(
            user=writer,
            display_name=writer.get_full_name(),
            slug=f"{slugify(writer.get_full_name())}-{n}",
            is_public=True,
        )
        for n, writer in enumerate(writers)
    )
    return writers


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
