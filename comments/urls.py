from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("articles/<slug:slug>/comments/", views.comment_form, name="form"),
    path("comments/token/<int:article_id>/", views.token, name="token"),
    path("comments/<int:comment_id>/report/", views.report_comment, name="report"),
    path("comments/<int:comment_id>/report/thanks/", views.reported, name="reported"),
]
