"""Every save keeps the whole story; editors compare any two revisions and restore one."""

import pytest
from django.test import Client
from django.urls import reverse

from articles import comparison, revisions, workflow
from articles.models import Article, Claim, Quote, StoryRevision
from tests.factories import make_article, make_person, make_source
from tests.html import add_row, form_fields, parse

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def compare_url(article, old, new):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    return f"{url}?from={old.pk}&to={new.pk}"


def restore_url(article, revision):
    return reverse("admin:articles_article_restore", args=[article.pk, revision.pk])


def save(client, article, new_takeaway="", **changes):
    data = form_fields(client.get(change_url(article)), "article_form")
    data.update(changes)
    if new_takeaway:
        add_row(data, "takeaways", text=new_takeaway)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, parse(response).select(".errorlist")
    return StoryRevision.objects.filter(article=article).first()


def diff_rows(response):
    """(part, state, field, before, after) for every row of every part table."""
    rows = []
    for table in parse(response).select("table.diff-part"):
        part = table.caption.text
        for body in table.select("tbody"):
            state = body["class"][0].removeprefix("diff-")
            for tr in body.select("tr"):
                cells = [td.text for td in tr.select("td")]
                rows.append((part, state, *cells))
    return rows


def test_every_admin_save_keeps_one_revision_with_user_and_comment(reporter, reporter_client):
    article = make_article(reporter, headline="Library opens late")
    revision = save(reporter_client, article, headline="Library opens later")
    assert StoryRevision.objects.filter(article=article).count() == 1
    assert revision.version == Article.objects.get(pk=article.pk).version
    assert revision.revision.user == reporter
    assert "Changed Headline" in revisions.change_message(revision)
    page = parse(reporter_client.get(history_url(article)))
    cells = [td.text for td in page.select("#revision-list tbody tr td")]
    assert "Rosa" in cells and "Edited" in cells


def test_workflow_transitions_keep_a_revision_each(reporter, editor):
    article = make_article(reporter, status="published", editor=editor)
    actions = list(StoryRevision.objects.filter(article=article).values_list("action", flat=True))
    assert actions == ["publish", "submit"]


def test_a_revision_holds_every_part_of_the_story(reporter, reporter_client):
    article = make_article(reporter)
    speaker = make_person("Ines Mori")
    Quote.objects.create(article=article, speaker=speaker, text="We will reopen.", is_pull=True)
    revision = save(reporter_client, article)
    models = {version._model.__name__ for version in revision.revision.version_set.all()}
    assert models == {
        "Article",
        "Byline",
        "KeyTakeaway",
        "Claim",
        "StorySource",
        "Quote",
    }


def test_compare_shows_story_fields_and_inline_changes(reporter, reporter_client):
    article = make_article(reporter, headline="Bridge closes", takeaways=2)
    old_source = article.claims.get().sources.get()
    new_source = make_source("Highways report")
    before = save(reporter_client, article)
    after = save(
        reporter_client,
        article,
        new_takeaway="A brand new takeaway",
        **{
            "headline": "Bridge closes for a month",
            "takeaways-0-text": "Takeaway 1, now sharper",
            "takeaways-1-DELETE": "on",
            "claims-0-sources": [str(new_source.pk)],
        },
    )
    response = reporter_client.get(compare_url(article, before, after))
    assert response.status_code == 200
    story = [[td.text for td in tr.select("td")] for tr in parse(response).select("#diff-story tr")]
    assert ["Bridge closes", "Bridge closes for a month"] in story
    rows = diff_rows(response)
    assert ("Key takeaways", "changed", "Takeaway", "Takeaway 1", "Takeaway 1, now sharper") in rows
    assert ("Key takeaways", "removed", "Takeaway", "Takeaway 2", "—") in rows
    assert ("Key takeaways", "added", "Takeaway", "—", "A brand new takeaway") in rows
    assert ("Claims", "changed", "Cited sources", str(old_source), str(new_source)) in rows


def test_restore_brings_back_text_and_parts_as_a_new_revision(reporter, reporter_client):
    article = make_article(reporter, headline="Market moves", standfirst="*Old* standfirst.")
    Claim.objects.create(article=article, text="An unconfirmed report", status="unconfirmed")
    good = save(reporter_client, article)
    save(
        reporter_client,
        article,
        headline="Market moves (bad edit)",
        standfirst="Broken standfirst.",
        **{"takeaways-0-DELETE": "on", "claims-1-DELETE": "on"},
    )
    version = Article.objects.get(pk=article.pk).version
    response = reporter_client.post(restore_url(article, good), {"version": version})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Market moves"
    assert article.standfirst_html == "<p><em>Old</em> standfirst.</p>"
    assert list(article.takeaways.values_list("text", flat=True)) == ["Takeaway 1"]
    assert article.claims.count() == 2
    assert article.claims.get(status="verified").sources.count() == 1
    assert "Takeaway 1" in article.search_document
    latest = StoryRevision.objects.filter(article=article).first()
    assert (latest.action, latest.version) == ("restore", article.version)
    assert StoryRevision.objects.filter(article=article).count() == 3  # nothing rewritten
    assert comparison.compare(good, latest).is_empty


def test_restore_never_changes_status_or_publication_time(
    reporter, editor, second_editor, editor_client
):
    article = make_article(reporter, status="review")
    draft_time = StoryRevision.objects.get(article=article, action="submit")
    workflow.publish(article, second_editor)
    article.refresh_from_db()
    published_at = article.published_at
    editor_client.post(
        restore_url(article, draft_time),
        {"version": article.version, "change": "update"},
    )
    article.refresh_from_db()
    assert (article.status, article.published_at) == ("published", published_at)
    assert StoryRevision.objects.filter(article=article).first().action == "restore"


def test_restoring_a_live_story_asks_correction_or_update(reporter, editor, editor_client):
    article = make_article(reporter, status="published", editor=editor)
    revision = StoryRevision.objects.filter(article=article).last()
    response = editor_client.post(restore_url(article, revision), {"version": article.version})
    assert response.status_code == 200
    assert "correction or a minor update" in response.content.decode()
    assert StoryRevision.objects.filter(article=article).first().action == "publish"


def test_restore_with_a_stale_version_is_refused(reporter, reporter_client):
    article = make_article(reporter)
    first = save(reporter_client, article, headline="First")
    save(reporter_client, article, headline="Second")
    response = reporter_client.post(restore_url(article, first), {"version": first.version})
    assert response.status_code == 200
    assert "changed since you opened this page" in response.content.decode()
    assert Article.objects.get(pk=article.pk).headline == "Second"


def test_reporter_cannot_restore_once_the_story_is_in_review(reporter, reporter_client):
    article = make_article(reporter)
    revision = save(reporter_client, article, headline="Draft headline")
    workflow.submit(article, reporter)
    response = reporter_client.post(restore_url(article, revision), {"version": article.version})
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).status == "review"


def test_restore_leaves_out_a_quote_whose_speaker_is_gone(reporter, reporter_client):
    article = make_article(reporter)
    speaker = make_person("Temporary Speaker")
    quote = Quote.objects.create(article=article, speaker=speaker, text="Soon gone.")
    with_quote = save(reporter_client, article)
    quote.delete()
    speaker.delete()
    save(reporter_client, article)
    version = Article.objects.get(pk=article.pk).version
    response = reporter_client.post(
        restore_url(article, with_quote), {"version": version}, follow=True
    )
    messages = [li.text for li in parse(response).select(".messagelist li")]
    assert any("was left out" in message for message in messages)
    assert not article.quotes.exists()


@pytest.mark.parametrize("page", ["history", "compare", "restore"])
def test_reporter_gets_404_for_another_reporters_history(
    page, reporter, other_reporter, reporter_client
):
    """A10: history, compare and restore of someone else's story do not exist for R1."""
    theirs = make_article(other_reporter, headline="Secret zqxjv draft")
    owner = Client()
    owner.force_login(other_reporter)
    first = save(owner, theirs)
    second = save(owner, theirs, headline="Secret zqxjv draft 2")
    url = {
        "history": history_url(theirs),
        "compare": compare_url(theirs, first, second),
        "restore": restore_url(theirs, first),
    }[page]
    for method in (reporter_client.get, reporter_client.post):
        response = method(url)
        assert response.status_code == 404
        assert b"zqxjv" not in response.content
    assert Article.objects.get(pk=theirs.pk).headline == "Secret zqxjv draft 2"


def test_compare_with_another_storys_revision_is_404(reporter, reporter_client):
    mine, other = make_article(reporter), make_article(reporter)
    own = save(reporter_client, mine)
    foreign = save(reporter_client, other)
    assert reporter_client.get(compare_url(mine, own, foreign)).status_code == 404
    response = reporter_client.get(
        reverse("admin:articles_article_compare", args=[mine.pk]), {"from": "x' OR 1", "to": "-1"}
    )
    assert response.status_code in (302, 404)
