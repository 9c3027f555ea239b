"""The editorial rules a story must meet to move, one check per rule.

Each rule has a label ("A headline"), the editor part to fix (the anchor id the story editor
carries) and a check returning the messages of what is missing. articles.transitions names,
per transition, which rules it checks (SUBMIT_RULES, PUBLISH_RULES), so reading a transition
shows its rules; `checklist()` runs the same rules for the editor, so the list a reporter sees
and the refusal the workflow gives never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Article, Claim, KeyTakeaway, Quote

# What a rule is needed for (the transitions' actions, spelt here: transitions imports us).
FOR_SUBMIT = "submit"
FOR_PUBLISH = "publish"


@dataclass(frozen=True)
class Rule:
    """One rule: what it asks for, the editor part that fixes it, and its check."""

    label: Promise
    part: str
    check: Callable[[Article], list[str]]

    def __call__(self, article: Article) -> list[str]:
        return self.check(article)


def rule(label: Promise, part: str) -> Callable[[Callable[[Article], list[str]]], Rule]:
    def declare(check: Callable[[Article], list[str]]) -> Rule:
        return Rule(label, part, check)

    return declare


# The checks read the parts from the database, not from a prefetch the caller may hold: the
# editor's live preview runs them on a story it has just saved inside a savepoint.


@rule(gettext_lazy("A headline"), part="headline")
def has_headline(article: Article) -> list[str]:
    return [] if article.headline.strip() else [_("The story needs a headline.")]


@rule(gettext_lazy("A standfirst"), part="standfirst")
def has_standfirst(article: Article) -> list[str]:
    return [] if article.standfirst.strip() else [_("The story needs a standfirst.")]


@rule(gettext_lazy("At least one key takeaway"), part="takeaways")
def has_takeaway(article: Article) -> list[str]:
    if KeyTakeaway.objects.filter(article=article).exists():
        return []
    return [_("The story needs at least one key takeaway.")]


@rule(gettext_lazy("The lead image has alt text"), part="lead-image")
def lead_image_has_alt_text(article: Article) -> list[str]:
    """The form requires alt text, but a bulk import or the shell can still leave it blank."""
    image = article.lead_image
    if image is not None and not image.has_alt_text:
        return [_("The lead image “%s” needs alt text.") % image.label]
    return []


@rule(gettext_lazy("Every verified fact cites a source"), part="verified")
def verified_claims_cite_sources(article: Article) -> list[str]:
    """Numbered as readers count them: the nth paragraph under "Verified facts"."""
    cited = Claim.sources.through.objects.filter(claim=OuterRef("pk"))
    verified = (
        Claim.objects.filter(article=article, status=Claim.Status.VERIFIED)
        .annotate(cited=Exists(cited))
        .order_by("position")
        .values_list("text", "cited")
    )
    return [
        _("Verified claim %(number)s (“%(text)s”) cites no source.")
        % {"number": number, "text": _excerpt(text)}
        for number, (text, cited) in enumerate(verified, start=1)
        if not cited
    ]


@rule(gettext_lazy("The pull quote's speaker has a role"), part="quotes")
def pull_quote_is_attributed(article: Article) -> list[str]:
    pull = Quote.objects.filter(article=article, is_pull=True).select_related("speaker").first()
    if pull is None:
        return []
    if not (pull.role or pull.speaker.role).strip():
        return [_("The pull quote needs the speaker's role (“%s, …”).") % pull.speaker.name]
    return []


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


SUBMIT_RULES = (has_headline, has_standfirst, has_takeaway, lead_image_has_alt_text)
PUBLISH_RULES = (*SUBMIT_RULES, verified_claims_cite_sources, pull_quote_is_attributed)


# -- the checklist the editor shows ----------------------------------------------------------


@dataclass
class CheckItem:
    """One rule as the editor shows it: met or not, and what to fix in which part."""

    label: str
    part: str  # the anchor id of the editor part to fix
    needed_for: str  # FOR_SUBMIT or FOR_PUBLISH
    problems: list[str]
    ok: bool = field(init=False)

    def __post_init__(self) -> None:
        self.ok = not self.problems


def checklist(article: Article) -> list[CheckItem]:
    """Every rule the story must meet to be submitted and then published, each run once.

    Needs a saved story; runs a handful of queries however many parts it has.
    """
    return [
        CheckItem(
            label=str(each.label),
            part=each.part,
            needed_for=FOR_SUBMIT if each in SUBMIT_RULES else FOR_PUBLISH,
            problems=each(article),
        )
        for each in PUBLISH_RULES
    ]
