from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from . import feeds, people, sitemaps, views
from .cachekeys import shows_keys, sitemap_keys

index = shows_keys(sitemap_keys)(index)
sitemap = shows_keys(sitemap_keys)(sitemap)

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front"),
    path("articles/", views.ArchiveView.as_view(), name="archive"),
    path("articles/<slug:slug>/", views.story, name="story"),
    path("sections/<slug:slug>/", views.SectionView.as_view(), name="section"),
    path("sections/<slug:slug>/feeds/rss/", feeds.SectionFeed(), name="section_rss"),
    path("sections/<slug:slug>/feeds/atom/", feeds.SectionAtomFeed(), name="section_atom"),
    path("tags/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("people/<slug:slug>/", people.PersonView.as_view(), name="person"),
    # A profile's address (authors.Profile.slug), never a login name.
    path("authors/<slug:slug>/", views.AuthorView.as_view(), name="author"),
    path("feeds/rss/", feeds.LatestStoriesFeed(), name="rss"),
    path("feeds/atom/", feeds.LatestStoriesAtomFeed(), name="atom"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "articles:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": sitemaps.NEWS_SITEMAPS, "template_name": "articles/news_sitemap.xml"},
        name="news_sitemap",
    ),
    # After the news sitemap, whose address this pattern would also match.
    path(
        "sitemap-<slug:section>.xml",
        sitemap,
        {"sitemaps": sitemaps.SITEMAPS, "template_name": "articles/sitemap.xml"},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("corrections/", views.corrections, name="corrections"),
    path("corrections/feed/", feeds.CorrectionsFeed(), name="corrections_feed"),
    path("preview/<int:pk>/<str:token>/", views.shared_preview, name="shared_preview"),
]
