"""A person's public page: who they are, and what they said in published stories."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from articles.models import Article

from .models import Person


def person(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    quotes = (
        person.quotes.filter(article__in=Article.objects.published())
        .select_related("article")
        .order_by("-article__published_at", "position")
    )
    return render(request, "sources/person.html", {"person": person, "quotes": quotes})
