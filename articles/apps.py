from django.apps import AppConfig
from django.db.models import Q
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

        from . import history, notifications

        history.register()
        notifications.register()

        from . import prerender

        prerender.watch()

        from images.models import keepers_only_when

        from .models import Article

        # A picture on a story past its draft is the editors' to reword, like the story.
        beyond_draft = [Article.Status.REVIEW, Article.Status.PUBLISHED]
        keepers_only_when(lambda: Q(lead_of__status__in=beyond_draft))
