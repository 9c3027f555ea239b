"""Autosave: the story form is kept every few seconds as a draft copy the writer can resume or
discard; keeping it changes nothing readers see, and the rules of saving still hold."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib import admin
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.http import QueryDict
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import autosaves, editing, workflow
from articles.models import (
    Article,
    Autosave,
    Claim,
    KeyTakeaway,
    StoryRender,
    StoryRevision,
)
from edge import contentkeys
from tests.factories import make_article, make_full_story, make_tag, make_user
from tests.html import add_row, form_fields, parse
from tests.page_cache_support import cached, fetch

pytestmark = pytest.mark.django_db


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def keep_url(article: Article | None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def discard_url(article: Article | None) -> str:
    if article is None:
        return reverse("admin:articles_article_autosave_new_discard")
    return reverse("admin:articles_article_autosave_discard", args=[article.pk])


def opened(client: Client, article: Article | None) -> dict:
    """The story form as the browser holds it once opened."""
    url = change_url(article) if article else reverse("admin:articles_article_add")
    return form_fields(client.get(url), "article_form")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def as_lists(form: dict) -> dict[str, list[str]]:
    """Each field of the form with its values in order, as the browser posts them (nothing
    for a multiple select with nothing chosen)."""
    lists = {name: value if isinstance(value, list) else [value] for name, value in form.items()}
    return {name: values for name, values in lists.items() if values}


def post_form(client: Client, url: str, form: QueryDict):
    """Post a form exactly as its pairs say (the test client would keep one value per name)."""
    return client.post(url, form.urlencode(), content_type="application/x-www-form-urlencoded")


def story_form(article: Article | None, **fields: str) -> QueryDict:
    """A form as the service is handed it: `fields`, opened at the story's current version."""
    form = QueryDict(mutable=True)
    if article is not None:
        form["loaded_version"] = str(article.version)
    form.update(fields)
    return form


@pytest.fixture
def draft(reporter):
    article = make_article(reporter, headline="Ferry timetable to change")
    article.tags.add(make_tag("Ferries"), make_tag("Transport"))
    return article


def typed(form: dict) -> dict:
    """The form after some typing: a new headline, a third tag, a second takeaway."""
    form = dict(form)
    form["headline"] = "Ferry timetable to change in spring"
    form["context"] = "Fares rise 5% + fuel & berthing = 🧪 ‘more’.\r\nSecond paragraph."
    form["tags"] = [*form["tags"], str(make_tag("Harbour").pk)]
    add_row(form, "takeaways", text="Winter sailings stop at six.")
    return form


# -- keeping and resuming -------------------------------------------------------------------------


def test_a_kept_draft_comes_back_exactly_with_every_tag_and_part_row(
    reporter_client, reporter, draft
):
    form = typed(opened(reporter_client, draft))
    response = reporter_client.post(keep_url(draft), form)

    assert response.status_code == 200
    answer = response.json()
    kept = autosaves.latest(reporter, draft)
    assert answer["message"].startswith("Draft copy kept at ")
    assert datetime.fromisoformat(answer["saved_at"]) == kept.saved_at
    assert kept.base_version == draft.version
    resumed = autosaves.as_querydict(kept)
    del form["csrfmiddlewaretoken"]  # the session's, not the draft's
    assert dict(resumed.lists()) == as_lists(form)
    assert len(resumed.getlist("tags")) == 3
    assert resumed["takeaways-1-text"] == "Winter sailings stop at six."
    with pytest.raises(AttributeError, match="immutable"):
        resumed["headline"] = "Changed after resuming"


def test_a_resumed_draft_saves_like_the_form_it_was_and_is_spent(reporter_client, reporter, draft):
    reporter_client.post(keep_url(draft), typed(opened(reporter_client, draft)))
    resumed = autosaves.as_querydict(autosaves.latest(reporter, draft))

    response = post_form(reporter_client, change_url(draft), resumed)

    assert response.status_code == 302, parse(response).select(".errorlist")
    draft.refresh_from_db()
    assert draft.headline == "Ferry timetable to change in spring"
    assert "5% + fuel & berthing = 🧪 ‘more’." in draft.context
    assert draft.tags.count() == 3
    assert list(draft.takeaways.values_list("text", flat=True)) == [
        "Takeaway 1",
        "Winter sailings stop at six.",
    ]
    assert not Autosave.objects.exists()


def test_a_second_autosave_replaces_the_first(reporter_client, reporter, draft):
    form = opened(reporter_client, draft)
    reporter_client.post(keep_url(draft), {**form, "headline": "First try"})
    reporter_client.post(keep_url(draft), {**form, "headline": "Second try"})

    assert Autosave.objects.filter(user=reporter).count() == 1
    assert autosaves.as_querydict(autosaves.latest(reporter, draft))["headline"] == "Second try"


def test_each_person_keeps_their_own_copy_of_a_story(reporter_client, editor, reporter, draft):
    form = opened(reporter_client, draft)
    reporter_client.post(keep_url(draft), {**form, "headline": "Rosa's headline"})
    client_for(editor).post(keep_url(draft), {**form, "headline": "Marek's headline"})

    assert autosaves.as_querydict(autosaves.latest(reporter, draft))["headline"] == (
        "Rosa's headline"
    )
    assert autosaves.as_querydict(autosaves.latest(editor, draft))["headline"] == (
        "Marek's headline"
    )


def test_a_new_story_is_kept_before_it_exists_and_spent_when_it_is_created(
    reporter_client, reporter, editor
):
    form = opened(reporter_client, None)
    form.update(headline="Lighthouse to reopen", standfirst="The keepers return.")

    response = reporter_client.post(keep_url(None), form)

    assert response.status_code == 200
    kept = autosaves.latest(reporter, None)
    assert kept.article is None and kept.base_version is None
    assert autosaves.as_querydict(kept)["headline"] == "Lighthouse to reopen"
    assert autosaves.latest(editor, None) is None
    response = post_form(
        reporter_client, reverse("admin:articles_article_add"), autosaves.as_querydict(kept)
    )
    assert response.status_code == 302, parse(response).select(".errorlist")
    assert Article.objects.get(headline="Lighthouse to reopen").created_by == reporter
    assert not Autosave.objects.exists()


def test_saving_the_story_spends_the_copy_of_whoever_saved_it_only(reporter, editor, draft):
    autosaves.keep(reporter, draft, story_form(draft, headline="Kept"))
    autosaves.keep(editor, draft, story_form(draft, headline="Kept"))
    autosaves.keep(reporter, None, story_form(None, headline="A new story"))

    editing.save(draft, reporter, expected_version=draft.version)
    autosaves.saved(reporter, draft, created=False)

    assert set(Autosave.objects.values_list("user", "article")) == {
        (editor.pk, draft.pk),
        (reporter.pk, None),
    }


def test_creating_a_story_spends_the_copy_of_the_new_storys_form(reporter, draft):
    autosaves.keep(reporter, None, story_form(None, headline="A new story"))
    autosaves.keep(reporter, draft, story_form(draft, headline="Kept"))

    story = editing.create(reporter, headline="A new story")
    autosaves.saved(reporter, story, created=True)

    assert list(Autosave.objects.values_list("article", flat=True)) == [draft.pk]


def test_the_change_form_is_offered_the_copy_to_resume_or_discard(reporter, draft):
    kept = autosaves.keep(reporter, draft, story_form(draft, headline="Kept"))
    request = RequestFactory().get(change_url(draft), {"autosave": "resume"})
    request.user = reporter

    context = admin.site.get_model_admin(Article).autosave_context(request, draft)

    assert context["autosave_url"] == keep_url(draft)
    assert context["autosave_discard_url"] == discard_url(draft)
    assert context["autosave"] == {
        "saved_at": kept.saved_at,
        "resume_url": change_url(draft) + "?autosave=resume",
        "discard_url": discard_url(draft),
        "story_changed": False,
    }
    assert admin.site.get_model_admin(Article).resumed_form(request, draft)["headline"] == "Kept"


def test_nothing_is_offered_to_someone_who_may_not_change_the_story(reporter, draft):
    autosaves.keep(reporter, draft, story_form(draft, headline="Kept"))

    workflow.submit(draft, reporter)
    request = RequestFactory().get(change_url(draft))
    request.user = reporter

    assert autosaves.latest(reporter, draft) is None
    assert admin.site.get_model_admin(Article).autosave_context(request, draft) == {}


# -- which copy is offered, and conflicts ----------------------------------------------------------


def test_a_copy_older_than_your_own_save_is_not_offered(reporter, draft):
    with time_machine.travel(timezone.now() - timedelta(minutes=5)):
        autosaves.keep(reporter, draft, story_form(draft, headline="Kept"))

    editing.save(draft, reporter, expected_version=draft.version)  # not through the editor

    assert Autosave.objects.exists()
    assert autosaves.latest(reporter, draft) is None


def test_a_copy_older_than_someone_elses_save_is_offered_and_its_save_names_them(
    reporter_client, reporter, editor, draft
):
    form = typed(opened(reporter_client, draft))
    with time_machine.travel(timezone.now() - timedelta(minutes=5)):
        assert reporter_client.post(keep_url(draft), form).status_code == 200
    draft.standfirst = "Marek's standfirst."
    editing.save(draft, editor, expected_version=draft.version)

    kept = autosaves.latest(reporter, draft)
    assert kept is not None
    request = RequestFactory().get(change_url(draft))
    request.user = reporter
    assert (
        admin.site.get_model_admin(Article).autosave_banner(request, draft)["story_changed"] is True
    )
    response = post_form(reporter_client, change_url(draft), autosaves.as_querydict(kept))

    assert response.status_code == 200
    assert "Marek saved this story at" in parse(response).text
    draft.refresh_from_db()
    assert draft.headline == "Ferry timetable to change"


def test_an_autosave_after_someone_elses_save_is_still_kept(
    reporter_client, reporter, editor, draft
):
    form = typed(opened(reporter_client, draft))
    editing.save(draft, editor, expected_version=draft.version)

    assert reporter_client.post(keep_url(draft), form).status_code == 200
    assert autosaves.latest(reporter, draft).base_version == draft.version - 1


def test_a_copy_sent_after_your_own_save_is_refused_as_out_of_date(reporter_client, draft):
    """The page left by a save sends what it held: that is already saved, not a draft."""
    form = opened(reporter_client, draft)
    assert reporter_client.post(change_url(draft), form).status_code == 302

    response = reporter_client.post(keep_url(draft), form)

    assert response.status_code == 409
    assert "out of date" in response.json()["message"]
    assert not Autosave.objects.exists()


# -- discarding ------------------------------------------------------------------------------------


def test_discarding_drops_only_your_own_copy(reporter_client, reporter, editor, draft):
    form = opened(reporter_client, draft)
    reporter_client.post(keep_url(draft), form)
    client_for(editor).post(keep_url(draft), form)

    response = reporter_client.post(discard_url(draft))

    assert response.status_code == 200
    assert response.json()["message"] == "Draft copy discarded."
    assert autosaves.latest(reporter, draft) is None
    assert autosaves.latest(editor, draft) is not None


def test_discarding_from_a_plain_form_returns_to_the_story(reporter_client, reporter, draft):
    reporter_client.post(keep_url(draft), opened(reporter_client, draft))

    response = reporter_client.post(discard_url(draft), HTTP_ACCEPT="text/html,*/*;q=0.8")

    assert response.status_code == 303
    assert response["Location"] == change_url(draft)
    assert not Autosave.objects.exists()


def test_discarding_a_new_storys_copy(reporter_client, reporter):
    form = {**opened(reporter_client, None), "headline": "Lighthouse to reopen"}
    reporter_client.post(keep_url(None), form)

    assert reporter_client.post(discard_url(None)).status_code == 200
    assert autosaves.latest(reporter, None) is None


# -- who may do what -------------------------------------------------------------------------------


def test_another_reporter_can_neither_keep_discard_nor_read_a_copy_of_your_story(
    reporter_client, reporter, other_reporter, draft
):
    form = opened(reporter_client, draft)
    reporter_client.post(keep_url(draft), form)
    theirs = client_for(other_reporter)

    assert theirs.post(keep_url(draft), {**form, "headline": "Hijacked"}).status_code == 404
    assert theirs.post(discard_url(draft)).status_code == 404
    assert autosaves.latest(other_reporter, draft) is None
    with pytest.raises(PermissionDenied):
        autosaves.keep(other_reporter, draft, story_form(draft, headline="Hijacked"))
    assert Autosave.objects.get().user == reporter
    assert autosaves.as_querydict(Autosave.objects.get())["headline"] == draft.headline


def test_a_writer_cannot_keep_a_copy_of_their_story_in_review(reporter_client, reporter, draft):
    form = opened(reporter_client, draft)
    workflow.submit(draft, reporter)
    response = reporter_client.post(keep_url(draft), form)

    assert response.status_code == 403
    assert "only editors change it" in response.json()["message"]
    assert not Autosave.objects.exists()


def test_staff_who_write_no_stories_keep_nothing(draft):
    clerk = client_for(make_user("clerk", is_staff=True))

    response = clerk.post(keep_url(None), {"headline": "Not mine to write"})

    assert response.status_code == 403
    assert response.json()["message"]
    assert clerk.post(keep_url(draft), {"headline": "x"}).status_code == 404
    assert not Autosave.objects.exists()


@pytest.mark.parametrize("url", ["keep", "discard", "keep-new", "discard-new"])
def test_a_reader_who_is_not_signed_in_gets_the_login_page(draft, url):
    address = {
        "keep": keep_url(draft),
        "discard": discard_url(draft),
        "keep-new": keep_url(None),
        "discard-new": discard_url(None),
    }[url]

    for response in (Client().post(address, {"headline": "x"}), Client().get(address)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    assert not Autosave.objects.exists()


@pytest.mark.parametrize("url", ["keep", "discard", "keep-new", "discard-new"])
def test_only_a_post_is_answered(reporter_client, draft, url):
    address = {
        "keep": keep_url(draft),
        "discard": discard_url(draft),
        "keep-new": keep_url(None),
        "discard-new": discard_url(None),
    }[url]

    assert reporter_client.get(address).status_code == 405
    assert reporter_client.put(address).status_code == 405


def test_a_post_without_the_csrf_token_is_refused(reporter, draft):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reporter)

    response = client.post(keep_url(draft), {"headline": "Forged", "loaded_version": "1"})

    assert response.status_code == 403
    assert not Autosave.objects.exists()


@pytest.mark.parametrize(
    "object_id", ["999999", "abc", "99999999999999999999999", "-1", "1.5", "%C3%A9", "1%2F2"]
)
def test_an_unknown_or_malformed_story_is_a_404(reporter_client, object_id):
    for view in ("autosave", "autosave_discard"):
        url = reverse(f"admin:articles_article_{view}", args=["X"]).replace("/X/", f"/{object_id}/")
        response = reporter_client.post(url, {"headline": "x"})
        assert response.status_code == 404, url
    assert not Autosave.objects.exists()


# -- bad input -------------------------------------------------------------------------------------


def test_a_draft_too_large_is_refused_with_a_message_and_the_last_copy_kept(
    reporter_client, reporter, draft
):
    form = opened(reporter_client, draft)
    reporter_client.post(keep_url(draft), form)

    response = reporter_client.post(keep_url(draft), {**form, "context": "x" * 600_000})

    assert response.status_code == 400
    assert "too large to keep automatically" in response.json()["message"]
    assert autosaves.as_querydict(autosaves.latest(reporter, draft))["context"] == ""


@pytest.mark.parametrize(
    "body",
    [
        {"headline": "Nul\x00byte", "loaded_version": "1"},
        {"head\x00line": "x"},
        {},
    ],
    ids=["null-in-value", "null-in-name", "empty"],
)
def test_a_form_that_cannot_be_kept_is_a_400_with_a_message(reporter_client, draft, body):
    response = reporter_client.post(keep_url(draft), body)

    assert response.status_code == 400
    assert response.json()["message"]
    assert not Autosave.objects.exists()


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("multipart/form-data", b"headline=x"),
        ("application/x-www-form-urlencoded", b"headline=%C3%28&loaded_version=%FF"),
        ("application/json", b'{"headline": "x"}'),
        ("text/plain", b"\xff\xfe"),
    ],
    ids=["multipart-without-boundary", "bad-utf8", "json", "text"],
)
def test_a_body_no_browser_form_sends_is_refused_without_a_500(
    reporter_client, draft, content_type, body
):
    response = reporter_client.post(keep_url(draft), body, content_type=content_type)

    assert response.status_code < 500


def test_a_post_larger_than_django_reads_is_a_400(reporter_client, draft, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = reporter_client.post(keep_url(draft), {"context": "x" * 2000})

    assert response.status_code == 400


# -- readers ---------------------------------------------------------------------------------------


def story_rows(article: Article) -> dict:
    """Everything of the story in the database that pages are made from, and its history."""
    return {
        "story": Article.objects.filter(pk=article.pk).values().get(),
        "takeaways": list(KeyTakeaway.objects.filter(article=article).values()),
        "claims": list(Claim.objects.filter(article=article).values()),
        "tags": sorted(article.tags.values_list("pk", flat=True)),
        "revisions": StoryRevision.objects.filter(article=article).count(),
        "render": list(StoryRender.objects.filter(article=article).values("token")),
    }


@pytest.mark.usefixtures("page_cache")
def test_an_autosave_of_a_live_story_bumps_no_cache_and_changes_no_story_row(
    client, editor, second_editor, reporter, committed
):
    story = make_full_story(reporter, second_editor, headline="Harbour wall repairs approved")
    editor_client = client_for(editor)
    url = story.get_absolute_url()
    page = cached(client, url)
    for listing in ("/", "/articles/", "/api/v1/stories/"):
        cached(client, listing)
    before = story_rows(story)
    form = opened(editor_client, story)
    form.update(headline="Zephyrine headline", change="correction", correction="Zephyrine.")

    with contentkeys.recorded() as purged, committed():
        response = editor_client.post(keep_url(story), form)

    assert response.status_code == 200
    assert purged == []
    again, queries = fetch(client, url)
    assert queries == 0 and again.content == page.content
    for listing in ("/", "/articles/", "/api/v1/stories/"):
        assert fetch(client, listing)[1] == 0, listing
    assert story_rows(story) == before
    cache.clear()
    assert "Zephyrine" not in client.get(url).content.decode()


def test_an_autosave_changes_no_draft_row_either(reporter_client, draft):
    before = story_rows(draft)

    reporter_client.post(keep_url(draft), typed(opened(reporter_client, draft)))

    assert story_rows(draft) == before


# -- cost and housekeeping -------------------------------------------------------------------------


def test_keeping_takes_the_same_queries_whatever_the_form_holds(
    reporter, draft, django_assert_num_queries
):
    def form(rows: int) -> QueryDict:
        data = story_form(draft, headline="Kept")
        for i in range(rows):
            data.update({f"takeaways-{i}-text": f"Takeaway {i}", "tags": str(i)})
        return data

    autosaves.keep(reporter, draft, form(1))  # the copy exists: every later keep replaces it
    with CaptureQueriesContext(connection) as small:
        autosaves.keep(reporter, Article.objects.get(pk=draft.pk), form(1))
    with django_assert_num_queries(len(small)):
        autosaves.keep(reporter, Article.objects.get(pk=draft.pk), form(200))
    assert len(small) <= 6, [query["sql"] for query in small]


def test_copies_older_than_the_setting_are_not_offered_and_are_removed(
    reporter, editor, draft, settings
):
    settings.NEWSROOM_AUTOSAVE_DAYS = 14
    form = story_form(draft, headline="Kept")
    with time_machine.travel(timezone.now() - timedelta(days=15)):
        autosaves.keep(reporter, None, form)
        autosaves.keep(editor, draft, form)
    autosaves.keep(reporter, draft, form)  # recent

    assert autosaves.latest(reporter, None) is None
    autosaves.keep(editor, None, form)  # a new copy prunes the old ones

    assert set(Autosave.objects.values_list("user", "article")) == {
        (reporter.pk, draft.pk),
        (editor.pk, None),
    }


def test_with_the_setting_at_zero_copies_are_kept_until_used(reporter, editor, draft, settings):
    settings.NEWSROOM_AUTOSAVE_DAYS = 0
    form = QueryDict("headline=Kept")
    with time_machine.travel(timezone.now() - timedelta(days=400)):
        autosaves.keep(reporter, None, form)
    autosaves.keep(editor, None, form)

    assert autosaves.latest(reporter, None) is not None


@pytest.mark.parametrize("story", [True, False], ids=["story", "new-story"])
def test_the_database_holds_one_copy_per_person_and_story(reporter, draft, story):
    article = draft if story else None
    Autosave.objects.create(user=reporter, article=article, posted=[["headline", "One"]])

    with pytest.raises(IntegrityError), transaction.atomic():
        Autosave.objects.create(user=reporter, article=article, posted=[["headline", "Two"]])


def test_deleting_a_story_deletes_its_copies(reporter, draft):
    autosaves.keep(reporter, draft, story_form(draft, headline="Kept"))

    draft.delete()

    assert not Autosave.objects.exists()


def test_the_resumed_editor_posts_back_the_kept_copy_whole(reporter_client, reporter, draft):
    """What the resumed page shows is what its Save posts: every row and its formset's counts."""
    kept = opened(reporter_client, draft)
    kept["headline"] = "Ferry timetable to change in spring"
    kept["takeaways-0-text"] = "Winter sailings stop at six."
    reporter_client.post(keep_url(draft), kept)

    shown = form_fields(reporter_client.get(change_url(draft) + "?autosave=resume"), "article_form")

    del kept["csrfmiddlewaretoken"], shown["csrfmiddlewaretoken"]
    in_any_order = {name: sorted(values) for name, values in as_lists(shown).items()}
    assert in_any_order == {name: sorted(values) for name, values in as_lists(kept).items()}
