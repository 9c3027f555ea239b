"""The addresses of our standards and trust.txt (articles.standards), named under `trust:`."""

from django.urls import path

from . import standards

app_name = "trust"

urlpatterns = [
    path("about/", standards.standards, name="standards"),
    path("about/<slug:kind>/", standards.policy, name="policy"),
    path("trust.txt", standards.trust_txt, name="trust_txt"),
    path(".well-known/trust.txt", standards.trust_txt, name="trust_txt_well_known"),
]
