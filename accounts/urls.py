"""The sign-in pages under /admin/account/ (mounted before the admin's own URLs). The names
are django-two-factor-auth's, in its `two_factor` namespace, so its templates and
decorators find them; the login itself is the admin's (admin:login)."""

from django.urls import include, path
from django.views.generic import RedirectView
from two_factor.views import QRGeneratorView

from accounts import views

app_name = "two_factor"

urlpatterns = [
    path(
        "account/login/",
        RedirectView.as_view(pattern_name="admin:login", query_string=True),
        name="login",
    ),
    path("account/two-factor/", views.TwoFactorProfileView.as_view(), name="profile"),
    path("account/two-factor/setup/", views.EnrolmentView.as_view(), name="setup"),
    path("account/two-factor/qrcode/", QRGeneratorView.as_view(), name="qr"),
    path(
        "account/two-factor/setup/complete/",
        views.EnrolmentCompleteView.as_view(),
        name="setup_complete",
    ),
    path(
        "account/two-factor/recovery-codes/",
        views.RecoveryCodesView.as_view(),
        name="backup_tokens",
    ),
    path("account/sign-out/", views.sign_out, name="sign_out"),
    path("account/two-factor/turn-off/", views.RemoveDevicesView.as_view(), name="disable"),
    path("account/two-factor/add-passkey/", views.AddPasskeyView.as_view(), name="add_passkey"),
    path("account/two-factor/add-app/", views.AddAuthenticatorView.as_view(), name="add_app"),
    path(
        "account/two-factor/passkeys/<str:key_id>/remove/",
        views.RemovePasskeyView.as_view(),
        name="remove_passkey",
    ),
    # The passkey scripts (create_credential.js, get_credential.js): served files, as the
    # Content-Security-Policy (script-src 'self') allows, under two_factor:webauthn.
    path(
        "account/two-factor/webauthn/",
        include("two_factor.plugins.webauthn.urls", namespace="webauthn"),
    ),
]
