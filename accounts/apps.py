from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Staff sign-in")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts import trail
        from accounts.middleware import note_sign_in

        user_logged_in.connect(note_sign_in, dispatch_uid="accounts.note_sign_in")
        trail.connect()
