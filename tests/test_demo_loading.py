"""`load_demo` into an empty database: only with DEBUG, emailing nobody, its history in the
past whatever the hour, its pictures on disk; and the data file it reads. (The newsroom it
leaves is tests/test_demo.py.)"""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles import demo, demo_history, storytext, workflow
from articles.models import Article, WorkflowEvent

pytestmark = pytest.mark.django_db


def test_loading_the_demo_emails_nobody(settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    assert WorkflowEvent.objects.filter(action=workflow.SUBMIT).exists()
    assert mail.outbox == []


def test_demo_loaded_before_the_day_steps_its_history_ends_yesterday_all_in_the_past(settings):
    settings.DEBUG = True
    loaded_at = timezone.localtime().replace(hour=5, minute=30)
    planned = [step["does"] for row in demo.newsroom()["stories"] for step in row["history"]]
    with time_machine.travel(loaded_at, tick=False):
        call_command("load_demo", stdout=io.StringIO())
        assert max(WorkflowEvent.objects.values_list("at", flat=True)) < timezone.now()
        assert Article.objects.published().count() == planned.count(demo_history.PUBLISH)
        assert Article.objects.scheduled().count() == planned.count(demo_history.SCHEDULE)


def test_the_newsroom_today_is_yesterday_until_the_last_of_today_steps_has_happened():
    stories = [{"history": [{"day": -1, "at": "20:00"}, {"day": 0, "at": "09:05"}]}]
    morning = timezone.make_aware(datetime.datetime(2026, 12, 2, 9, 0))
    later = timezone.make_aware(datetime.datetime(2026, 12, 2, 9, 5))
    assert demo_history.newsroom_today(stories, morning) == datetime.date(2026, 12, 1)
    assert demo_history.newsroom_today(stories, later) == datetime.date(2026, 12, 2)


def test_published_demo_stories_lead_with_generated_described_images(settings, media_root):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    published = Article.objects.published().select_related("lead_image")
    assert published.exists()
    for article in published:
        image = article.lead_image
        assert image is not None, article.headline
        assert image.has_alt_text and image.caption.startswith("Illustration:")
        assert image.credit == "Newsroom graphics"
        assert (image.width, image.height) == (2000, 1200)
        assert all((media_root / name).exists() for name in image.file_names())


def test_every_demo_story_text_reads_without_problems():
    stories = demo.newsroom()["stories"]
    on_disk = sorted(path.name for path in (demo.NEWSROOM / "stories").glob("*.txt"))
    assert sorted(row["text"] for row in stories) == on_disk
    for row in stories:
        parsed = storytext.parse(demo.story_text(row))
        assert parsed.problems == [], row["text"]
        assert len(parsed.story.quotes) == len(row["quotes"]), row["text"]
        first = storytext.parse(demo_history.first_written(demo.story_text(row), row["history"]))
        assert first.problems == [], row["text"]


def test_every_demo_story_history_is_written_first_then_moved_by_demo_people():
    usernames = {u.username for u in demo.DEMO_USERS}
    for row in demo.newsroom()["stories"]:
        written, *moves = row["history"]
        assert written["does"] == demo_history.WRITE, row["text"]
        assert set(row["authors"]) <= usernames
        assert all(step["does"] in demo_history.MOVES for step in moves), row["text"]
        assert all(step["by"] in usernames for step in moves), row["text"]


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert Article.objects.count() == 0


def test_the_demo_shows_several_types_of_work_a_methods_note_and_a_correction(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    published = Article.objects.published()
    assert {"news", "analysis", "explainer", "opinion"} <= set(
        published.values_list("work_type", flat=True)
    )
    assert published.exclude(methods="").count() >= 2
    corrected = published.filter(corrections__isnull=False).distinct().get()
    page = client.get(corrected.get_absolute_url()).content.decode()
    assert 'class="correction-notice"' in page and 'class="methods"' in page
    opinion = published.get(work_type="opinion")
    assert "work-type-opinion" in client.get(opinion.get_absolute_url()).content.decode()
