"""/api/v1/: the read-only content API. Anything else under /api/ is a JSON 404."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("v1/stories/", views.StoryList.as_view(), name="story-list"),
    path("v1/stories/<slug:slug>/", views.StoryDetail.as_view(), name="story-detail"),
    path("v1/stories/<slug:slug>/ninjs/", views.StoryNinjs.as_view(), name="story-ninjs"),
    path("v1/sections/", views.SectionList.as_view(), name="section-list"),
    path("v1/tags/", views.TagList.as_view(), name="tag-list"),
    path("v1/people/", views.PersonList.as_view(), name="person-list"),
    path("v1/people/<slug:slug>/", views.PersonDetail.as_view(), name="person-detail"),
    path("v1/sources/", views.SourceList.as_view(), name="source-list"),
    path("v1/authors/", views.AuthorList.as_view(), name="author-list"),
    path("v1/corrections/", views.CorrectionList.as_view(), name="correction-list"),
    path("v1/withdrawals/", views.WithdrawalList.as_view(), name="withdrawal-list"),
    path("v1/schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("v1/docs/", views.ApiDocs.as_view(), name="docs"),
    # Only addresses ending in "/": without one, APPEND_SLASH redirects here first.
    # [\s\S], not ".": an address with a line break in it is still under /api/.
    re_path(r"^([\s\S]*/)?$", views.NotFoundView.as_view()),
]
