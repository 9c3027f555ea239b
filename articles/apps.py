from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import citations, navigation, story_times

        navigation.connect_signals()
        citations.connect_signals()
        story_times.connect_signals()

        from .models import bylines

        bylines.connect_signals()

        from . import revisions

        revisions.register()

        from . import cachekeys

        cachekeys.watch()
