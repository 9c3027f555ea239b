"""The admin's user list gains "Reset two-factor sign-in" (a lost phone), checked by
accounts.reset, which the admin only asks."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import reset

User = get_user_model()


@admin.action(description=gettext_lazy("Reset two-factor sign-in (lost phone)"))
def reset_two_factor(model_admin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet):
    done, refused = [], []
    for member in queryset:
        if reset.may_reset_second_factor(request.user, member):
            reset.reset_second_factor(request.user, member)
            done.append(member.get_username())
        else:
            refused.append(member.get_username())
    if done:
        model_admin.message_user(
            request,
            _(
                "Two-factor sign-in reset for: %(names)s. "
                "They set it up again at their next sign-in."
            )
            % {"names": ", ".join(done)},
            messages.SUCCESS,
        )
    if refused:
        model_admin.message_user(
            request,
            _("You may not reset two-factor sign-in for: %(names)s.")
            % {"names": ", ".join(refused)},
            messages.ERROR,
        )


class StaffUserAdmin(UserAdmin):
    actions = [reset_two_factor]


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
