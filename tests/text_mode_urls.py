"""The site's URLs with text mode in the story admin, for tests.

While ArticleAdmin does not mix TextModeAdminMixin in yet, the tests' story admin does; once
it does, these are the site's own URLs.
"""

from django.contrib import admin
from django.urls import URLResolver, path

from articles.admin.text_mode import TextModeAdminMixin
from articles.models import Article
from newsroom import urls

_story_admin = admin.site._registry[Article]

if isinstance(_story_admin, TextModeAdminMixin):
    urlpatterns = urls.urlpatterns
else:

    class _StoryAdmin(TextModeAdminMixin, type(_story_admin)):
        pass

    _story_admin = _StoryAdmin(Article, admin.site)
    _admin_urls = [
        path("articles/article/", (_story_admin.get_urls(), "", "")),
        *admin.site.get_urls(),
    ]
    urlpatterns = [
        path("admin/", (_admin_urls, "admin", admin.site.name)),
        *(
            pattern
            for pattern in urls.urlpatterns
            if not (isinstance(pattern, URLResolver) and pattern.namespace == "admin")
        ),
    ]
