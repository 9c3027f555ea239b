"""Who may fetch a picture's files: everyone once a published story leads with it or a public
author profile shows it as the writer's photo; newsroom
staff always (drafts, previews); and holders of an active preview link of a story leading
with it. Anyone else gets the same 404 as for a file that does not exist (SECURITY.md A3),
so a draft's picture does not leak before the story does.
"""

from __future__ import annotations

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from authors.models import Profile
from images.models import Image
from images.serving import file_response

from .models import Article, PreviewLink


def image_file(request: HttpRequest, key: UUID, name: str) -> HttpResponse:
    image = get_object_or_404(Image, key=key)
    leading = Article.objects.filter(lead_image=image)
    if leading.published().exists() or Profile.objects.public().filter(photo=image).exists():
        return file_response(image, name, public=True)
    # A preview link's page shows the picture to someone without a login; the file's address
    # is as secret as the link (a random UUID), and it is never cached by others.
    previewed = leading.filter(preview_links__in=PreviewLink.objects.active()).exists()
    if previewed or request.user.has_perm("images.view_image"):
        return file_response(image, name, public=False)
    raise Http404
