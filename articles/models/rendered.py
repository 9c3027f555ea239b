"""A live story's page as readers get it, rendered once and kept until something it shows
changes (see articles.prerender)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from .article import Article


class StoryRender(models.Model):
    """The parts of a story's page that change only when the story (or a record it shows)
    does: its <head> metadata and its <article>. Derived data: it may be dropped at any time.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="rendered"
    )
    # The story's page_token when this was rendered; any later change gives it a new one.
    token = models.CharField(max_length=32)
    # What else the HTML depends on: the code, language, time zone and the site's address.
    key = models.CharField(max_length=32)
    head_html = models.TextField()
    body_html = models.TextField()
    # The story's tags, for the related stories (which are found afresh on every request).
    tag_ids = models.JSONField(default=list)
    # Other apps' pieces of the page (articles.prerender.add_piece), e.g. the comment thread.
    pieces = models.JSONField(default=dict)
    rendered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "rendered story"
        default_permissions = ()

    def __str__(self) -> str:
        return f"rendered story {self.article_id}"
