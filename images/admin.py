"""The image library in the admin: upload, find (by caption, credit, alt text), describe."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .forms import ImageForm
from .models import Image

# Search terms longer than this are cut: a 100 KB query must not build a 100 KB SQL filter.
MAX_SEARCH_LENGTH = 200


def thumbnail(image: Image, width: int = 120) -> str:
    """An <img> of the image's smallest JPEG, `width` pixels wide, with its alt text."""
    rendition = image.thumbnail
    height = max(1, round(width * rendition.height / rendition.width))
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" class="image-thumbnail" loading="lazy">',
        rendition.url,
        width,
        height,
        image.alt_text,
    )


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageForm
    list_display = [
        "thumbnail_cell",
        "alt_text",
        "caption",
        "credit",
        "dimensions",
        "format",
        "uploaded_by",
        "created_at",
    ]
    list_display_links = ["thumbnail_cell", "alt_text"]
    list_filter = ["format", "created_at", ("uploaded_by", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["uploaded_by"]
    search_fields = ["caption", "credit", "alt_text", "original_name"]
    list_per_page = 50
    described = ["alt_text", "caption", "credit"]
    readonly_fields = [
        "preview",
        "dimensions",
        "format",
        "original_name",
        "uploaded_by",
        "created_at",
        "files",
    ]

    def get_fields(self, request: HttpRequest, obj: Image | None = None) -> list[str]:
        if obj is None:
            return ["upload", *self.described]
        preview, *facts = self.readonly_fields
        return [preview, *self.described, *facts]

    def has_change_permission(self, request: HttpRequest, obj: Image | None = None) -> bool:
        # Anyone else sees the image read-only (and a POST to it is refused).
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None:
            return allowed
        return Image.objects.changeable_by(request.user).filter(pk=obj.pk).exists()

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        return super().get_search_results(request, queryset, search_term[:MAX_SEARCH_LENGTH])

    def save_model(self, request: HttpRequest, obj: Image, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        obj.uploaded_by = request.user
        obj.store(form.picture, form.cleaned_data["upload"].name)

    @admin.display(description=_("picture"))
    def thumbnail_cell(self, obj: Image) -> str:
        return thumbnail(obj)

    @admin.display(description=_("picture"))
    def preview(self, obj: Image) -> str:
        return thumbnail(obj, width=480)

    @admin.display(description=_("size"))
    def dimensions(self, obj: Image) -> str:
        return f"{obj.width} × {obj.height}"

    @admin.display(description=_("files"))
    def files(self, obj: Image) -> str:
        rows = [
            (r.url, f"{r.name} · {r.format.upper()} · {r.width} × {r.height}")
            for r in obj.all_renditions()
        ]
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', rows)
        )
