from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.front_page, name="front"),
    path("articles/<slug:slug>/", views.story, name="story"),
    path("sections/<slug:slug>/", views.section, name="section"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    path("authors/<str:username>/", views.author, name="author"),
]
