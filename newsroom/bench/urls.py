"""The site's URLs plus the floor: a view that does nothing, behind the same middleware.

Used only while the benchmark runs (it sets ROOT_URLCONF to this module), so the real site
never has the extra address.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns

FLOOR_PATH = "/bench/floor/"


def floor(request: HttpRequest) -> HttpResponse:
    """A constant answer: what any page costs before it does any work of its own."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor, name="bench_floor"), *site_urlpatterns]
