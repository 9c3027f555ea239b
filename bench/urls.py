"""The site's URLs plus the floor: a view that does nothing, behind the same middleware.

Used only while the benchmark runs (measure.py sets ROOT_URLCONF to this module), so the real
site never has the extra address. The site's URLconf is the one configured when this module
is first imported, which measure.py does before it points ROOT_URLCONF here.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

FLOOR_PATH = "/bench/floor/"
SITE_URLCONF = settings.ROOT_URLCONF

if SITE_URLCONF == __name__:
    raise ImproperlyConfigured(f"{__name__} adds the floor to the site's URLs, not to its own.")


def floor(request: HttpRequest) -> HttpResponse:
    """A constant answer: what any page costs before it does any work of its own."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path(FLOOR_PATH.strip("/") + "/", floor, name="bench_floor"),
    path("", include(SITE_URLCONF)),
]
