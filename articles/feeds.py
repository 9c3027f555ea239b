"""RSS feeds: thin doors onto the same published() stories as the pages."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Correction


class CorrectionsFeed(Feed):
    """Every correction of a published story, newest first."""

    link = reverse_lazy("articles:corrections")
    description = _("Corrections to our published stories, newest first.")
    limit = 50

    def title(self) -> str:
        return str(_("Corrections — %(site)s")) % {"site": settings.NEWSROOM_SITE_NAME}

    def items(self) -> QuerySet:
        return Correction.objects.public()[: self.limit]

    def item_title(self, item: Correction) -> str:
        return str(_("Correction: %(headline)s")) % {"headline": item.article.headline}

    def item_description(self, item: Correction) -> str:
        return item.text_html

    def item_pubdate(self, item: Correction) -> datetime:
        return item.created_at
