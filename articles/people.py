"""A person's public page: who they are, and what they said in published stories."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import ListView

from edge import contentkeys

from . import metadata
from .models import Article


class PersonView(ListView):
    """Their quotes across published stories, newest first, each linking to its story."""

    template_name = "articles/person.html"
    context_object_name = "quotes"
    paginate_by = 20

    def get_queryset(self) -> QuerySet:
        published = Article.objects.published()
        # Someone quoted only in unpublished stories has no page: who we talk to stays private.
        self.person = get_object_or_404(published.people_quoted(), slug=self.kwargs["slug"])
        return (
            published.quotes_by(self.person)
            .select_related("article")
            .only("text", "role", "said_on", "article__headline", "article__slug")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person = self.person
        stories = [f"story:{quote.article_id}" for quote in context["quotes"]]
        contentkeys.shows(self.request, f"person:{person.pk}", *stories)
        about = ", ".join(part for part in (person.role, person.organization) if part)
        description = _("What %(name)s said in our stories.") % {"name": person.name}
        context["person"] = person
        context["about"] = about
        context["page_meta"] = metadata.for_listing(
            self.request,
            person.name,
            f"{about}. {description}" if about else description,
            context["page_obj"],
        )
        return context
