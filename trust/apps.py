from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrustConfig(AppConfig):
    name = "trust"
    verbose_name = _("Standards and publisher")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import snapshot

        snapshot.watch()
