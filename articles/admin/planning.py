"""The planning view: drafts, stories in review and scheduled stories by day for the coming
weeks, filtered by section, person and status; editors change a story's plan on its row.

Mixed into ArticleAdmin as PlanningAdminMixin (admin:articles_article_planning, /planning/).
Editors see every story still to come and change plans through articles.planning.plan;
reporters see their own stories' plans, read only — the service refuses them whatever they post.
The mixin also puts the plan on the story form (StoryPlanFields, for the editor's side panel)
and saves it through the same service once the story is saved.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from staff.names import display_name

from .. import planning
from ..models import Article
from ..transitions import TRANSITIONS
from .planning_forms import PlanForm, PlanningFilter, StoryPlanFields


class PlanningAdminMixin:
    """For ArticleAdmin (a ModelAdmin), before it in the bases: adds `planning/`."""

    def get_urls(self) -> list:
        wrap = self.admin_site.admin_view  # type: ignore[attr-defined]
        return [
            path("planning/", wrap(self.planning_view), name="articles_article_planning"),
            *super().get_urls(),  # type: ignore[misc]
        ]

    # -- the plan on the story form ----------------------------------------------------------

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        form = super().get_form(request, obj, change, **kwargs)  # type: ignore[misc]
        may_plan = planning.may_plan(request.user)
        return type(form.__name__, (StoryPlanFields, form), {"may_plan": may_plan})

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The story first (ArticleAdmin, through the editing service), then its plan."""
        super().save_related(request, form, formsets, change)  # type: ignore[misc]
        try:
            form.save_plan(request.user, form.instance)
        except (PermissionDenied, ValidationError) as error:
            # Checked when the form was; only a change made meanwhile lands here.
            message = " ".join(getattr(error, "messages", [str(error)]))
            self.message_user(  # type: ignore[attr-defined]
                request, _("The story was saved, its plan was not: %s") % message, messages.ERROR
            )

    # -- the planning view ------------------------------------------------------------------

    def planning_view(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        if not self.has_view_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        people = list(planning.assignable())
        posted = None
        if request.method == "POST":
            posted, saved = self._save_plan(request, people)
            if saved is not None:
                return HttpResponseRedirect(f"{request.get_full_path()}#story-{saved.pk}")
        return self._render(request, people, posted)

    def _save_plan(
        self, request: HttpRequest, people: list[Any]
    ) -> tuple[PlanForm, Article | None]:
        """The posted plan, through the planning service: (the form, the story if saved)."""
        if not planning.may_plan(request.user):
            raise PermissionDenied(_("Only editors plan stories."))
        story = request.POST.get("story", "")
        auto_id = f"id_plan{story}_%s" if story.isdigit() else "id_plan_%s"
        form = PlanForm(request.POST, people=people, auto_id=auto_id)
        if not form.is_valid():
            return form, None
        article = (
            Article.objects.editable_by(request.user).filter(pk=form.cleaned_data["story"]).first()
        )
        if article is None:
            raise Http404(_("No such story."))
        try:
            planning.plan(
                request.user,
                article,
                form.cleaned_data["planned_for"],
                form.chosen_people(),
                form.cleaned_data["planning_note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return form, None
        self.message_user(  # type: ignore[attr-defined]
            request, _("Plan saved: “%s”.") % article.headline, messages.SUCCESS
        )
        return form, article

    def _render(
        self, request: HttpRequest, people: list[Any], posted: PlanForm | None
    ) -> TemplateResponse:
        editor = planning.may_plan(request.user)
        filters = PlanningFilter(
            request.GET or None,
            queryset=planning.on_the_desk(request.user),
            people=people,
            show_person=editor,
        )
        buckets = planning.desk(filters.qs, timezone.localdate())
        posted_story = posted.data.get("story") if posted is not None else None
        for bucket in buckets:
            for article in bucket.stories:
                article.assignee_names = [display_name(p) for p in article.assignees.all()]
                if article.latest_note is not None:
                    article.latest_note_label = TRANSITIONS[article.latest_note.action].history
                if not editor:
                    article.plan_form = None
                elif posted is not None and posted_story == str(article.pk):
                    article.plan_form = posted
                else:
                    article.plan_form = PlanForm.for_story(article, people)
        stray = posted is not None and not any(
            article.plan_form is posted for bucket in buckets for article in bucket.stories
        )
        context = {
            **self.admin_site.each_context(request),  # type: ignore[attr-defined]
            "title": _("Planning"),
            "opts": self.model._meta,  # type: ignore[attr-defined]
            "filters": filters,
            "buckets": buckets,
            "horizon_days": planning.HORIZON_DAYS,
            "undated_shown": planning.UNDATED_SHOWN,
            "can_plan": editor,
            "stray_form": posted if stray else None,
        }
        return TemplateResponse(request, "admin/articles/article/planning.html", context)
