"""The image library in the admin, and choosing a story's lead image on the story form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from images.models import Image
from tests.factories import make_article, make_image, make_user
from tests.html import form_fields, parse

pytestmark = pytest.mark.django_db


def test_library_lists_thumbnails_with_size_and_alt_text(reporter_client):
    image = make_image(alt_text="Lifeboat crew on the slipway")
    page = parse(reporter_client.get(reverse("admin:images_image_changelist")))
    thumbnail = page.select_one("#result_list img.image-thumbnail")
    assert thumbnail["src"] == image.thumbnail.url
    assert thumbnail["alt"] == "Lifeboat crew on the slipway"
    assert thumbnail["width"] == "120" and thumbnail["height"] == "75"


@pytest.mark.parametrize("term", ["slipway", "Calder Press", "lifeboat crew"])
def test_library_is_searched_by_caption_credit_and_alt_text(editor_client, term):
    wanted = make_image(
        alt_text="Lifeboat crew at work", caption="On the slipway", credit="Calder Press"
    )
    make_image(alt_text="A quiet beach", caption="Sand", credit="Staff")
    response = editor_client.get(reverse("admin:images_image_changelist"), {"q": term})
    assert list(response.context["cl"].result_list) == [wanted]


def test_reporter_chooses_a_lead_image_on_the_story_form_and_sees_it(reporter_client, reporter):
    image = make_image(alt_text="Ferry in fog")
    article = make_article(reporter)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = parse(reporter_client.get(url))
    chooser = page.select_one("select[name=lead_image]")
    assert "admin-autocomplete" in chooser["class"]  # searches the library as one types
    data = form_fields(reporter_client.get(url), "article_form")
    data["lead_image"] = str(image.pk)
    response = reporter_client.post(url, data)
    assert response.status_code == 302, parse(response).select(".errorlist")
    assert Article.objects.get(pk=article.pk).lead_image == image
    preview = parse(reporter_client.get(url)).select_one(".lead-image-preview img")
    assert preview["src"] == image.thumbnail.url and preview["alt"] == "Ferry in fog"


def test_lead_image_autocomplete_finds_images_for_reporters(reporter_client):
    image = make_image(caption="Crab boats in the harbour")
    response = reporter_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "lead_image",
            "term": "crab",
        },
    )
    assert response.status_code == 200
    assert [result["id"] for result in response.json()["results"]] == [str(image.pk)]


def test_reporters_cannot_delete_images(reporter_client):
    image = make_image()
    response = reporter_client.post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Image.objects.filter(pk=image.pk).exists()


def test_editor_cannot_delete_an_image_a_story_uses_and_is_told_why(editor_client, reporter):
    image = make_image()
    make_article(reporter, headline="Harbour wall repairs", lead_image=image)
    url = reverse("admin:images_image_delete", args=[image.pk])
    page = parse(editor_client.get(url))
    assert "Harbour wall repairs" in page.select_one("#content").text
    editor_client.post(url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()


def test_editor_deletes_an_unused_image(editor_client):
    image = make_image()
    response = editor_client.post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Image.objects.exists()


def test_image_details_are_edited_but_the_picture_is_fixed(editor_client):
    image = make_image(alt_text="Old words")
    url = reverse("admin:images_image_change", args=[image.pk])
    page = parse(editor_client.get(url))
    assert page.select_one("input[type=file]") is None
    assert page.select_one(".field-preview img")["src"] == image.thumbnail.url
    data = form_fields(editor_client.get(url), "image_form")
    data["alt_text"] = "Harbour wall at high tide"
    assert editor_client.post(url, data).status_code == 302
    assert Image.objects.get(pk=image.pk).alt_text == "Harbour wall at high tide"


# -- who may reword an image ---------------------------------------------------------------


def reword(client, image: Image, alt_text: str) -> int:
    """Post the image's admin form with new alt text; the response's status code."""
    url = reverse("admin:images_image_change", args=[image.pk])
    data = {"alt_text": alt_text, "caption": image.caption, "credit": image.credit}
    return client.post(url, data).status_code


def test_reporter_rewords_an_image_they_uploaded(reporter_client, reporter):
    image = make_image(alt_text="Old words", uploaded_by=reporter)
    make_article(reporter, lead_image=image)  # a draft may show it
    assert reword(reporter_client, image, "Cranes at dusk") == 302
    assert Image.objects.get(pk=image.pk).alt_text == "Cranes at dusk"


def test_reporter_sees_a_colleagues_image_read_only_and_cannot_reword_it(
    reporter_client, other_reporter
):
    image = make_image(alt_text="Old words", uploaded_by=other_reporter)
    page = parse(reporter_client.get(reverse("admin:images_image_change", args=[image.pk])))
    assert page.select_one("input[name=alt_text]") is None
    assert "Old words" in page.select_one(".field-alt_text").text
    assert reword(reporter_client, image, "Vandalised") == 403
    assert Image.objects.get(pk=image.pk).alt_text == "Old words"


@pytest.mark.parametrize("status", ["review", "published"])
def test_only_an_editor_rewords_a_picture_on_a_story_past_its_draft(
    reporter_client, editor_client, reporter, editor, status
):
    image = make_image(alt_text="Old words", uploaded_by=reporter)
    make_article(reporter, status=status, editor=editor, lead_image=image)
    assert reword(reporter_client, image, "Changed without review") == 403
    assert Image.objects.get(pk=image.pk).alt_text == "Old words"
    assert reword(editor_client, image, "Cranes at dusk") == 302
    assert Image.objects.get(pk=image.pk).alt_text == "Cranes at dusk"


def test_the_rule_lives_in_the_model_layer(reporter, other_reporter, editor):
    mine = make_image(uploaded_by=reporter)
    theirs = make_image(uploaded_by=other_reporter)
    live = make_image(uploaded_by=reporter)
    make_article(reporter, status="published", editor=editor, lead_image=live)
    changeable = Image.objects.changeable_by
    assert set(changeable(reporter)) == {mine}
    assert set(changeable(editor)) == {mine, theirs, live}
    reader = make_user("reader")
    assert not changeable(reader).exists()
