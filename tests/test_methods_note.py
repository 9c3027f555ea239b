"""How we reported this: an optional note on a story's methods, shown before its sources,
emitted as schema.org `backstory`, in the API and in the story-text format."""

import pytest

from articles import storytext
from articles.importing import import_text
from tests.api_client import get_json
from tests.factories import make_article, make_full_story
from tests.html import parse
from tests.jsonld import the_article

pytestmark = pytest.mark.django_db

NOTE = "We asked the *harbour board* for its survey; it declined to share it."


def test_the_note_comes_after_the_bottom_line_and_before_the_sources(client, reporter, editor):
    story = make_full_story(reporter, editor, methods=NOTE)
    page = parse(client.get(story.get_absolute_url()))
    sections = [s.get("class")[0] for s in page.select("article.story > section")]
    assert sections.index("bottom-line") < sections.index("methods") < sections.index("sources")
    methods = page.select_one("section.methods")
    assert methods.h2.text == "How we reported this"
    assert methods.select_one("em").text == "harbour board"


def test_a_story_without_a_note_has_no_section(client, reporter, editor):
    story = make_article(reporter, status="published", editor=editor)
    page = parse(client.get(story.get_absolute_url()))
    assert page.select_one("section.methods") is None
    assert "backstory" not in the_article(client.get(story.get_absolute_url()))


def test_the_note_is_sanitised(client, reporter, editor):
    story = make_article(
        reporter,
        status="published",
        editor=editor,
        methods='Read the minutes.<script>alert(1)</script> <img src=x onerror="alert(2)">',
    )
    methods = parse(client.get(story.get_absolute_url())).select_one("section.methods")
    assert methods.select("script, img") == []
    assert "Read the minutes." in methods.text


def test_json_ld_gives_the_note_as_backstory(client, reporter, editor):
    story = make_full_story(reporter, editor, methods=NOTE)
    article = the_article(client.get(story.get_absolute_url()))
    assert article["backstory"] == (
        "We asked the harbour board for its survey; it declined to share it."
    )


def test_the_api_gives_the_note(client, reporter, editor):
    story = make_full_story(reporter, editor, methods=NOTE)
    methods = get_json(client, f"/api/v1/stories/{story.slug}/")["methods"]
    assert (
        methods["html"]
        == "<p>We asked the <em>harbour board</em> for its survey; it declined to share it.</p>"
    )
    assert methods["text"].startswith("We asked the harbour board")


def test_the_story_text_carries_the_note_both_ways(reporter, editor):
    story = make_full_story(reporter, editor, methods=NOTE)
    text, _notes = storytext.export(story)
    assert "\n\nHow we reported this\n\n" + NOTE + "\n" in text
    imported = import_text(text, reporter).article
    assert imported.methods == NOTE
