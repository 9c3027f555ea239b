"""The newsroom's admin site: each person's desk on the index, the review queue's page, and no
shortcut around permissions."""

from typing import Any

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom")
    site_title = _("Newsroom admin")
    index_title = _("The newsroom")

    def has_permission(self, request: HttpRequest) -> bool:
        # On a password alone, an account that must use a second factor is not let in
        # (accounts.middleware sends it to set one up or to enter its code).
        from accounts import rules

        return super().has_permission(request) and rules.may_sign_in_to_admin(request.user)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """The two-step login (password, then code) in place of the admin's own."""
        from accounts.views import AdminLoginView

        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        return AdminLoginView.as_view()(request)

    def index(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        from articles import desk
        from comments import moderation
        from comments.models import Comment

        extra_context = extra_context or {}
        extra_context["desk"] = desk.desk_for(request.user)
        if moderation.can_moderate(request.user):
            extra_context["pending_comments"] = Comment.objects.awaiting_decision().count()
        return super().index(request, extra_context)

    def review_queue(self, request: HttpRequest) -> HttpResponse:
        from articles.admin.review_queue import review_queue_view

        return review_queue_view(request, self)

    def get_urls(self) -> list:
        # Django's "view on site" shortcut redirects to any object's public URL, which would
        # reveal the slug of a story the person may not open. Ask the ModelAdmin first.
        urls = super().get_urls()
        shortcut = path(
            "r/<int:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site_checked),
            name="view_on_site",
        )
        queue = path("review-queue/", self.admin_view(self.review_queue), name="review_queue")
        return [shortcut, queue, *urls]

    def view_on_site_checked(
        self, request: HttpRequest, content_type_id: int, object_id: str
    ) -> HttpResponse:
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        model_admin: Any = self._registry.get(model)
        if model_admin is None:
            raise Http404
        obj = model_admin.get_object(request, object_id)
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        if not hasattr(obj, "get_absolute_url"):
            raise Http404
        return HttpResponseRedirect(obj.get_absolute_url())
