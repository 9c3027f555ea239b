from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.core import checks


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin.NewsroomAdminSite"


class NewsroomConfig(AppConfig):
    """The project as an app (no models): deployment checks, the page cache's invalidation,
    and the `backup` and `bench` commands."""

    name = "newsroom"

    def ready(self) -> None:
        from newsroom import pagecache
        from newsroom.checks import check_page_cache_sharing, check_sqlite_deployment
        from newsroom.security import check_trusted_proxies

        checks.register(check_sqlite_deployment, "newsroom")
        checks.register(check_page_cache_sharing, "newsroom")
        checks.register(check_trusted_proxies)
        pagecache.watch_content()
