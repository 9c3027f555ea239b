from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.core import checks


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin.NewsroomAdminSite"


class NewsroomConfig(AppConfig):
    """The project as an app (no models): it wires the apps together (wiring.py, the one
    place registries are filled), checks the deployment, and has the `backup` command."""

    name = "newsroom"

    def ready(self) -> None:
        from newsroom import lookups, wiring
        from newsroom.checks import check_page_cache_sharing, check_sqlite_deployment
        from newsroom.csp import check_enforced, check_policies

        lookups.register()
        checks.register(check_sqlite_deployment, "newsroom")
        checks.register(check_page_cache_sharing, "newsroom")
        checks.register(check_policies, "newsroom")
        checks.register(check_enforced, "newsroom", deploy=True)
        wiring.connect()
