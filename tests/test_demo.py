"""`load_demo` builds the demo newsroom through the workflow, once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles import demo, importing, storytext
from articles.models import (
    Article,
    Byline,
    Claim,
    Quote,
    Section,
    StoryRevision,
    StorySource,
    Tag,
    WorkflowEvent,
)
from images.models import Image
from sources.models import Person, Source

pytestmark = pytest.mark.django_db

MODELS = (Article, Person, Source, WorkflowEvent, Image)
EVERY_KIND = (*MODELS, Section, Tag, Byline, Claim, Quote, StorySource, StoryRevision)


def counts(models=MODELS):
    return [m.objects.count() for m in models]


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


def test_load_demo_twice_adds_no_row_of_any_kind(settings):
    settings.DEBUG = True
    call_command("load_demo")
    before = counts(EVERY_KIND)
    call_command("load_demo")
    assert counts(EVERY_KIND) == before


def test_every_demo_story_text_reads_without_problems():
    stories = demo.newsroom()["stories"]
    on_disk = sorted(path.name for path in (demo.NEWSROOM / "stories").glob("*.txt"))
    assert sorted(row["text"] for row in stories) == on_disk
    for row in stories:
        parsed = storytext.parse(demo.story_text(row))
        assert parsed.problems == [], row["text"]
        assert len(parsed.story.quotes) == len(row["quotes"]), row["text"]


def test_demo_stories_are_their_imported_texts_with_the_data_file_around_them(settings):
    settings.DEBUG = True
    call_command("load_demo")
    data = demo.newsroom()
    urls = {row["key"]: row["url"] for row in data["sources"]}
    for row in data["stories"]:
        article = Article.objects.with_story_parts().get(slug=row["slug"])
        text = storytext.parse(demo.story_text(row)).story
        quotes = article.quotes.order_by("position")
        assert [(q.text, q.speaker.name, q.role) for q in quotes] == [
            (q.text, q.speaker, q.role) for q in text.quotes
        ]
        text.quotes = text.quotes[:1]  # structure_of holds the pull quote only
        assert storytext.structure_of(article) == text
        assert [(q.speaker.slug, q.source.url if q.source else None) for q in quotes] == [
            (q["speaker"], urls.get(q["source"])) for q in row["quotes"]
        ]
        assert article.events.filter(action=importing.IMPORT).count() == 1
        assert article.section.slug == row["section"] and article.dateline == row["dateline"]
        assert sorted(tag.slug for tag in article.tags.all()) == sorted(row["tags"])
        assert [b.author.username for b in article.bylines.all()] == row["authors"]


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert Article.objects.count() == 0
