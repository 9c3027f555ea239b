"""The editorial rules a story must meet to move: each returns the messages of what is missing.

articles.workflow names, per transition, which of these it checks (SUBMIT_RULES,
PUBLISH_RULES), so reading a transition shows its rules.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Article, Claim


def story_basics(article: Article) -> list[str]:
    missing = []
    if not article.headline.strip():
        missing.append(_("The story needs a headline."))
    if not article.standfirst.strip():
        missing.append(_("The story needs a standfirst."))
    if not article.takeaways.exists():
        missing.append(_("The story needs at least one key takeaway."))
    return missing


def lead_image_has_alt_text(article: Article) -> list[str]:
    """The form requires alt text, but a bulk import or the shell can still leave it blank."""
    image = article.lead_image
    if image is not None and not image.has_alt_text:
        return [_("The lead image “%s” needs alt text.") % image.label]
    return []


def verified_claims_cite_sources(article: Article) -> list[str]:
    uncited = article.claims.filter(status=Claim.Status.VERIFIED, sources__isnull=True)
    return [
        _("Verified claim %(number)s (“%(text)s”) cites no source.")
        % {"number": claim.position, "text": _excerpt(claim.text)}
        for claim in uncited.order_by("position")
    ]


def pull_quote_is_attributed(article: Article) -> list[str]:
    pull = article.quotes.filter(is_pull=True).select_related("speaker").first()
    if pull is None:
        return []
    if not (pull.role or pull.speaker.role).strip():
        return [_("The pull quote needs the speaker's role (“%s, …”).") % pull.speaker.name]
    return []


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


SUBMIT_RULES = (story_basics, lead_image_has_alt_text)
PUBLISH_RULES = (*SUBMIT_RULES, verified_claims_cite_sources, pull_quote_is_attributed)
