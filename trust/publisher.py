"""The publisher as schema.org NewsMediaOrganization, for every page's JSON-LD.

https://schema.org/NewsMediaOrganization: the name, logo, address, profiles and founding
date from the Publisher record, and one property per policy the newsroom has filled in, as
an absolute address (a policy with no text has no page, so no property).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse

from .models import Policy
from .snapshot import current

# Google asks for a publisher logo that fits 600×60 px (https://developers.google.com/search/docs/appearance/structured-data/article).
LOGO = "trust/logo.png"
LOGO_WIDTH, LOGO_HEIGHT = 600, 60

# schema.org property → the policy that fills it.
POLICY_PROPERTIES = {
    "publishingPrinciples": Policy.Kind.PRINCIPLES,
    "ethicsPolicy": Policy.Kind.ETHICS,
    "correctionsPolicy": Policy.Kind.CORRECTIONS,
    "verificationFactCheckingPolicy": Policy.Kind.VERIFICATION,
    "unnamedSourcesPolicy": Policy.Kind.UNNAMED_SOURCES,
    "ownershipFundingInfo": Policy.Kind.OWNERSHIP,
    "missionCoveragePrioritiesPolicy": Policy.Kind.MISSION,
    "diversityPolicy": Policy.Kind.DIVERSITY,
    "masthead": Policy.Kind.MASTHEAD,
    "actionableFeedbackPolicy": Policy.Kind.FEEDBACK,
}


def organization(request: HttpRequest) -> dict[str, Any]:
    """The publisher as a NewsMediaOrganization (without @context: it is usually nested)."""
    snapshot = current()
    data: dict[str, Any] = {
        "@type": "NewsMediaOrganization",
        "name": snapshot.publisher_name,
        "url": request.build_absolute_uri(reverse("articles:front")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO)),
            "width": LOGO_WIDTH,
            "height": LOGO_HEIGHT,
        },
    }
    if snapshot.same_as:
        data["sameAs"] = list(snapshot.same_as)
    if snapshot.founding_date:
        data["foundingDate"] = snapshot.founding_date.isoformat()
    for prop, kind in POLICY_PROPERTIES.items():
        policy = snapshot.policy(kind)
        if policy is not None:
            data[prop] = request.build_absolute_uri(policy.url)
    return data


def organization_page(request: HttpRequest) -> dict[str, Any]:
    """The organization as a page's top-level JSON-LD."""
    return {"@context": "https://schema.org", **organization(request)}
