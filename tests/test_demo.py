"""`load_demo` builds the demo newsroom through the workflow, once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, WorkflowEvent
from images.models import Image
from sources.models import Person, Source

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Article, Person, Source, WorkflowEvent, Image)]


def test_load_demo_creates_stories_in_every_state(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    assert Article.objects.published().count() >= 2
    assert Article.objects.in_review().count() >= 1
    assert Article.objects.filter(status="draft").count() >= 1
    assert Article.objects.scheduled().count() >= 1
    output = capsys.readouterr().out
    assert "reporter / " in output and "editor / " in output


def test_published_demo_stories_lead_with_generated_described_images(settings, media_root):
    settings.DEBUG = True
    call_command("load_demo")
    published = Article.objects.published().select_related("lead_image")
    assert published.exists()
    for article in published:
        image = article.lead_image
        assert image is not None, article.headline
        assert image.has_alt_text and image.caption.startswith("Illustration:")
        assert image.credit == "Newsroom graphics"
        assert (image.width, image.height) == (2000, 1200)
        assert all((media_root / name).exists() for name in image.file_names())


def test_load_demo_gives_pictures_to_a_newsroom_loaded_without_them(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    Article.objects.update(lead_image=None)
    Image.objects.all().delete()
    call_command("load_demo")
    assert all(article.lead_image_id for article in Article.objects.published())
    assert "+ picture for" in capsys.readouterr().out


def test_load_demo_twice_adds_nothing(settings):
    settings.DEBUG = True
    call_command("load_demo")
    before = counts()
    call_command("load_demo")
    assert counts() == before


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert Article.objects.count() == 0
