from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import navigation

        navigation.connect_signals()

        from . import history, notifications

        history.register()
        notifications.register()
