"""Answering a request for one of an image's files, once someone has decided it may be seen.

The body is the stored file, or, behind nginx, an X-Accel-Redirect to it (settings
IMAGES_X_ACCEL_REDIRECT), so the web server streams it. Either way the answer names the
image's type and says `nosniff`, so no browser treats a file as anything but that image.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from .models import Image
from .renditions import content_type

PUBLIC_MAX_AGE = 3600  # a withdrawn story's picture may linger this long in shared caches


def file_response(image: Image, name: str, public: bool) -> HttpResponse:
    """The file `name` of `image`; shared caches may keep it only when it is `public`."""
    stored = next((file for file in image.file_names() if file.rsplit("/", 1)[-1] == name), None)
    if stored is None:
        raise Http404
    kind = content_type(stored)
    prefix = settings.IMAGES_X_ACCEL_REDIRECT
    if prefix:
        response = HttpResponse(content_type=kind)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{stored}"
    else:
        try:
            response = FileResponse(default_storage.open(stored), content_type=kind)
        except FileNotFoundError as error:
            raise Http404 from error
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response
