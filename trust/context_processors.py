"""The footer's policies, on every page, from the cached snapshot (no query)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from edge import contentkeys

from . import snapshot


def standards(request: HttpRequest) -> dict:
    contentkeys.shows(request, snapshot.KEY)  # every page with the footer lists the policies
    return {"standards": SimpleLazyObject(snapshot.current)}
