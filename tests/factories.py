"""Small factories: a story in any state, people in any role. Each test builds what it needs."""

from __future__ import annotations

import io
import itertools
import time
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PILImage
from two_factor.plugins.webauthn.models import WebauthnDevice

from articles import workflow
from articles.models import (
    Article,
    Byline,
    Claim,
    Correction,
    ImpactItem,
    KeyTakeaway,
    Quote,
    Section,
    StorySource,
    Tag,
)
from images.models import Image
from sources.models import Person, Source
from staff.permissions import EDITORS, REPORTERS

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, group: str | None = None, **fields: Any) -> Any:
    fields.setdefault("is_staff", group is not None)
    fields.setdefault("first_name", username.capitalize())
    fields.setdefault("email", f"{username}@newsroom.example")
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def give_authenticator(user: Any) -> TOTPDevice:
    """The user's confirmed authenticator app (made once), as enrolment leaves it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="default", confirmed=True)


_key_handles = itertools.count(1)


def give_passkey(user: Any, name: str = "default", handle: str = "") -> WebauthnDevice:
    """A confirmed passkey of the user's, as the plugin stores one (its key is not checked
    here; tests/browser/test_passkeys.py makes real ones). "default" is the one the code step
    asks for first; a key added beside an app or another key is named "passkey"."""
    return WebauthnDevice.objects.create(
        user=user,
        name=name,
        public_key="not-a-real-key",
        key_handle=handle or f"hndl{next(_key_handles):04d}",  # eight base64 characters
        sign_count=0,
        confirmed=True,
    )


def current_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the user's app shows now (or `steps_ahead` 30-second steps later), computed
    from the device's secret as an authenticator app does."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, steps_ahead):06d}"


def unused_code(device: TOTPDevice) -> str:
    """A code the device accepts now: the current one, or the next step's when the current
    one was used already (the same person signing in twice within 30 seconds)."""
    device.refresh_from_db()
    now_step = int((time.time() - device.t0) // device.step)
    ahead = max(0, device.last_t - now_step + 1) if device.last_t >= 0 else 0
    return current_code(device, steps_ahead=ahead)


def verify_session(client: Any, user: Any) -> None:
    """Mark the client's signed-in session as having passed the second factor."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = give_authenticator(user).persistent_id
    session.save()


def make_reporter(username: str = "rosa") -> Any:
    return make_user(username, REPORTERS)


def make_editor(username: str = "marek") -> Any:
    return make_user(username, EDITORS)


def make_section(name: str = "City") -> Section:
    return Section.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]


def make_tag(name: str = "Housing") -> Tag:
    return Tag.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]


def make_source(title: str | None = None, **fields: Any) -> Source:
    n = next(_counter)
    fields.setdefault("publisher", "Port Calder City Council")
    fields.setdefault("url", f"https://example.org/documents/{n}")
    return Source.objects.create(title=title or f"Council paper {n}", **fields)


def make_person(name: str = "Ada Quayle", **fields: Any) -> Person:
    fields.setdefault("role", "Harbour master")
    fields.setdefault("organization", "Port Calder Harbour Authority")
    slug = fields.pop("slug", None) or f"{name.lower().replace(' ', '-')}-{next(_counter)}"
    return Person.objects.create(name=name, slug=slug, **fields)


def picture_file(
    name: str = "harbour.jpg",
    size: tuple[int, int] = (640, 400),
    image_format: str = "JPEG",
    **save_options: Any,
) -> SimpleUploadedFile:
    """A small picture file made with Pillow, as a browser would upload it."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (40, 90, 140)).save(buffer, image_format, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue())


def make_image(**fields: Any) -> Image:
    """A stored library image (with renditions) from a generated picture."""
    fields.setdefault("alt_text", "The harbour wall at low tide")
    fields.setdefault("caption", "The wall was last repaired in 1962.")
    fields.setdefault("credit", "Photo: Newsroom staff")
    return Image.objects.create_from_upload(fields.pop("upload", None) or picture_file(), **fields)


def make_article(
    author: Any,
    *,
    status: str = "draft",
    editor: Any = None,
    at: datetime | None = None,
    takeaways: int = 1,
    verified_claims: int = 1,
    with_sources: bool = True,
    **fields: Any,
) -> Article:
    """A complete, publishable story by `author`, moved to `status` through the workflow."""
    n = next(_counter)
    fields.setdefault("headline", f"Harbour wall repairs approved {n}")
    fields.setdefault("standfirst", "The council approved repairs to the harbour wall.")
    fields.setdefault("section", make_section())
    article = Article.objects.create(created_by=author, **fields)
    Byline.objects.create(article=article, author=author)
    for i in range(takeaways):
        KeyTakeaway.objects.create(article=article, text=f"Takeaway {i + 1}")
    for i in range(verified_claims):
        claim = Claim.objects.create(
            article=article, text=f"Verified claim {i + 1}", status=Claim.Status.VERIFIED
        )
        if with_sources:
            claim.sources.add(make_source())
    if status == "draft":
        return article
    workflow.submit(article, author)
    if status == "review":
        return article
    if editor is None:
        editor = make_editor(f"editor{n}")
    workflow.publish(article, editor, at=at)
    return article


def add_parts(article: Article, count: int) -> None:
    """Give a story `count` of every part: takeaways, claims, quotes, sources, tags, impact,
    corrections and bylines."""
    start = article.takeaways.count()
    for i in range(count):
        Byline.objects.create(article=article, author=make_user(f"writer{next(_counter)}"))
        Correction.objects.create(article=article, text=f"Correction {i}.")
        KeyTakeaway.objects.create(article=article, text=f"Extra takeaway {start + i}")
        ImpactItem.objects.create(article=article, label=f"Effect {i}", text="Something changes.")
        source = make_source()
        StorySource.objects.get_or_create(article=article, source=source)
        claim = Claim.objects.create(article=article, text=f"Claim {i}", status="verified")
        claim.sources.add(source)
        Quote.objects.create(
            article=article, speaker=make_person(f"Speaker {i}"), text=f"Words {i}", source=source
        )
        article.tags.add(make_tag(f"Tag{i}"))


def make_full_story(author: Any, editor: Any, **fields: Any) -> Article:
    """A published story with one or more of every part the story page shows."""
    article = make_story_in_review(author, **fields)
    workflow.publish(article, editor)
    Correction.objects.create(article=article, text="An earlier version gave the wrong year.")
    return Article.objects.get(pk=article.pk)


def make_story_in_review(author: Any, **fields: Any) -> Article:
    """A story awaiting an editor, with one or more of every part the story page shows."""
    fields.setdefault("dateline", "Port Calder")
    fields.setdefault("context", "The wall has not been repaired since 1962.")
    fields.setdefault("bottom_line", "Work starts in spring if the money arrives.")
    fields.setdefault(
        "methods", "We read the council's budget papers and asked the harbour board to comment."
    )
    article = make_article(author, status="review", takeaways=2, verified_claims=2, **fields)
    ImpactItem.objects.create(article=article, label="Budget effect", text="Borrowing rises.")
    Claim.objects.create(article=article, text="A second wall may follow.", status="unconfirmed")
    Claim.objects.create(article=article, text="The wall is already failing.", status="disputed")
    Quote.objects.create(
        article=article, speaker=make_person(), text="We will not wait.", is_pull=True
    )
    article.tags.add(make_tag())
    return article


def make_profile(user: Any, slug: str | None = None, **fields: Any) -> Any:
    """A public author profile for `user`; its address is never their login name."""
    from authors.models import Profile

    name = user.get_full_name() or user.first_name or "Staff Writer"
    fields.setdefault("display_name", name)
    fields.setdefault("is_public", True)
    slug = slug or f"{name.lower().replace(' ', '-')}-writes"
    return Profile.objects.create(user=user, slug=slug, **fields)


def author_page(user: Any) -> str:
    """The address of `user`'s author page, giving them a public profile if they have none."""
    from authors.models import Profile

    profile = Profile.objects.filter(user=user).first() or make_profile(user)
    return profile.get_absolute_url()
