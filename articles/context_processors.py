"""What every public page needs to know about the site."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"site_name": settings.NEWSROOM_SITE_NAME}
