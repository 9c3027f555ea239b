"""Our standards as pages: the standards index, one page per filled-in policy, and /trust.txt.

The records, their rules and the cached snapshot are the trust app's; the pages are here, so
they share the site's page metadata (articles.metadata.PageMeta) like every other page.
"""

from __future__ import annotations

from html import unescape

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from edge import contentkeys
from trust import publisher, snapshot, trusttxt
from trust.models import Policy, Publisher

from . import metadata


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
    meta = metadata.PageMeta(
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
    meta = metadata.PageMeta(
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
