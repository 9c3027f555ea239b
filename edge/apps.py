from django.apps import AppConfig
from django.core import checks


class EdgeConfig(AppConfig):
    name = "edge"

    def ready(self) -> None:
        from .clients import check_trusted_proxies

        checks.register(check_trusted_proxies)
