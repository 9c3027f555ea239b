"""Moments machines read (HTML datetime attributes, JSON-LD, Open Graph) are written to the
whole second, in the newsroom's time zone, by one function (issue 22, item 8)."""

import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.template import engines
from django.utils import timezone

from articles.machine_time import machine_time

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_a_moment_loses_its_fraction_of_a_second_and_takes_the_newsrooms_zone():
    moment = datetime(2026, 11, 30, 18, 59, 52, 976788, tzinfo=UTC)
    with timezone.override(ZoneInfo("Europe/London")):
        assert machine_time(moment) == "2026-11-30T18:59:52+00:00"
    with timezone.override(ZoneInfo("Europe/Paris")):
        assert machine_time(moment) == "2026-11-30T19:59:52+01:00"


def test_a_date_stays_a_date_and_no_moment_is_empty():
    assert machine_time(date(2026, 3, 2)) == "2026-03-02"
    assert machine_time(None) == ""


def test_the_template_filter_writes_the_same():
    template = engines["django"].from_string(
        '{% load newsroom %}<time datetime="{{ moment|machine_time }}"></time>'
    )
    moment = datetime(2026, 3, 10, 12, 0, 7, 123456, tzinfo=UTC)
    with timezone.override(ZoneInfo("Europe/London")):
        assert (
            template.render({"moment": moment})
            == '<time datetime="2026-03-10T12:00:07+00:00"></time>'
        )


def test_every_datetime_attribute_in_the_templates_goes_through_the_filter():
    """`|date:'c'` writes microseconds, which HTML does not allow."""
    attribute = re.compile(r'datetime="([^"]*)"')
    unfiltered = [
        f"{path.relative_to(TEMPLATES)}: {value}"
        for path in TEMPLATES.rglob("*.html")
        for value in attribute.findall(path.read_text(encoding="utf-8"))
        if not re.fullmatch(r"\{\{ [\w.]+\|machine_time \}\}", value)
    ]
    assert unfiltered == []
