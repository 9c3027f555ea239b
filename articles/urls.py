from django.urls import path

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front"),
    path("articles/<slug:slug>/", views.story, name="story"),
    path("sections/<slug:slug>/", views.section, name="section"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("authors/<str:username>/", views.author, name="author"),
    path("corrections/", views.corrections, name="corrections"),
    path("corrections/feed/", feeds.CorrectionsFeed(), name="corrections_feed"),
    path("preview/<int:pk>/<str:token>/", views.shared_preview, name="shared_preview"),
]
