from django.urls import path

from . import views

app_name = "trust"

urlpatterns = [
    path("about/", views.standards, name="standards"),
    path("about/<slug:kind>/", views.policy, name="policy"),
    path("trust.txt", views.trust_txt, name="trust_txt"),
    path(".well-known/trust.txt", views.trust_txt, name="trust_txt_well_known"),
]
