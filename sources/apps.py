from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Sources and claims")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from articles import history

        from . import citations, rules
        from .models import Claim, Quote, StorySource

        citations.connect_signals()
        rules.register()
        # Revisions keep the source list before the claims and quotes that cite it.
        history.register_parts(source_entries=StorySource, claims=Claim, quotes=Quote)
