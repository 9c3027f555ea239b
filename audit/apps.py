from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail; its account receivers are connected here, once."""

    name = "audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from . import accounts

        accounts.connect()
