from typing import Any

from django.apps import AppConfig
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Sources and claims")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles import history

        from . import citations, rules, story_times
        from .models import Claim, Quote, StorySource

        citations.connect_signals()
        story_times.connect_signals()
        rules.register()
        watch_story_pages()
        # Revisions keep the source list before the claims and quotes that cite it.
        history.register_parts(source_entries=StorySource, claims=Claim, quotes=Quote)


def watch_story_pages() -> None:
    """What a story's stored page (articles.prerender) shows of this app."""
    from articles import prerender
    from articles.models import Article

    from .models import Claim, Person, Quote, Source, StorySource

    for part in (Claim, Quote, StorySource):
        prerender.shows(part)
    # A source shows in its stories' lists (every cited source is kept in the list).
    prerender.shows(Source, lambda source: Article.objects.filter(source_entries__source=source))
    prerender.shows(Person, lambda person: Article.objects.filter(quotes__speaker=person))
    prerender.shows_links(Claim.sources.through, prerender.stories_of_part, _citing)


def _citing(source: Any, claim_pks: set[Any] | None) -> QuerySet:
    """The stories whose claims a source was given to (or, for a clear, still cites)."""
    from articles.models import Article

    if claim_pks is None:
        return Article.objects.filter(claims__sources=source)
    return Article.objects.filter(claims__pk__in=claim_pks)
