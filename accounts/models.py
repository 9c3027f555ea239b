"""Which logins the demo made: only those may skip the second factor, and only with DEBUG on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoLogin(models.Model):
    """A login `load_demo` created, with a published password pattern (README, "The demo
    newsroom"). Marked here rather than recognised by name, so no real account called
    "editor" is ever let through."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="demo_login"
    )

    class Meta:
        verbose_name = _("demo login")
        verbose_name_plural = _("demo logins")

    def __str__(self) -> str:
        return str(self.user)
