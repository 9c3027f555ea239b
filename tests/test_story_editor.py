"""The story editor, server side: the page and its parts, the live preview and checklist, and
the sources and people created in place. (Its browser behaviour is in tests/browser.)"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin.form_text import check_text
from articles.models import Article, Claim, KeyTakeaway
from edge import contentkeys
from sources.models import Person, Source
from tests.admin_form_data import admin_form_data
from tests.factories import add_parts, make_article, make_person, make_reporter, make_user
from tests.html import add_row, form_fields, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def live_url(article=None):
    if article is None:
        return reverse("admin:articles_article_live_new")
    return reverse("admin:articles_article_live", args=[article.pk])


def editor_data(client, article):
    return form_fields(client.get(change_url(article)), "article_form")


# -- the page ----------------------------------------------------------------------------------


def test_the_editor_shows_the_story_in_reading_order(reporter, reporter_client):
    article = make_article(reporter)
    page = parse(reporter_client.get(change_url(article)))
    sections = [s["id"] for s in page.select(".editor-main section.editor-section")]
    assert sections == [
        "headline",
        "takeaways",
        "verified",
        "context",
        "quotes",
        "unconfirmed",
        "bottom-line",
        "methods",
        "sources",
    ]
    side = page.select_one(".editor-side")
    for name in ("work_type", "section", "tags", "dateline", "lead_image", "comments_enabled"):
        assert side.select_one(f"[name={name}]") is not None, name


def test_claims_sit_under_the_section_of_their_status(reporter, reporter_client):
    article = make_article(reporter, verified_claims=1)
    Claim.objects.create(article=article, text="Said to be delayed", status="unconfirmed")
    Claim.objects.create(article=article, text="Denied by the board", status="disputed")
    page = parse(reporter_client.get(change_url(article)))
    verified = page.select_one('#verified [data-part-list][data-status="verified"]')
    unconfirmed = page.select_one('#unconfirmed [data-part-list][data-status="unconfirmed"]')
    assert [t.text.strip() for t in verified.select("textarea[name$=-text]")] == [
        "Verified claim 1"
    ]
    assert [t.text.strip() for t in unconfirmed.select("textarea[name$=-text]")] == [
        "Said to be delayed",
        "Denied by the board",
    ]


def test_the_editor_opens_no_pop_up_windows_and_has_no_blank_rows(reporter, reporter_client):
    article = make_article(reporter)
    page = parse(reporter_client.get(change_url(article)))
    assert not page.select(".related-widget-wrapper-link")  # the admin's "+", pencil and eye
    assert page.select_one("[name=takeaways-TOTAL_FORMS]")["value"] == "1"  # no spare row


def test_positions_are_never_typed(reporter, reporter_client):
    article = make_article(reporter)
    page = parse(reporter_client.get(change_url(article)))
    positions = page.select("input[name$=-position]")
    assert positions and all(field["type"] == "hidden" for field in positions)


def test_the_editor_page_costs_the_same_queries_however_many_parts(reporter, reporter_client):
    def queries(parts: int) -> int:
        article = make_article(reporter)
        add_parts(article, parts)
        with CaptureQueriesContext(connection) as captured:
            assert reporter_client.get(change_url(article)).status_code == 200
        return len(captured)

    queries(1)  # the first page warms per-process caches (content types, permissions)
    assert queries(2) == queries(8)


def test_a_new_row_left_empty_is_ignored_not_refused(reporter, reporter_client):
    article = make_article(reporter)
    data = editor_data(reporter_client, article)
    add_row(data, "takeaways", position="2")  # added, numbered by the page, never typed in
    add_row(data, "claims", position="3", status="verified")
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 302, parse(response).select(".errorlist")
    assert article.takeaways.count() == 1 and article.claims.count() == 1


def test_reordering_saves_the_order_the_page_gives(reporter, reporter_client):
    article = make_article(reporter, takeaways=3)
    data = editor_data(reporter_client, article)
    first, second, third = (data[f"takeaways-{i}-text"] for i in range(3))
    data["takeaways-0-position"], data["takeaways-2-position"] = "3", "1"
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 302
    assert [t.text for t in article.takeaways.all()] == [third, second, first]


def test_a_claim_moved_to_unconfirmed_keeps_its_row_and_changes_status(reporter, reporter_client):
    article = make_article(reporter, verified_claims=1)
    claim = article.claims.get()
    data = editor_data(reporter_client, article)
    data["claims-0-status"] = "unconfirmed"
    assert reporter_client.post(change_url(article), data).status_code == 302
    claim.refresh_from_db()
    assert claim.status == Claim.Status.UNCONFIRMED


def test_a_headline_typed_over_lines_is_saved_as_one_line(reporter, reporter_client):
    article = make_article(reporter)
    data = editor_data(reporter_client, article)
    data["headline"] = "Harbour wall\r\nrepairs   approved"
    assert reporter_client.post(change_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).headline == "Harbour wall repairs approved"


# -- the live preview and checklist ---------------------------------------------------------------


def test_the_live_preview_renders_the_unsaved_story_and_keeps_nothing(
    reporter, reporter_client, django_capture_on_commit_callbacks
):
    article = make_article(reporter, headline="Ferry fares frozen")
    data = editor_data(reporter_client, article)
    data["headline"] = "Ferry fares frozen until spring"
    add_row(data, "takeaways", text="A takeaway nobody saved", position="9")
    before = (Article.objects.get(pk=article.pk).version, KeyTakeaway.objects.count())
    with contentkeys.recorded() as purged:
        with django_capture_on_commit_callbacks(execute=True) as after_commit:
            response = reporter_client.post(live_url(article), data)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    body = response.json()
    page = parse_html(body["html"])
    assert page.select_one("h1").text.strip() == "Ferry fares frozen until spring"
    assert "A takeaway nobody saved" in body["html"]
    assert (Article.objects.get(pk=article.pk).version, KeyTakeaway.objects.count()) == before
    assert after_commit == []  # no cache refresh waits for a commit: there is none
    assert purged == []


def test_the_live_preview_numbers_citations_as_the_public_page(reporter, reporter_client):
    article = make_article(reporter, verified_claims=2)
    data = editor_data(reporter_client, article)
    body = reporter_client.post(live_url(article), data).json()
    listed = list(article.source_entries.order_by("position").values_list("source_id", flat=True))
    assert body["citations"] == {str(pk): n for n, pk in enumerate(listed, start=1)}


def test_the_checklist_runs_the_workflows_rules_on_the_unsaved_story(reporter, reporter_client):
    article = make_article(reporter)
    data = editor_data(reporter_client, article)
    data["standfirst"] = ""
    checks = {c["label"]: c for c in reporter_client.post(live_url(article), data).json()["checks"]}
    assert checks["A standfirst"]["ok"] is False
    assert checks["A standfirst"]["part"] == "standfirst"
    assert checks["A standfirst"]["problems"] == ["The story needs a standfirst."]
    assert checks["A headline"]["ok"] is True
    assert Article.objects.get(pk=article.pk).standfirst  # nothing was saved


def test_a_new_story_is_previewed_once_it_has_a_headline(reporter, reporter_client):
    data = form_fields(reporter_client.get(reverse("admin:articles_article_add")), "article_form")
    assert reporter_client.post(live_url(), data).json()["html"] == ""
    data["headline"] = "Pier reopens"
    body = reporter_client.post(live_url(), data).json()
    assert "Pier reopens" in body["html"]
    assert not Article.objects.exists()


def test_the_live_preview_refuses_people_who_may_not_edit_the_story(
    reporter, reporter_client, client
):
    theirs = make_article(make_reporter("other"))
    in_review = make_article(reporter, status="review")
    assert reporter_client.post(live_url(theirs), {}).status_code == 404
    assert reporter_client.post(live_url(in_review), {}).status_code == 403
    assert reporter_client.get(live_url(in_review)).status_code == 405
    assert client.post(live_url(in_review), {}).status_code == 302  # to the sign-in page


def test_the_live_preview_never_fails_on_a_broken_form(reporter, reporter_client):
    article = make_article(reporter)
    data = {"headline": "x" * 5000, "claims-TOTAL_FORMS": "nonsense", "quotes-0-speaker": "99"}
    response = reporter_client.post(live_url(article), data)
    assert response.status_code == 200


# -- the library, in place ------------------------------------------------------------------------


def test_a_source_is_created_in_place_and_named_back(reporter_client):
    response = reporter_client.post(
        reverse("admin:articles_article_new_source"),
        {"title": "Harbour survey", "publisher": "Port authority", "url": "", "kind": "report"},
    )
    assert response.status_code == 201
    source = Source.objects.get(title="Harbour survey")
    assert response.json() == {"id": source.pk, "text": str(source)}
    assert source.kind == "report"


def test_a_source_without_a_title_is_refused_with_a_message(reporter_client):
    response = reporter_client.post(
        reverse("admin:articles_article_new_source"), {"title": "", "kind": "report"}
    )
    assert response.status_code == 400
    assert "title" in response.json()["errors"]
    assert not Source.objects.exists()


def test_a_person_is_created_in_place_with_a_unique_address(reporter_client):
    make_person("Ada Quayle", slug="ada-quayle")
    response = reporter_client.post(
        reverse("admin:articles_article_new_person"),
        {"name": "Ada Quayle", "role": "Harbour master", "organization": ""},
    )
    assert response.status_code == 201
    person = Person.objects.get(pk=response.json()["id"])
    assert person.slug == "ada-quayle-2" and response.json()["role"] == "Harbour master"


def test_a_speakers_current_role_is_given_for_the_quote(reporter_client):
    person = make_person("Ada Quayle", role="Harbour master")
    url = reverse("admin:articles_article_person", args=[person.pk])
    assert reporter_client.get(url).json()["role"] == "Harbour master"
    assert reporter_client.post(url).status_code == 405


def test_only_people_who_may_add_to_the_library_create_in_place(client):
    outsider = make_user("visitor", is_staff=True)
    client.force_login(outsider)
    response = client.post(reverse("admin:articles_article_new_source"), {"title": "A"})
    assert response.status_code == 403
    assert not Source.objects.exists()


def parse_html(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


# -- text mode, through the story form ------------------------------------------------------------


def posted(data) -> dict:
    return dict(data.lists())


def in_text_mode(client, article, edit) -> dict:
    """The editor's form as posted from text mode, with the story's text edited by `edit`."""
    data = admin_form_data(client, article)
    text = client.post(reverse("admin:articles_article_text_from_form"), posted(data)).json()
    data = posted(data)
    data.update({"_editor_mode": "text", "story_text": edit(text["text"])})
    return data


def test_saving_in_text_mode_saves_the_text(reporter, reporter_client):
    article = make_article(reporter, headline="Tide gauge fails")
    data = in_text_mode(
        reporter_client, article, lambda text: text.replace("Tide gauge fails", "Tide gauge fixed")
    )
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 302, parse(response).select(".errorlist")
    assert Article.objects.get(pk=article.pk).headline == "Tide gauge fixed"


def test_switching_back_to_the_form_shows_the_text_unsaved(reporter, reporter_client):
    article = make_article(reporter, headline="Tide gauge fails")
    data = in_text_mode(
        reporter_client, article, lambda text: text.replace("Tide gauge fails", "Tide gauge fixed")
    )
    data["_editor_switch"] = "form"
    page = parse(reporter_client.post(change_url(article), data))
    assert page.select_one("textarea[name=headline]").text.strip() == "Tide gauge fixed"
    assert page.select_one("textarea[name=story_text]").has_attr("disabled")  # in form mode
    assert Article.objects.get(pk=article.pk).headline == "Tide gauge fails"


def test_a_text_with_problems_stays_in_text_mode_as_typed(reporter, reporter_client):
    article = make_article(reporter, headline="Tide gauge fails")
    data = in_text_mode(reporter_client, article, lambda text: text + "\nSources\n\n• \n")
    broken = data["story_text"]
    assert check_text(broken), "the edit should make the text unreadable"
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 200
    box = parse(response).select_one("textarea[name=story_text]")
    assert not box.has_attr("disabled") and box.text.strip() == broken.strip()
    assert Article.objects.get(pk=article.pk).version == article.version


def test_a_story_bylined_to_someone_who_left_still_saves(reporter, reporter_client):
    article = make_article(reporter)
    former = make_user("left", is_active=False)
    article.bylines.create(author=former)
    data = editor_data(reporter_client, article)
    assert data["bylines-1-author"] == str(former.pk)
    response = reporter_client.post(change_url(article), data)
    assert response.status_code == 302, parse(response).select(".errorlist")


def test_the_preview_of_a_live_story_says_readers_see_the_saved_version(
    editor, editor_client, reporter
):
    article = make_article(reporter, status="published", editor=editor)
    body = editor_client.post(live_url(article), editor_data(editor_client, article)).json()
    assert "Readers see the published version" in body["html"]
