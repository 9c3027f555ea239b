"""What every public page needs to know about the site."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from edge import contentkeys

from . import navigation


def site(request: HttpRequest) -> dict:
    """The site's name and its sections (cached; read only by pages that show them)."""
    contentkeys.shows(request, "nav")  # every page rendered with it lists the sections
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "nav_sections": SimpleLazyObject(navigation.sections),
    }
