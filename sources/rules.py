"""Publishing rules that come from attribution: what the workflow checks before going live."""

from django.utils.translation import gettext as _

from articles import workflow
from articles.models import Article

from .models import Claim


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


def register() -> None:
    workflow.register_rule(workflow.PUBLISH, verified_claims_cite_sources)
    workflow.register_rule(workflow.PUBLISH, pull_quote_is_attributed)
