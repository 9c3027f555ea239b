"""When a popular page is missing from the page cache, many readers at once cause one render:
the others wait for it (edge/pagecache.py)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connections
from django.test import Client
from django.test.signals import template_rendered

from articles import front
from tests.factories import make_article

pytestmark = pytest.mark.usefixtures("page_cache")

READERS = 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_readers_missing_the_same_page_cause_one_render(reporter, editor, monkeypatch):
    make_article(reporter, status="published", editor=editor, headline="Harbour wall to be rebuilt")
    build = front.FrontPage.build

    def slow_build() -> front.FrontPage:
        time.sleep(0.3)  # a render long enough for every reader to arrive while it runs
        return build()

    monkeypatch.setattr(front.FrontPage, "build", staticmethod(slow_build))
    renders, answers = [], []
    lock = threading.Lock()

    def counted(sender, template, **kwargs) -> None:
        if template.name == "articles/front.html":
            with lock:
                renders.append(template.name)

    template_rendered.connect(counted)
    start = threading.Barrier(READERS)

    def read() -> None:
        try:
            start.wait()
            response = Client().get("/")
            with lock:
                answers.append((response.status_code, b"Harbour wall" in response.content))
        finally:
            connections.close_all()

    readers = [threading.Thread(target=read) for _ in range(READERS)]
    try:
        for reader in readers:
            reader.start()
        for reader in readers:
            reader.join(timeout=30)
    finally:
        template_rendered.disconnect(counted)
    assert answers == [(200, True)] * READERS
    assert len(renders) == 1
