"""schema.org for author profiles: the `Person` on an author's page, and the `Person` a story
names as its author. Only what the profile fills in is said."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import Profile


def person(request: HttpRequest, profile: Profile) -> dict[str, Any]:
    """https://schema.org/Person, from a public profile."""
    data: dict[str, Any] = {
        "@type": "Person",
        "name": profile.display_name,
        "url": request.build_absolute_uri(profile.get_absolute_url()),
        "jobTitle": profile.role,
        "description": " ".join(profile.bio.split()),
        "image": _image(request, profile),
        "sameAs": profile.link_list,
        "knowsAbout": profile.expertise_list,
        "knowsLanguage": profile.language_list,
        "workLocation": {"@type": "Place", "name": profile.location} if profile.location else None,
    }
    if profile.contact_is_email:
        data["email"] = profile.contact
    elif profile.contact:
        data["contactPoint"] = {"@type": "ContactPoint", "url": profile.contact}
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def profile_page(request: HttpRequest, profile: Profile) -> dict[str, Any]:
    """The author page: a ProfilePage whose main entity is the Person."""
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": request.build_absolute_uri(profile.get_absolute_url()),
        "mainEntity": person(request, profile),
    }


def _image(request: HttpRequest, profile: Profile) -> dict[str, Any] | None:
    if profile.photo is None:
        return None
    picture = profile.photo.fallback
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(picture.url),
        "width": picture.width,
        "height": picture.height,
        "caption": profile.photo.alt_text,
    }
