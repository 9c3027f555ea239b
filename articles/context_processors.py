"""What every public page needs to know about the site."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import navigation


def site(request: HttpRequest) -> dict:
    """The site's name and its sections (cached; read only by pages that show them)."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "nav_sections": SimpleLazyObject(navigation.sections),
    }
