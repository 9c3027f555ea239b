"""A story whose lead image has no alt text can be neither submitted nor published (SECURITY.md
C8), whatever door the blank alt text came through; revisions keep the lead image."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import comparison, editing, revisions, workflow
from articles.models import Article
from images.models import Image
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def blank_alt_text(image: Image, blank: str = "  \t ") -> None:
    """What a bulk import or the shell can do: the form and the database refuse only ""."""
    Image.objects.filter(pk=image.pk).update(alt_text=blank)


@pytest.mark.parametrize("blank", [" ", "\t\n", "\u00a0"])
def test_story_with_a_lead_image_without_alt_text_cannot_be_submitted(reporter, blank):
    image = make_image(caption="Night ferry leaving the pier")
    blank_alt_text(image, blank)
    article = make_article(reporter, lead_image=image)
    with pytest.raises(ValidationError) as refused:
        workflow.submit(article, reporter)
    assert refused.value.messages == [
        "The lead image “Night ferry leaving the pier” needs alt text."
    ]
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_story_whose_lead_image_lost_its_alt_text_in_review_cannot_be_published(reporter, editor):
    image = make_image(caption="Harbour wall")
    article = make_article(reporter, status="review", lead_image=image)
    blank_alt_text(image)
    with pytest.raises(ValidationError, match="The lead image “Harbour wall” needs alt text."):
        workflow.publish(article, editor)
    assert not Article.objects.published().exists()


def test_story_with_described_lead_image_is_published(reporter, editor):
    article = make_article(reporter, status="review", lead_image=make_image())
    workflow.publish(article, editor)
    assert Article.objects.published().get() == article


def test_submit_button_in_the_admin_says_what_is_missing(reporter, reporter_client):
    image = make_image(caption="Fish market at dawn")
    blank_alt_text(image)
    article = make_article(reporter, lead_image=image)
    url = reverse("admin:articles_article_transition", args=[article.pk, workflow.SUBMIT])
    response = reporter_client.post(url, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert "The lead image “Fish market at dawn” needs alt text." in messages
    assert Article.objects.get(pk=article.pk).status == "draft"


def test_revisions_keep_the_lead_image_and_restore_it(reporter, editor):
    first, second = make_image(alt_text="Old quay"), make_image(alt_text="New quay")
    article = make_article(reporter, lead_image=first)
    old = revisions.record(article, reporter, "edit")
    article.lead_image = second
    article.save()
    new = revisions.record(article, reporter, "edit")
    changes = {
        change.label: (change.old, change.new) for change in comparison.compare(old, new).story
    }
    assert changes["Lead image"] == (str(first), str(second))
    editing.restore(article, old, editor, expected_version=article.version)
    assert Article.objects.get(pk=article.pk).lead_image == first
