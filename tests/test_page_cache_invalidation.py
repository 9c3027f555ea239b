"""Every change readers can see refreshes the cached pages showing it, at once (no timeout)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles import curation, workflow
from articles.curation import Slot
from articles.models import (
    Article,
    Byline,
    Claim,
    Correction,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StoryRevision,
    StorySource,
)
from comments import moderation
from comments.models import Comment
from tests.comments_support import make_comment
from tests.factories import (
    PASSWORD,
    make_article,
    make_full_story,
    make_image,
    make_profile,
    make_source,
    make_tag,
    make_user,
)
from tests.html import form_fields, parse
from tests.page_cache_support import cached, fetch, text
from tests.signin_support import password_step

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def story(reporter, second_editor):
    """A live story with every part, published by an editor other than the one editing it."""
    return make_full_story(reporter, second_editor, headline="Harbour wall repairs approved")


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def admin_save(client, article: Article, **changes: str) -> None:
    """Save the story's admin form as an editor would, with `changes` typed in."""
    data = form_fields(client.get(change_url(article)), "article_form")
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, parse(response).select(".errorlist")


def listing_urls(article: Article) -> list[str]:
    return [
        "/",
        "/articles/",
        article.section.get_absolute_url(),
        "/feeds/rss/",
        "/sitemap-stories.xml",
        "/api/v1/stories/",
    ]


# -- workflow --------------------------------------------------------------------------------


@pytest.mark.parametrize("scheduled_first", [False, True], ids=["publish", "publish-scheduled-now"])
def test_publishing_shows_the_story_on_every_list_at_once(
    client, reporter, second_editor, story, committed, scheduled_first
):
    waiting = make_article(reporter, status="review", section=story.section)
    if scheduled_first:
        workflow.publish(waiting, second_editor, at=timezone.now() + timedelta(hours=3))
    for url in listing_urls(story):
        assert waiting.slug not in text(cached(client, url)), url
    with committed():
        if scheduled_first:
            workflow.reschedule(waiting, second_editor)  # no time: publish now
        else:
            workflow.publish(waiting, second_editor)
    for url in listing_urls(story):
        assert waiting.slug in text(client.get(url)), url
    assert client.get(waiting.get_absolute_url()).status_code == 200


def test_rescheduling_a_story_refreshes_the_cache(
    client, reporter, second_editor, story, committed
):
    scheduled = make_article(reporter, status="review")
    workflow.publish(scheduled, second_editor, at=timezone.now() + timedelta(hours=3))
    url = story.get_absolute_url()
    cached(client, url)
    with committed():
        workflow.reschedule(scheduled, second_editor, at=timezone.now() + timedelta(hours=5))
    assert fetch(client, url)[1] > 0


# -- editing in the admin ------------------------------------------------------------------------


def test_editing_a_live_story_refreshes_its_page_and_the_lists(
    client, editor_client, story, committed
):
    urls = [story.get_absolute_url(), "/", f"/api/v1/stories/{story.slug}/"]
    for url in urls:
        assert "Harbour wall repairs approved" in text(cached(client, url))
    with committed():
        admin_save(editor_client, story, headline="Harbour wall repairs delayed", change="update")
    for url in urls:
        assert "Harbour wall repairs delayed" in text(client.get(url)), url


def test_saving_only_an_inline_part_refreshes_the_story(client, editor_client, story, committed):
    url = story.get_absolute_url()
    assert "Takeaway 1" in text(cached(client, url))
    with committed():
        admin_save(
            editor_client, story, **{"takeaways-0-text": "Repairs start in May"}, change="update"
        )
    page = parse(client.get(url))
    assert [li.text for li in page.select(".takeaways li")][0] == "Repairs start in May"


def test_a_correction_appears_on_the_story_and_the_corrections_page_at_once(
    client, editor_client, story, committed
):
    urls = [story.get_absolute_url(), "/corrections/", "/corrections/feed/"]
    for url in urls:
        cached(client, url)
    with committed():
        admin_save(
            editor_client,
            story,
            standfirst="The council approved repairs to the north wall.",
            change="correction",
            correction="An earlier version named the wrong wall.",
        )
    for url in urls:
        assert "named the wrong wall" in text(client.get(url)), url


def test_restoring_a_revision_refreshes_the_story(client, editor_client, story, committed):
    admin_save(editor_client, story, headline="Harbour wall: a bad edit", change="update")
    url = story.get_absolute_url()
    assert "a bad edit" in text(cached(client, url))
    before = StoryRevision.objects.filter(article=story, action="publish").get()
    version = Article.objects.get(pk=story.pk).version
    restore = reverse("admin:articles_article_restore", args=[story.pk, before.pk])
    with committed():
        response = editor_client.post(restore, {"version": version, "change": "update"})
    assert response.status_code == 302
    assert "Harbour wall repairs approved" in text(client.get(url))


def test_an_edit_that_is_refused_leaves_the_cache_alone(client, editor_client, story, committed):
    url = story.get_absolute_url()
    cached(client, url)
    data = form_fields(editor_client.get(change_url(story)), "article_form")
    data["headline"] = "Not saved: no correction or update chosen"
    with committed():
        assert editor_client.post(change_url(story), data).status_code == 200
    assert fetch(client, url)[1] == 0


# -- comments -----------------------------------------------------------------------------


def test_approving_rejecting_and_spamming_a_comment_refresh_the_story(
    client, editor, story, committed
):
    url = story.get_absolute_url()
    comment = make_comment(story, status="pending", body="The wall was patched in 1990 too.")
    assert "patched in 1990" not in text(cached(client, url))
    with committed():
        moderation.approve(comment, editor)
    assert "patched in 1990" in text(cached(client, url))
    with committed():
        moderation.reopen(comment, editor)
        moderation.reject(Comment.objects.get(pk=comment.pk), editor)
    assert "patched in 1990" not in text(cached(client, url))
    other = make_comment(story, status="pending", body="Buy cheap watches here.")
    with committed():
        moderation.approve(other, editor)
    assert "cheap watches" in text(cached(client, url))
    with committed():
        moderation.reopen(other, editor)
        moderation.mark_spam(Comment.objects.get(pk=other.pk), editor)
    assert "cheap watches" not in text(client.get(url))


def test_a_comment_decision_re_renders_its_story_alone(client, editor, story, reporter, committed):
    other = make_article(reporter, status="published", editor=editor)
    untouched = ["/", other.get_absolute_url(), "/articles/", "/feeds/rss/"]
    for url in [story.get_absolute_url(), *untouched]:
        cached(client, url)
    comment = make_comment(story, status="pending", body="The wall was patched in 1990 too.")
    with committed():
        moderation.approve(comment, editor)
    assert "patched in 1990" in text(client.get(story.get_absolute_url()))
    for url in untouched:
        assert fetch(client, url)[1] == 0, f"{url} was rendered again"


def test_deleting_an_approved_comment_removes_it_at_once(client, story, committed):
    url = story.get_absolute_url()
    comment = make_comment(story, body="Posted by mistake.")
    assert "Posted by mistake." in text(cached(client, url))
    with committed():
        comment.delete()
    assert "Posted by mistake." not in text(client.get(url))


# -- the editors' choice of lead and top stories ---------------------------------------------------


def lead_of(response) -> str:
    return parse(response).select_one(".front-lead .story-card-headline").get_text(strip=True)


def test_a_new_choice_of_lead_and_pins_shows_on_the_next_request(
    client, editor, reporter, story, committed
):
    newer = make_article(reporter, status="published", editor=editor, section=story.section)
    section_url = story.section.get_absolute_url()
    assert lead_of(cached(client, "/")) == newer.headline
    assert not parse(cached(client, section_url)).select(".section-top")
    with committed():
        curation.set_front(editor, Slot(story), [Slot(newer)])
        curation.set_section(editor, story.section, Slot(story), [Slot(newer)])
    for url in ("/", section_url):
        response, queries = fetch(client, url)
        assert queries > 0 and lead_of(response) == story.headline, url
    with committed():
        curation.set_front(editor, None, [])
    assert lead_of(client.get("/")) == newer.headline


def test_a_pins_end_time_refreshes_the_cached_front_page_with_no_save(
    client, editor, reporter, story, committed
):
    """Well within the cache's own timeout (PAGE_CACHE_SECONDS), so the end time alone does it."""
    start = timezone.now().replace(microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=False) as clock:
        newer = make_article(reporter, status="published", editor=editor)
        with committed():
            curation.set_front(editor, Slot(story, until=start + timedelta(minutes=5)), [])
        assert lead_of(cached(client, "/")) == story.headline
        clock.move_to(start + timedelta(minutes=4, seconds=59))
        assert fetch(client, "/")[1] == 0  # still the stored page
        clock.move_to(start + timedelta(minutes=5))
        response, queries = fetch(client, "/")
        assert queries > 0 and lead_of(response) == newer.headline


# -- shared records: people, sources, sections, tags, writers ------------------------------------


SHARED_RECORDS = {
    "person": lambda story: (
        Quote.objects.get(article=story, is_pull=True).speaker,
        "name",
        [story.get_absolute_url(), Quote.objects.get(article=story).speaker.get_absolute_url()],
    ),
    "source": lambda story: (
        StorySource.objects.filter(article=story).first().source,
        "title",
        [story.get_absolute_url(), f"/api/v1/stories/{story.slug}/"],
    ),
    "section": lambda story: (
        story.section,
        "name",
        ["/", story.section.get_absolute_url(), story.get_absolute_url()],
    ),
    "tag": lambda story: (
        story.tags.get(),
        "name",
        [story.tags.get().get_absolute_url(), story.get_absolute_url()],
    ),
    "writer": lambda story: (
        story.created_by,
        "last_name",
        [story.get_absolute_url()],
    ),
    "author profile": lambda story: (
        make_profile(story.created_by, slug="rosa-penrose"),
        "display_name",
        [story.get_absolute_url(), "/authors/rosa-penrose/", "/", "/feeds/rss/"],
    ),
}


@pytest.mark.parametrize("kind", SHARED_RECORDS)
def test_renaming_a_shared_record_refreshes_every_page_showing_it(client, story, committed, kind):
    record, field, urls = SHARED_RECORDS[kind](story)
    for url in urls:
        cached(client, url)
    setattr(record, field, "Zephyrine")
    with committed():
        record.save()
    for url in urls:
        assert "Zephyrine" in text(client.get(url)), (kind, url)


def test_changing_a_lead_images_alt_text_refreshes_the_story_and_its_cards(
    client, reporter, editor, committed
):
    image = make_image(alt_text="A quay at dusk")
    article = make_article(reporter, status="published", editor=editor, lead_image=image)
    urls = [article.get_absolute_url(), "/"]
    for url in urls:
        assert 'alt="A quay at dusk"' in cached(client, url).content.decode()
    image.alt_text = "Zephyrine cranes"
    with committed():
        image.save()
    for url in urls:
        html = client.get(url).content.decode()
        assert 'alt="Zephyrine cranes"' in html and "A quay at dusk" not in html, url


def test_a_writer_logging_in_does_not_empty_the_cache(client, story, reporter, committed):
    url = story.get_absolute_url()
    cached(client, url)
    with committed():
        response = password_step(Client(), reporter.username, PASSWORD)
    assert response.status_code == 302
    assert fetch(client, url)[1] == 0


# -- a story's parts, changed directly ------------------------------------------------------
# Each change returns what must be true of the story page afterwards (and was not before).


def _add_takeaway(story: Article):
    KeyTakeaway.objects.create(article=story, text="Zephyrine takeaway")
    return lambda page: "Zephyrine takeaway" in page.select_one(".takeaways").text


def _edit_impact(story: Article):
    item = ImpactItem.objects.get(article=story)
    item.text = "Zephyrine effect"
    item.save()
    return lambda page: "Zephyrine effect" in page.select_one(".impact").text


def _delete_claim(story: Article):
    Claim.objects.get(article=story, status="disputed").delete()
    return lambda page: page.select_one(".claims-disputed") is None


def _edit_quote(story: Article):
    quote = Quote.objects.get(article=story, is_pull=True)
    quote.text = "Zephyrine words"
    quote.save()
    return lambda page: page.select_one(".pull-quote blockquote").text.strip() == "Zephyrine words"


def _list_source(story: Article):
    StorySource.objects.create(article=story, source=make_source("Zephyrine report"))
    return lambda page: "Zephyrine report" in page.select_one(".sources").text


def _add_correction(story: Article):
    Correction.objects.create(article=story, text="Zephyrine correction.")
    return lambda page: "Zephyrine correction." in page.select_one(".corrections").text


def _add_byline(story: Article):
    Byline.objects.create(article=story, author=make_user("zeph", last_name="Zephyrine"))
    return lambda page: "Zephyrine" in page.select_one(".bylines").text


def _uncite_claim(story: Article):
    claim = Claim.objects.filter(article=story, status="verified").first()
    claim.sources.clear()
    return lambda page: not page.select(f"#claim-{claim.position} .citation")


def _tag(story: Article):
    story.tags.add(make_tag("Zephyrine"))
    return lambda page: "Zephyrine" in page.select_one(".story-tags").text


def _untag(story: Article):
    story.tags.clear()
    return lambda page: page.select_one(".story-tags") is None


PART_CHANGES = [
    _add_takeaway,
    _edit_impact,
    _delete_claim,
    _edit_quote,
    _list_source,
    _add_correction,
    _add_byline,
    _uncite_claim,
    _tag,
    _untag,
]


@pytest.mark.parametrize("change", PART_CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_changing_a_part_of_a_story_refreshes_its_page(client, story, committed, change):
    url = story.get_absolute_url()
    before = parse(cached(client, url))
    with committed():
        shows_change = change(story)
    assert not shows_change(before)
    assert shows_change(parse(client.get(url)))
