"""The story page under "Leave a Comment": approved comments only, oldest first, replies one
level deep, inert whatever a commenter typed, never an email, in a constant number of queries
(issue 4 items 1 and 6; SECURITY.md B1, B6, B14)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import prerender
from articles.models import Article
from comments import moderation
from comments.models import Comment
from tests.comments_support import PAYLOADS, make_comment, send
from tests.factories import make_article
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor)


def comments_section(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return parse(response).select_one("section#comments")


def test_approved_comments_show_oldest_first_with_replies_under_their_parent(client, story):
    first = make_comment(story, name="Ines Calder", body="First thought.")
    make_comment(story, status="pending", body="Still waiting.")
    make_comment(story, status="rejected", body="Turned down.")
    make_comment(story, status="spam", body="Buy now.")
    second = make_comment(story, name="Tom Reyes", body="Second thought.")
    reply = make_comment(story, parent=first, name="Ana Ruiz", body="A reply to the first.")
    make_comment(story, parent=first, status="pending", body="An unapproved reply.")

    section = comments_section(client, story)
    assert section.h2.text.startswith("Leave a Comment")
    assert section.select_one(".comment-count").text == "(3 comments)"
    top_level = section.select("ol.comment-list > li")
    assert [li["id"] for li in top_level] == [f"comment-{first.pk}", f"comment-{second.pk}"]
    replies = top_level[0].select("ol.comment-replies > li")
    assert [li["id"] for li in replies] == [f"comment-{reply.pk}"]
    assert not top_level[1].select("ol.comment-replies")
    text = section.text
    for hidden in ("Still waiting.", "Turned down.", "Buy now.", "An unapproved reply."):
        assert hidden not in text


def test_each_comment_shows_name_time_and_a_permalink(client, story):
    comment = make_comment(story, name="Ines Calder", body="Line one.\n\nLine two.")
    item = comments_section(client, story).select_one(f"#comment-{comment.pk}")
    assert item.select_one("bdi.comment-author").text == "Ines Calder"
    permalink = item.select_one("a.comment-permalink")
    assert permalink["href"] == f"#comment-{comment.pk}"
    local = timezone.localtime(comment.created_at)
    assert permalink.time["datetime"] == local.replace(microsecond=0).isoformat()
    paragraphs = [p.text for p in item.select(".comment-text p")]
    assert paragraphs == ["Line one.", "Line two."]


def test_a_reply_to_a_comment_later_taken_down_is_not_shown(client, story):
    parent = make_comment(story, status="rejected")
    make_comment(story, parent=parent, body="Orphaned reply.")
    section = comments_section(client, story)
    assert "Orphaned reply." not in section.text
    assert section.select_one(".comment-count").text == "(0 comments)"


def test_top_level_comments_offer_a_reply_link_and_replies_do_not(client, story):
    parent = make_comment(story, name="Ines Calder")
    make_comment(story, parent=parent)
    links = comments_section(client, story).select(".comment-reply a")
    assert len(links) == 1
    assert links[0]["href"].endswith(f"/comments/?parent={parent.pk}#comment-form")
    assert links[0].text == "Reply to Ines Calder"


def test_an_email_is_never_on_the_story_page(client, story, reporter, time_machine):
    email = "private.person@mail.example"
    comment = make_comment(story, email=email, name="Private Person")
    make_comment(story, parent=comment, email=email)
    assert email not in client.get(story.get_absolute_url()).content.decode()
    for response in (
        client.get(f"/articles/{story.slug}/comments/?parent={comment.pk}"),
        send(client, story, time_machine, body="x"),
        send(client, story, time_machine, issued="forged"),
    ):
        assert email not in response.content.decode()


def test_a_preview_shows_no_comments_and_no_form(reporter):
    draft = make_article(reporter)
    client = Client()
    client.force_login(reporter)
    page = parse(client.get(draft.get_absolute_url()))
    assert page.select_one(".preview-banner")
    assert not page.select("#comments")
    assert not page.select("form#comment-form")


# -- safe rendering (B1, B6) -----------------------------------------------------------------


def test_markup_and_script_in_a_comment_are_shown_as_text(client, story):
    for payload in PAYLOADS:
        make_comment(story, name=payload[:80], body=f"Before {payload} after")
    response = client.get(story.get_absolute_url())
    page = parse(response)
    section = page.select_one("#comments")
    assert not section.select("script:not([src]), img, svg")
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    scripts = page.select('script:not([type="application/ld+json"])')
    assert [s["src"] for s in scripts] == ["/static/js/comments.js"]
    bodies = [div.text.strip() for div in section.select(".comment-text")]
    assert bodies == [f"Before {payload} after" for payload in PAYLOADS]
    names = [bdi.text for bdi in section.select(".comment-author")]
    assert names == [payload[:80] for payload in PAYLOADS]
    assert "49" not in "".join(bodies)


def test_unicode_is_shown_exactly_and_names_are_isolated(client, story, time_machine):
    texts = [
        ("Zoë 🧪🏳️‍🌈", "Emoji 🧪🏳️‍🌈 and accents: café, naïve."),
        ("李小龍", "港口的修缮工程终于开始了。"),
        ("سارا", "شكراً على هذا التقرير المفصّل."),
        ("Z̷a̵l̶g̴o", "Ḑ̷̈i̵̻̓a̶̠͒c̶̱̈r̸̯̈i̵̹̓t̷̰̄i̶͉̇c̴̣̈s̸͍̈́"),
    ]
    for name, body in texts:
        make_comment(story, name=name, body=body)
    section = comments_section(client, story)
    assert [bdi.text for bdi in section.select("bdi.comment-author")] == [n for n, _ in texts]
    assert [div.text.strip() for div in section.select(".comment-text")] == [b for _, b in texts]
    assert all(div["dir"] == "auto" for div in section.select(".comment-text"))


def test_a_bidi_override_cannot_reverse_a_commenters_name(client, story, time_machine):
    send(client, story, time_machine, name="\u202egro.elpmaxe")
    assert Comment.objects.get().name == "gro.elpmaxe"


def test_comment_code_never_marks_text_as_safe():
    """Only articles/markup.py may mark HTML safe; comments are plain text throughout."""
    root = Path(settings.BASE_DIR)
    files = [*root.glob("comments/**/*.py"), *root.glob("templates/comments/*.html")]
    assert files
    for path in files:
        text = path.read_text()
        assert not re.search(r"\|\s*safe\b|mark_safe|SafeString|safeseq|autoescape off", text), path


# -- queries ---------------------------------------------------------------------------------


def test_the_story_page_runs_the_same_queries_for_0_and_200_comments(
    client, story, django_assert_num_queries
):
    """Compared as the first render after a change (a comment decision makes the page again)."""
    client.get(story.get_absolute_url())  # warm the section navigation cache
    prerender.stale(Article.objects.filter(pk=story.pk))
    with CaptureQueriesContext(connection) as empty:
        client.get(story.get_absolute_url())
    for _ in range(100):
        parent = make_comment(story)
        make_comment(story, parent=parent)
    with django_assert_num_queries(len(empty)):
        page = parse(client.get(story.get_absolute_url()))
    assert page.select_one(".comment-count").text == "(200 comments)"
    with django_assert_num_queries(2):  # then kept: the story with its render, related stories
        client.get(story.get_absolute_url())
    assert len(page.select(".comment-replies > li")) == 100


def test_approving_shows_the_comment_at_once(client, story, editor):
    comment = make_comment(story, status="pending", body="Waiting for an editor.")
    assert "Waiting for an editor." not in comments_section(client, story).text
    moderation.approve(comment, editor)
    assert "Waiting for an editor." in comments_section(client, story).text
    comment.refresh_from_db()
    moderation.reopen(comment, editor)
    comment.refresh_from_db()
    moderation.reject(comment, editor)
    assert "Waiting for an editor." not in comments_section(client, story).text
