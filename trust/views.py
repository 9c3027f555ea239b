"""The standards page, one page per filled-in policy, and /trust.txt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import unescape
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from edge import contentkeys

from . import markup, publisher, snapshot, trusttxt
from .models import Policy, Publisher


@dataclass
class PolicyPageMeta:
    """What base.html's <head> prints for a trust page (the fields templates/_page_meta.html
    reads)."""

    title: str
    description: str
    canonical_url: str
    structured_data: dict[str, Any]
    modified_time: datetime | None = None
    robots: str = ""
    og_type: str = "website"
    published_time: None = None
    section: str = ""
    image: None = None

    @property
    def locale(self) -> str:
        return to_locale(get_language() or settings.LANGUAGE_CODE)

    def json_ld(self) -> SafeString:
        return markup.json_ld(self.structured_data)


def _summary(policy: Policy) -> str:
    text = policy.summary or " ".join(unescape(strip_tags(policy.body_html)).split())
    return Truncator(text).chars(200)


def standards(request: HttpRequest) -> HttpResponse:
    """Our standards: every policy the newsroom has filled in (404 while there is none)."""
    contentkeys.shows(request, snapshot.KEY)
    order = {kind: position for position, kind in enumerate(Policy.Kind.values)}
    policies = sorted(Policy.objects.exclude(body_html=""), key=lambda p: order[p.kind])
    if not policies:
        raise Http404(_("No standards are published yet."))
    title = _("Our standards")
    meta = PolicyPageMeta(
        title=str(title),
        description=_("How %(name)s works: the policies that guide our reporting.")
        % {"name": snapshot.current().publisher_name},
        canonical_url=request.build_absolute_uri(request.path),
        structured_data=publisher.organization_page(request),
    )
    context = {"policies": [(p, _summary(p)) for p in policies], "page_meta": meta}
    return render(request, "trust/standards.html", context)


def policy(request: HttpRequest, kind: str) -> HttpResponse:
    """One policy; 404 for an unknown kind and for a kind the newsroom left empty."""
    contentkeys.shows(request, snapshot.KEY)
    if kind not in Policy.Kind.values:
        raise Http404(_("No such policy."))
    found = Policy.objects.filter(kind=kind).exclude(body_html="").first()
    if found is None:
        raise Http404(_("No such policy."))
    meta = PolicyPageMeta(
        title=str(found),
        description=_summary(found),
        canonical_url=request.build_absolute_uri(found.get_absolute_url()),
        structured_data=publisher.organization_page(request),
        modified_time=found.updated_at,
    )
    return render(request, "trust/policy.html", {"policy": found, "page_meta": meta})


def trust_txt(request: HttpRequest) -> HttpResponse:
    """JournalList's trust.txt, from the publisher record; 404 while it holds none."""
    contentkeys.shows(request, snapshot.KEY)
    record = Publisher.current()
    try:
        found = trusttxt.parse(record.trust_txt, own_site=settings.NEWSROOM_SITE_URL)
    except ValidationError:
        # Saved past the admin's check (a shell, an older rule): serve nothing rather than
        # a file that contradicts itself.
        found = trusttxt.TrustTxt()
    if not found.entries:
        raise Http404(_("This site publishes no trust.txt."))
    header = _("trust.txt for %(name)s (https://journallist.net/)") % {"name": record.display_name}
    return HttpResponse(
        trusttxt.render(found, header=header), content_type="text/plain; charset=utf-8"
    )
