"""Logs are JSON lines on stdout, and what a visitor typed cannot forge a line (B17 spirit)."""

from __future__ import annotations

import json
import logging
import sys

from django.conf import settings

from edge.jsonlog import JsonFormatter

FORGED = "Bob\n2026-11-24 ERROR admin login ok user=admin\x1b[31m\u202e"


def formatted(**extra) -> str:
    record = logging.makeLogRecord(
        {
            "name": "comments",
            "levelname": "WARNING",
            "msg": "held comment from %s",
            "args": (FORGED,),
        }
    )
    record.__dict__.update(extra)
    return JsonFormatter().format(record)


def test_one_event_is_one_line_with_control_characters_escaped():
    line = formatted(author=FORGED)
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line
    entry = json.loads(line)
    assert entry["message"] == f"held comment from {FORGED}"
    assert entry["author"] == FORGED
    assert entry["level"] == "WARNING" and entry["logger"] == "comments"


def test_exceptions_stay_on_the_same_line():
    try:
        raise ValueError("line one\nline two")
    except ValueError:
        record = logging.makeLogRecord({"msg": "failed", "exc_info": sys.exc_info()})
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert "ValueError: line one\nline two" in json.loads(line)["exception"]


def test_django_and_the_root_logger_write_json_to_stdout():
    config = settings.LOGGING
    assert config["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    assert config["formatters"]["json"]["()"] == "edge.jsonlog.JsonFormatter"
    root = logging.getLogger()
    assert any(isinstance(handler.formatter, JsonFormatter) for handler in root.handlers)
    # Django's own loggers reach the root handler (once: they have none of their own).
    django_logger = logging.getLogger("django.request")
    assert django_logger.propagate and logging.getLogger("django").propagate
    assert not logging.getLogger("django").handlers
