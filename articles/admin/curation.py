"""The front and section pages in the admin: where editors choose each page's lead story and
top stories, in order, each until an optional time.

A list of the places (the front page, then the sections in navigation order) leads to one page
per place. Choosing is articles.curation's: this page shows its refusals beside the rows they
are about and keeps what was typed. Reporters cannot open these pages (403), and the service
refuses them again whatever door they use.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from staff.names import display_name

from .. import curation
from ..models import MAX_PINS, Curation, Pin, Section
from .curation_form import CurationForm, moved

HISTORY_SHOWN = 10


@dataclass
class Place:
    """A page editors can curate, and its choice as it stands (for the list of places)."""

    section: Section | None
    curation: Curation | None

    @property
    def name(self) -> str:
        return self.section.name if self.section else str(_("Front page"))

    @property
    def admin_url(self) -> str:
        if self.section is None:
            return reverse("admin:articles_curation_front")
        return reverse("admin:articles_curation_section", args=[self.section.slug])

    @property
    def public_url(self) -> str:
        return self.section.get_absolute_url() if self.section else "/"

    @property
    def pins(self) -> list[Pin]:
        return list(self.curation.pins.all()) if self.curation else []

    @property
    def lead(self) -> Pin | None:
        return next((pin for pin in self.pins if pin.is_lead), None)

    @property
    def pin_count(self) -> int:
        return sum(1 for pin in self.pins if not pin.is_lead)

    @property
    def changed_by_name(self) -> str:
        changed_by = self.curation.changed_by if self.curation else None
        return display_name(changed_by) if changed_by else ""


@admin.register(Curation)
class CurationAdmin(admin.ModelAdmin):
    """Not a list of rows: a page per place (front, sections), made or changed by saving it."""

    def has_view_permission(self, request: HttpRequest, obj: Curation | None = None) -> bool:
        return curation.may_curate(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Curation | None = None) -> bool:
        return curation.may_curate(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Curation | None = None) -> bool:
        return False

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view
        return [
            path("", wrap(self.places_view), name="articles_curation_changelist"),
            path("front/", wrap(self.place_view), name="articles_curation_front"),
            path("sections/<slug:slug>/", wrap(self.place_view), name="articles_curation_section"),
        ]

    def places_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        pins = Pin.objects.select_related("story").only("curation", "position", "story__headline")
        curations = {
            row.section_id: row
            for row in Curation.objects.select_related("changed_by").prefetch_related(
                Prefetch("pins", queryset=pins)
            )
        }
        places = [Place(None, curations.get(None))]
        places += [Place(section, curations.get(section.pk)) for section in Section.objects.all()]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Front and section pages"),
            "places": places,
            "max_pins": MAX_PINS,
        }
        return TemplateResponse(request, "admin/articles/curation/places.html", context)

    def place_view(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        if not self.has_change_permission(request):
            raise PermissionDenied
        section = get_object_or_404(Section, slug=slug) if slug is not None else None
        place = Place(section, None)
        choice = curation.chosen(section)
        form = CurationForm(self.admin_site, choice=choice)
        moved_unsaved = False
        if request.method == "POST":
            move = request.POST.get("move")
            if move:  # a move button without the page's script: show the new order, unsaved
                reordered = moved(request.POST, move)
                form = CurationForm(self.admin_site, data=reordered or request.POST)
                moved_unsaved = reordered is not None
            else:
                form = CurationForm(self.admin_site, data=request.POST)
                if form.is_valid():
                    outcome = self._save(request, section, form)
                    if isinstance(outcome, HttpResponse):
                        return outcome
                    form = outcome
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("%(place)s: lead and top stories") % {"place": place.name},
            "place": place,
            "form": form,
            "choice": choice,
            "history": choice.curation.changes.all()[:HISTORY_SHOWN] if choice.curation else [],
            "moved_unsaved": moved_unsaved,
            "max_pins": MAX_PINS,
            "media": form.media + _page_media,
        }
        return TemplateResponse(request, "admin/articles/curation/place.html", context)

    def _save(
        self, request: HttpRequest, section: Section | None, form: CurationForm
    ) -> HttpResponse | CurationForm:
        """Make the choice through the service: a redirect once saved, or the form again with
        the service's refusal beside the rows it is about."""
        lead, rows = form.choice()
        pins = [slot for _form, slot in rows]
        version = form.expected_version()
        try:
            if section is None:
                curation.set_front(request.user, lead, pins, expected_version=version)
            else:
                curation.set_section(request.user, section, lead, pins, expected_version=version)
        except ValidationError as error:
            if getattr(error, "code", None) == "conflict":
                # Saving again is then a deliberate choice to replace the other editor's: the
                # form, as typed, carries the version they saved.
                data = request.POST.copy()
                data["lead-version"] = str(curation.chosen(section).version)
                form = CurationForm(self.admin_site, data=data)
                form.is_valid()
            form.show_refusal(error, [row for row, _slot in rows])
            return form
        self.message_user(
            request, _("Saved. Readers see the new choice on their next visit."), messages.SUCCESS
        )
        return HttpResponseRedirect(request.path)


# Listed after the admin's autocomplete, so the merged media load this page's script last.
_page_media = forms.Media(
    js=["admin/js/jquery.init.js", "admin/js/autocomplete.js", "admin/js/curation.js"],
    css={"all": ["admin/css/curation.css"]},
)
