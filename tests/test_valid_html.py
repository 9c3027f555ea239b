"""Every kind of public page is valid HTML by the W3C Nu HTML checker (issue 22, item 8).

PAGES is the list of page kinds: a name, how a reader (or an editor) gets the page, and the
status it answers. A new kind of page is one more row; a row's `fetch` may first make what
its page shows (see the "story-shared-preview" row). All pages are rendered through Django's test
client in one test, written to a folder and checked by a single run of the checker (a JVM
start costs seconds), which must report no error at all.

The checker needs Java and node_modules/vnu-jar (README: Valid HTML); without them the test
is skipped, unless REQUIRE_NU=1 (as in CI), when that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone
from django.views import defaults

from articles import editing
from articles.models import Article, PreviewLink
from articles.views import ArchiveView, StoryListView
from tests import factories, nu_checker, trust_support
from tests.comments_support import comment_data, form_url, make_comment

pytestmark = pytest.mark.django_db


def _checker_or_skip() -> None:
    reason = nu_checker.why_unavailable()
    if reason is None:
        return
    if os.environ.get("REQUIRE_NU") == "1":
        pytest.fail(f"REQUIRE_NU=1 but the Nu HTML checker cannot run: {reason}", pytrace=False)
    pytest.skip(f"the Nu HTML checker cannot run: {reason}")


@dataclass
class Site:
    """A small newsroom with one of everything a public page can show, and who reads it."""

    reader: Client
    editor: Client
    story: Article  # every part: picture, takeaways, claims, quotes, impact, sources, tags
    corrected: Article  # corrected through the editing service after publication
    discussed: Article  # approved comments and replies
    draft: Article
    reporter: Any
    editor_user: Any
    person_slug: str

    def send_comment(
        self, article: Article, *, client: Client | None = None, **fields: Any
    ) -> HttpResponse:
        """The comment form as a browser posts it after some typing, `fields` overriding a
        reader's valid input."""
        data = comment_data(article, **fields)
        typed = timezone.now() + timedelta(seconds=settings.COMMENTS_MIN_SECONDS + 2)
        with time_machine.travel(typed, tick=False):
            return (client or self.reader).post(form_url(article), data)


def _build_site(reporter: Any, editor: Any) -> Site:
    section = factories.make_section("Harbour")
    picture = factories.make_image()
    story = factories.make_full_story(
        reporter,
        editor,
        headline="Harbour wall repairs approved after a decade of delays",
        section=section,
        lead_image=picture,
    )
    factories.add_parts(story, 2)
    corrected = factories.make_article(
        reporter, status="published", editor=editor, section=section, headline="Pier reopens"
    )
    editing.correct(corrected, editor, "An earlier version gave the wrong opening day.")
    discussed = factories.make_article(
        reporter, status="published", editor=editor, section=section, headline="Ferry fares rise"
    )
    first = make_comment(discussed, name="Ines Calder", body="A fair rise.\n\nStill steep.")
    make_comment(discussed, parent=first, name="Tom Reyes", body="Not for daily riders.")
    make_comment(discussed, name="سلمى الحداد", body="أوافق على ذلك.")
    make_comment(discussed, status="pending", body="Waiting for an editor.")
    draft = factories.make_article(reporter, headline="Quay lighting plan (draft)")
    factories.make_article(
        reporter,
        status="published",
        editor=editor,
        section=section,
        headline="What the pier closure cost the town",
        work_type="opinion",
        methods="We read the council's accounts and *asked* three traders.",
    )
    trust_support.write_policy(
        editor,
        "ethics",
        "# Independence\n\nWe accept no gifts.\n\n## Conflicts\n\n- Declared\n- Recorded\n\n"
        "> Readers first.\n\nWrite to [the editor](mailto:editor@ledger.example).",
        summary="How we keep our reporting independent.",
    )
    trust_support.write_policy(editor, "corrections", "We correct errors promptly, on the story.")
    editor_client = Client()
    editor_client.force_login(editor)
    return Site(
        reader=Client(),
        editor=editor_client,
        story=story,
        corrected=Article.objects.get(pk=corrected.pk),
        discussed=discussed,
        draft=draft,
        reporter=reporter,
        editor_user=editor,
        person_slug=story.quotes.first().speaker.slug,
    )


def _author_url(site: Site) -> str:
    """The reporter's author page, with every part of a profile filled in."""
    factories.make_profile(
        site.reporter,
        role="Harbour reporter",
        bio="Covers the port, the ferries and the council's harbour committee.",
        beat="Harbour and ferries",
        expertise="Maritime law, shipping",
        location="Port Calder",
        languages="English, Welsh",
        links="https://example.org/rosa\nhttps://example.net/@rosa",
        contact="rosa@ledger.example",
        photo=factories.make_image(),
    )
    return factories.author_page(site.reporter)


def _opinion_url(site: Site) -> str:
    return Article.objects.get(work_type="opinion").get_absolute_url()


def _closed_story(site: Site) -> HttpResponse:
    site.discussed.comments_enabled = False
    site.discussed.save(update_fields=["comments_enabled"])
    try:
        return site.send_comment(site.discussed, body="I wrote this after the comments closed.")
    finally:
        site.discussed.comments_enabled = True
        site.discussed.save(update_fields=["comments_enabled"])


def _shared_preview(site: Site) -> HttpResponse:
    link = PreviewLink.objects.create(
        article=site.draft,
        created_by=site.editor_user,
        expires_at=timezone.now() + timedelta(days=1),
    )
    return site.reader.get(link.get_absolute_url())


def _default_view(view: Callable[..., HttpResponse], *args: Any) -> Callable[[Site], Any]:
    """One of Django's own error views, as it answers when a view raises (a 403, a 500)."""

    def fetch(site: Site) -> HttpResponse:
        request = RequestFactory().get("/articles/")
        request.user = AnonymousUser()
        return view(request, *args)

    return fetch


@dataclass(frozen=True)
class Page:
    name: str
    fetch: Callable[[Site], HttpResponse]
    status: int = 200


PAGES: list[Page] = [
    Page("front", lambda site: site.reader.get("/")),
    Page("archive", lambda site: site.reader.get("/articles/")),
    Page(
        "archive-filtered", lambda site: site.reader.get("/articles/?section=harbour&sort=oldest")
    ),
    Page("archive-searched", lambda site: site.reader.get("/articles/?q=harbour")),
    Page("archive-page-2", lambda site: site.reader.get("/articles/?page=2")),
    Page(
        "archive-bad-filter", lambda site: site.reader.get("/articles/?published_from=2026-13-45")
    ),
    Page("section", lambda site: site.reader.get(site.story.section.get_absolute_url())),
    Page("tag", lambda site: site.reader.get(site.story.tags.first().get_absolute_url())),
    Page("person", lambda site: site.reader.get(f"/people/{site.person_slug}/")),
    Page("author", lambda site: site.reader.get(_author_url(site))),
    Page("story-every-part", lambda site: site.reader.get(site.story.get_absolute_url())),
    Page("story-corrected", lambda site: site.reader.get(site.corrected.get_absolute_url())),
    Page("story-comment-thread", lambda site: site.reader.get(site.discussed.get_absolute_url())),
    Page("story-staff-preview", lambda site: site.editor.get(site.draft.get_absolute_url())),
    Page("story-shared-preview", _shared_preview),
    Page("corrections", lambda site: site.reader.get("/corrections/")),
    Page("story-opinion-with-methods", lambda site: site.reader.get(_opinion_url(site))),
    Page("standards", lambda site: site.reader.get("/about/")),
    Page("policy", lambda site: site.reader.get("/about/ethics/")),
    Page("policy-not-written", lambda site: site.reader.get("/about/masthead/"), status=404),
    Page("comment-form", lambda site: site.reader.get(form_url(site.discussed))),
    Page(
        "comment-reply-form",
        lambda site: site.reader.get(
            f"{form_url(site.discussed)}?parent={site.discussed.comments.first().pk}"
        ),
    ),
    Page(
        "comment-form-with-errors",
        lambda site: site.send_comment(
            site.discussed, name="R" * 81, email="not-an-address", body="x"
        ),
    ),
    Page(
        "comment-form-refused-token",
        lambda site: site.send_comment(site.discussed, issued="tampered"),
        status=400,
    ),
    Page(
        "comment-form-csrf-failure",
        lambda site: site.send_comment(site.discussed, client=Client(enforce_csrf_checks=True)),
        status=403,
    ),
    Page("comments-closed", _closed_story, status=403),
    Page(
        "comment-report",
        lambda site: site.reader.get(f"/comments/{site.discussed.comments.first().pk}/report/"),
    ),
    Page(
        "comment-report-with-errors",
        lambda site: site.reader.post(
            f"/comments/{site.discussed.comments.first().pk}/report/",
            {"reason": "rude", "note": "n" * 501},
        ),
        status=400,
    ),
    Page(
        "comment-reported",
        lambda site: site.reader.get(
            f"/comments/{site.discussed.comments.first().pk}/report/thanks/"
        ),
    ),
    Page(
        "csrf-failure",
        lambda site: Client(enforce_csrf_checks=True).post("/articles/", {"q": "x"}),
        status=403,
    ),
    Page("api-docs", lambda site: site.reader.get("/api/v1/docs/")),
    Page("not-found", lambda site: site.reader.get("/articles/no-such-story/"), status=404),
    Page(
        "not-found-draft", lambda site: site.reader.get(site.draft.get_absolute_url()), status=404
    ),
    Page("bad-request", lambda site: site.reader.get("/", HTTP_HOST="evil.example"), status=400),
    Page("forbidden", _default_view(defaults.permission_denied, PermissionDenied()), status=403),
    Page("server-error", _default_view(defaults.server_error), status=500),
]


def test_every_page_kind_has_a_unique_name():
    names = [page.name for page in PAGES]
    assert len(names) == len(set(names))


def test_every_public_page_kind_is_valid_html(reporter, editor, monkeypatch, tmp_path):
    _checker_or_skip()
    # Two stories a page, so that the newsroom below has a page 2.
    monkeypatch.setattr(StoryListView, "paginate_by", 2)
    monkeypatch.setattr(ArchiveView, "paginate_by", 2)
    site = _build_site(reporter, editor)
    pages = {}
    for page in PAGES:
        response = page.fetch(site)
        assert response.status_code == page.status, f"{page.name}: {response.status_code}"
        assert response["Content-Type"].startswith("text/html"), page.name
        pages[page.name] = response.content

    problems = nu_checker.check(pages, tmp_path / "pages")

    if problems:
        pytest.fail(_report(problems, len(pages)), pytrace=False)


def _report(problems: list[nu_checker.Problem], checked: int) -> str:
    pages = {problem.page for problem in problems}
    listed = "\n".join(f"  {problem}" for problem in problems)
    return (
        f"the Nu HTML checker found {len(problems)} errors on {len(pages)} of {checked} "
        f"pages (the page names are rows of PAGES):\n{listed}"
    )


VALID = """<!DOCTYPE html><html lang="en"><head><title>Fine</title></head>
<body><p><time datetime="2026-11-30T18:59:52+00:00">30 November</time></p></body></html>"""
INVALID = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
<body>
<p><time datetime="2026-11-30T18:59:52.976788+00:00">30 November</time></p>
<ul><p>Not a list item</p></ul>
</body></html>"""


def test_the_checker_names_the_page_line_and_message_of_each_error(tmp_path):
    _checker_or_skip()
    problems = nu_checker.check({"fine": VALID, "broken": INVALID}, tmp_path)
    assert {problem.page for problem in problems} == {"broken"}
    assert [problem.line for problem in problems] == [3, 4]
    assert "fraction of a second" in problems[0].message
    assert "“p” not allowed as child of element “ul”" in problems[1].message
    assert str(problems[0]).startswith("broken, line 3, column ")


def test_the_checker_finds_nothing_wrong_with_valid_pages(tmp_path):
    _checker_or_skip()
    assert nu_checker.check({"one": VALID, "two": VALID.encode()}, tmp_path) == []
