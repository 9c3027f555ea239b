"""`load_demo` builds the demo newsroom through the workflow, once."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, WorkflowEvent
from sources.models import Person, Source

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Article, Person, Source, WorkflowEvent)]


def test_load_demo_creates_stories_in_every_state(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    assert Article.objects.published().count() >= 2
    assert Article.objects.in_review().count() >= 1
    assert Article.objects.filter(status="draft").count() >= 1
    assert Article.objects.scheduled().count() >= 1
    output = capsys.readouterr().out
    assert "reporter / " in output and "editor / " in output


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
