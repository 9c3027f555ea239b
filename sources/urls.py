from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("people/<slug:slug>/", views.PersonView.as_view(), name="person"),
]
