"""Text mode on the story form: the whole story as story text in one textarea, its problems by
line as the reporter types, and the switch back to the form, which keeps everything the text
does not carry."""

from datetime import date

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from articles import storytext
from articles.admin.form_text import (
    TextHasProblems,
    check_text,
    form_from_text,
    text_from_form,
)
from articles.models import (
    Article,
    Byline,
    Claim,
    ImpactItem,
    KeyTakeaway,
    Quote,
    StorySource,
)
from sources.models import Person, Source
from tests.admin_form_data import admin_form_data
from tests.factories import (
    add_parts,
    make_article,
    make_image,
    make_person,
    make_section,
    make_source,
    make_tag,
    make_user,
)
from tests.html import parse

pytestmark = pytest.mark.django_db


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def exported(article) -> str:
    return storytext.export(article)[0]


def posted(data: QueryDict) -> dict[str, list[str]]:
    """Form data as the test client posts every value (given a QueryDict, it posts the last)."""
    return dict(data.lists())


def saved(client, article, data: QueryDict) -> Article:
    """Post the story form as the admin's change page would; it must save."""
    response = client.post(change_url(article), posted(data))
    assert response.status_code == 302, [e.text for e in parse(response).select(".errorlist")]
    return Article.objects.get(pk=article.pk)


def ids(queryset) -> list[int]:
    return list(queryset.order_by("position").values_list("pk", flat=True))


@pytest.fixture
def story(reporter, other_reporter):
    """A draft with every part: a section, tags, a lead image, two bylines, a source list of
    two kinds, claims under each heading, impact items, a pull quote with its source, date and
    context, and an ordinary quote."""
    article = make_article(
        reporter,
        headline="Harbour board delays the ferry contract",
        standfirst="The board wants more bids.\n\nA decision is due in *January*.",
        dateline="Port Calder",
        section=make_section("Transport"),
        context="The contract is the largest the board lets.",
        bottom_line="The ferry runs as now until spring.",
        lead_image=make_image(),
        takeaways=0,
        verified_claims=0,
    )
    article.tags.add(make_tag("Ferries"), make_tag("Harbour"))
    Byline.objects.create(article=article, author=other_reporter, credit="Additional reporting")
    minutes = make_source("Harbour board minutes", kind="document")
    statement = make_source("Consortium statement", kind="statement", publisher="Calder Coaches")
    for source in (minutes, statement):
        StorySource.objects.create(article=article, source=source)
    for text in ("The vote moves to January.", "Two bidders remain."):
        KeyTakeaway.objects.create(article=article, text=text)
    vote = Claim.objects.create(article=article, text="The board voted 5–2.", status="verified")
    vote.sources.add(minutes)
    offer = Claim.objects.create(
        article=article, text="The consortium offered a fixed fare.", status="verified"
    )
    offer.sources.add(minutes, statement)
    Claim.objects.create(article=article, text="A third bid may follow.", status="unconfirmed")
    Claim.objects.create(article=article, text="The pontoon is unsafe.", status="disputed")
    ImpactItem.objects.create(article=article, label="Ferry users", text="Timetable unchanged.")
    Quote.objects.create(
        article=article,
        speaker=make_person("Ada Quayle", role="Harbour master"),
        text="We need a fair contest.",
        is_pull=True,
        source=statement,
        said_on=date(2026, 3, 3),
        context="At the open session",
    )
    Quote.objects.create(
        article=article, speaker=make_person("Ben Yarrow", role="Coach driver"), text="Fine."
    )
    return Article.objects.get(pk=article.pk)


# -- the form as text -------------------------------------------------------------------------


def test_an_opened_story_reads_as_its_export(story, reporter_client):
    assert text_from_form(admin_form_data(reporter_client, story)) == exported(story)


def test_the_text_shows_the_form_as_typed_before_it_is_saved(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    data["headline"] = "Harbour board delays the ferry deal"
    data["takeaways-0-DELETE"] = "on"
    data["claims-TOTAL_FORMS"] = str(int(data["claims-TOTAL_FORMS"]) + 1)
    last = int(data["claims-TOTAL_FORMS"]) - 1
    data.update({f"claims-{last}-text": "Fares rise in May.", f"claims-{last}-status": "disputed"})
    story_text = storytext.parse(text_from_form(data)).story
    assert story_text.headline == "Harbour board delays the ferry deal"
    assert story_text.takeaways == ["Two bidders remain."]
    assert [claim.text for claim in story_text.disputed] == [
        "The pontoon is unsafe.",
        "Fares rise in May.",
    ]


def test_only_the_pull_quote_is_in_the_text(story, reporter_client):
    story_text = storytext.parse(text_from_form(admin_form_data(reporter_client, story))).story
    assert [(quote.text, quote.speaker) for quote in story_text.quotes] == [
        ("We need a fair contest.", "Ada Quayle")
    ]


# -- text back into the form ----------------------------------------------------------------


def test_the_round_trip_keeps_what_the_text_does_not_carry(story, reporter_client):
    before = {
        "bylines": list(story.bylines.values_list("pk", "author", "credit", "position")),
        "quotes": list(story.quotes.values_list("pk", "speaker", "source", "said_on", "context")),
        "kinds": dict(Source.objects.values_list("pk", "kind")),
        "takeaways": ids(story.takeaways),
        "claims": ids(story.claims),
        "list": ids(story.source_entries),
        "impact": ids(story.impact_items),
    }
    data = admin_form_data(reporter_client, story)

    article = saved(reporter_client, story, form_from_text(text_from_form(data), data))

    assert article.section.name == "Transport"
    assert sorted(article.tags.values_list("name", flat=True)) == ["Ferries", "Harbour"]
    assert article.lead_image == story.lead_image
    assert article.dateline == "Port Calder" and article.slug == story.slug
    assert article.standfirst == story.standfirst  # its line breaks too
    assert before == {
        "bylines": list(article.bylines.values_list("pk", "author", "credit", "position")),
        "quotes": list(article.quotes.values_list("pk", "speaker", "source", "said_on", "context")),
        "kinds": dict(Source.objects.values_list("pk", "kind")),
        "takeaways": ids(article.takeaways),
        "claims": ids(article.claims),
        "list": ids(article.source_entries),
        "impact": ids(article.impact_items),
    }
    assert exported(article) == exported(story)


def test_an_edited_claim_is_a_new_row_and_the_old_one_is_deleted(story, reporter_client):
    vote = story.claims.get(text="The board voted 5–2.")
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("The board voted 5–2.", "The board voted 5–1.")

    article = saved(reporter_client, story, form_from_text(text, data))

    assert not Claim.objects.filter(pk=vote.pk).exists()
    edited = article.claims.get(text="The board voted 5–1.")
    assert edited.status == "verified"
    assert list(edited.sources.values_list("title", flat=True)) == ["Harbour board minutes"]
    assert exported(article) == text


def test_a_claim_moved_to_unconfirmed_changes_status_and_keeps_its_row(story, reporter_client):
    offer = story.claims.get(text="The consortium offered a fixed fare.")
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("The consortium offered a fixed fare. [1][2]\n\n", "")
    text = text.replace(
        "Unconfirmed\n\n", "Unconfirmed\n\n• The consortium offered a fixed fare.\n"
    )

    saved(reporter_client, story, form_from_text(text, data))

    offer.refresh_from_db()
    assert offer.status == "unconfirmed"
    assert offer.sources.count() == 0  # the text cites nothing for it now


def test_claims_cite_the_sources_their_numbers_name_in_the_text(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("The board voted 5–2. [1]", "The board voted 5–2. [2]")

    article = saved(reporter_client, story, form_from_text(text, data))

    vote = article.claims.get(text="The board voted 5–2.")
    assert list(vote.sources.values_list("title", flat=True)) == ["Consortium statement"]


def test_rows_taken_out_of_the_text_are_deleted(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("• Two bidders remain.\n", "")
    text = text.replace("\n\nDisputed\n\n• The pontoon is unsafe.", "")

    article = saved(reporter_client, story, form_from_text(text, data))

    assert list(article.takeaways.values_list("text", flat=True)) == ["The vote moves to January."]
    assert not article.claims.filter(status="disputed").exists()
    assert exported(article) == text


def test_a_row_deleted_on_the_form_stays_deleted(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    data["takeaways-1-DELETE"] = "on"

    article = saved(reporter_client, story, form_from_text(text_from_form(data), data))

    assert list(article.takeaways.values_list("text", flat=True)) == ["The vote moves to January."]


def test_takeaways_follow_the_text_s_order(story, reporter_client):
    first, second = ids(story.takeaways)
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace(
        "• The vote moves to January.\n• Two bidders remain.",
        "• Two bidders remain.\n• A new takeaway.\n• The vote moves to January.",
    )

    article = saved(reporter_client, story, form_from_text(text, data))

    rows = list(article.takeaways.values_list("pk", "text"))
    assert [pk for pk, _text in rows][0::2] == [second, first]
    assert [text for _pk, text in rows] == [
        "Two bidders remain.",
        "A new takeaway.",
        "The vote moves to January.",
    ]


def test_a_source_new_to_the_library_is_created(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("• The pontoon is unsafe.", "• The pontoon is unsafe. [3]")
    text += "Pontoon survey — Port Calder Engineers — https://example.org/pontoon-survey\n"

    article = saved(reporter_client, story, form_from_text(text, data))

    survey = Source.objects.get(url="https://example.org/pontoon-survey")
    assert (survey.title, survey.publisher) == ("Pontoon survey", "Port Calder Engineers")
    assert list(article.claims.get(status="disputed").sources.all()) == [survey]
    assert exported(article) == text


def test_a_source_already_in_the_library_is_reused_with_its_kind(story, reporter_client):
    dataset = make_source(
        "Ferry passenger counts", kind="dataset", url="https://example.org/counts"
    )
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data) + "Ferry passenger counts — https://example.org/counts\n"
    sources = Source.objects.count()

    article = saved(reporter_client, story, form_from_text(text, data))

    assert Source.objects.count() == sources
    assert list(article.source_entries.values_list("source", flat=True))[-1] == dataset.pk


def test_a_source_is_matched_on_the_form_before_the_library(story, reporter_client):
    draft_copy = make_source("Signed minutes, draft copy", url="https://example.org/signed")
    signed = make_source("Signed minutes", url="https://example.org/signed")
    StorySource.objects.create(article=story, source=signed)
    data = admin_form_data(reporter_client, story)

    article = saved(reporter_client, story, form_from_text(text_from_form(data), data))

    listed = list(article.source_entries.values_list("source", flat=True))
    assert signed.pk in listed and draft_copy.pk not in listed


def test_a_source_without_an_address_is_matched_by_its_title_in_any_case(story, reporter_client):
    memo = make_source("Harbour memo", url="", publisher="")
    StorySource.objects.create(article=story, source=memo)
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("\nHarbour memo\n", "\nHARBOUR MEMO\n")
    sources = Source.objects.count()

    article = saved(reporter_client, story, form_from_text(text, data))

    assert Source.objects.count() == sources
    assert memo.pk in article.source_entries.values_list("source", flat=True)


def test_a_pull_quote_whose_words_stay_keeps_its_source_and_date_under_a_new_speaker(
    story, reporter_client
):
    pull = story.quotes.get(is_pull=True)
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace(
        "Ada Quayle, Harbour master", "Ifeoma Barnes, cabinet member for transport"
    )

    article = saved(reporter_client, story, form_from_text(text, data))

    kept = article.quotes.get(is_pull=True)
    assert kept.pk == pull.pk
    assert (kept.source, kept.said_on, kept.context) == (pull.source, pull.said_on, pull.context)
    assert (kept.speaker.name, kept.role) == ("Ifeoma Barnes", "cabinet member for transport")
    assert Person.objects.filter(name="Ifeoma Barnes").count() == 1


def test_a_pull_quote_with_new_words_from_its_speaker_keeps_its_row(story, reporter_client):
    pull = story.quotes.get(is_pull=True)
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace("We need a fair contest.", "We need a fair fight.")

    article = saved(reporter_client, story, form_from_text(text, data))

    kept = article.quotes.get(is_pull=True)
    assert (kept.pk, kept.text, kept.speaker) == (pull.pk, "We need a fair fight.", pull.speaker)


def test_other_quotes_are_untouched(story, reporter_client):
    other = story.quotes.get(is_pull=False)
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace(
        "“We need a fair contest.”\n\nAda Quayle, Harbour master\n\n", ""
    )

    article = saved(reporter_client, story, form_from_text(text, data))

    assert list(article.quotes.values_list("pk", "text", "position")) == [
        (other.pk, other.text, other.position)
    ]


def test_a_second_quotation_in_the_text_becomes_an_ordinary_quote(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    text = text_from_form(data).replace(
        "\n\nUnconfirmed", "\n\n“Not before spring.”\n\nBen Yarrow, Coach driver\n\nUnconfirmed"
    )

    article = saved(reporter_client, story, form_from_text(text, data))

    added = article.quotes.get(text="Not before spring.")
    assert not added.is_pull and added.speaker == Person.objects.get(name="Ben Yarrow")
    assert article.quotes.count() == 3


# -- citation numbers ---------------------------------------------------------------------------


def test_citation_numbers_are_the_ones_the_saved_page_shows(story, reporter_client):
    """Claims on the form may cite sources missing from the list: the save appends them claim
    by claim (the story's claims first), and the text numbers them in that order."""
    older, newer = make_source("Zeta paper"), make_source("Alpha paper")
    data = admin_form_data(reporter_client, story)
    data.setlist("claims-0-sources", [*data.getlist("claims-0-sources"), str(newer.pk)])
    new = int(data["claims-TOTAL_FORMS"])
    data["claims-TOTAL_FORMS"] = str(new + 1)
    data.update({f"claims-{new}-text": "A new claim.", f"claims-{new}-status": "verified"})
    data.setlist(f"claims-{new}-sources", [str(older.pk), str(newer.pk)])
    text = text_from_form(data)
    assert [source.title for source in storytext.parse(text).story.sources][2:] == [
        "Alpha paper",
        "Zeta paper",
    ]

    article = saved(reporter_client, story, data)

    assert exported(article) == text


def test_a_source_taken_off_the_list_but_still_cited_is_numbered_where_the_save_puts_it(
    story, reporter_client
):
    """The save appends every cited source missing from the list, by id, when the first claim
    gains a source: here the statement (still cited) before the newer paper."""
    newer = make_source("Newer paper")
    data = admin_form_data(reporter_client, story)
    assert data["source_entries-1-source"] == str(story.source_entries.get(position=2).source_id)
    data["source_entries-1-DELETE"] = "on"  # the statement, which the offer still cites
    data.setlist("claims-0-sources", [*data.getlist("claims-0-sources"), str(newer.pk)])
    text = text_from_form(data)
    assert [source.title for source in storytext.parse(text).story.sources] == [
        "Harbour board minutes",
        "Consortium statement",
        "Newer paper",
    ]

    article = saved(reporter_client, story, data)

    assert exported(article) == text


# -- problems -----------------------------------------------------------------------------------


BROKEN = """\
Harbour board delays the ferry contract

Key takeaways

The vote moves to January.

Verified facts

The board voted 5–2. [4]
"""


def test_problems_are_reported_by_line():
    problems = check_text(BROKEN)
    assert [problem["line"] for problem in problems] == [5, 9]
    assert "Key takeaways" in problems[0]["message"]
    assert "[4]" in problems[1]["message"]


def test_a_text_with_problems_changes_nothing(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    counts = (Source.objects.count(), Person.objects.count())
    with pytest.raises(TextHasProblems) as refused:
        form_from_text(BROKEN + "\nSources\n\nA brand new source\n", data)
    assert [problem["line"] for problem in refused.value.problems] == [5, 9]
    assert (Source.objects.count(), Person.objects.count()) == counts


def test_a_clean_text_has_no_problems(story, reporter_client):
    assert check_text(text_from_form(admin_form_data(reporter_client, story))) == []


# -- writing in text mode -----------------------------------------------------------------------


EDITED = """\
Harbour board delays the ferry contract again

The board wants more bids.

A decision is due in February.

Key takeaways

• Two bidders remain.
• The vote moves to February.

Verified facts

The board voted 5–2. [1]

The consortium offered a fixed fare. [2]

Context & impact

The contract is the largest the board lets.

• Ferry users: Timetable unchanged.
• Council budget: No new money this year.

“We need a fair contest,”

Ada Quayle, Harbour master

Unconfirmed

• A third bid may follow. [3]

Bottom line

The ferry runs as now until spring.

Sources

Consortium statement — Calder Coaches — https://example.org/consortium
Harbour board minutes — Port Calder City Council — https://example.org/minutes
Tender rules — https://example.org/tender-rules
"""


def test_the_merged_form_saves_the_story_the_text_says(story, reporter_client):
    Source.objects.filter(title="Consortium statement").update(url="https://example.org/consortium")
    Source.objects.filter(title="Harbour board minutes").update(url="https://example.org/minutes")
    data = admin_form_data(reporter_client, story)

    article = saved(reporter_client, story, form_from_text(EDITED, data))

    assert exported(article) == EDITED
    assert article.section.name == "Transport" and article.lead_image == story.lead_image


def test_a_story_written_in_text_mode_on_the_add_form_saves_as_its_text(reporter, reporter_client):
    data = admin_form_data(reporter_client)
    data["section"] = str(make_section("Transport").pk)
    text = EDITED.replace("“We need a fair contest,”", "“We need a fair contest.”")

    response = reporter_client.post(
        reverse("admin:articles_article_add"), posted(form_from_text(text, data))
    )

    assert response.status_code == 302, [e.text for e in parse(response).select(".errorlist")]
    article = Article.objects.get()
    assert exported(article) == text
    assert article.quotes.get().speaker.name == "Ada Quayle"
    assert list(article.bylines.values_list("author", flat=True)) == [reporter.pk]


# -- cost -------------------------------------------------------------------------------------


@pytest.mark.parametrize("parts", [1, 8])
def test_the_form_as_text_costs_four_queries_however_long_the_story(
    parts, story, reporter_client, django_assert_num_queries
):
    add_parts(story, parts)
    data = admin_form_data(reporter_client, story)
    with django_assert_num_queries(4):
        text_from_form(data)


# -- the doors --------------------------------------------------------------------------------

CHECK, FROM_FORM = "admin:articles_article_text_check", "admin:articles_article_text_from_form"


def test_the_check_door_answers_the_problems_as_json(reporter_client):
    response = reporter_client.post(reverse(CHECK), {"story_text": BROKEN})
    assert response.status_code == 200
    assert [problem["line"] for problem in response.json()["problems"]] == [5, 9]


def test_the_form_door_answers_the_form_as_text(story, reporter_client):
    data = admin_form_data(reporter_client, story)
    response = reporter_client.post(reverse(FROM_FORM), posted(data))
    assert response.status_code == 200
    assert response.json() == {"text": exported(story)}


def test_the_doors_need_someone_who_writes_stories(reporter, editor_client):
    visitor = Client()
    visitor.force_login(make_user("visitor", group=None, is_staff=True))
    for name in (CHECK, FROM_FORM):
        assert Client().post(reverse(name), {"story_text": "x"}).status_code == 302  # to login
        assert visitor.post(reverse(name), {"story_text": "x"}).status_code == 403
        assert editor_client.post(reverse(name), {"story_text": "x"}).status_code == 200


def test_the_doors_only_answer_posts(reporter_client):
    for name in (CHECK, FROM_FORM):
        assert reporter_client.get(reverse(name)).status_code == 405


def test_a_text_too_long_to_be_a_story_is_refused(reporter_client):
    response = reporter_client.post(reverse(CHECK), {"story_text": "Headline\n\n" + "x" * 200_001})
    assert response.status_code == 400
    assert "KB" in response.json()["error"]


@pytest.mark.parametrize(
    "garbage",
    [
        {},
        {"claims-TOTAL_FORMS": "abc", "claims-0-text": "A claim.", "claims-0-sources": "x"},
        {"claims-TOTAL_FORMS": "9" * 40, "claims-0-text": "A claim.", "claims-0-sources": "9" * 40},
        {"quotes-TOTAL_FORMS": "1", "quotes-0-is_pull": "on", "quotes-0-speaker": "-1"},
        {"source_entries-TOTAL_FORMS": "99999999", "source_entries-12345678-source": "1"},
        {"headline": "\x00", "takeaways-TOTAL_FORMS": "1", "takeaways-0-text": "\x1b"},
        {
            "claims-TOTAL_FORMS": "2",
            "claims-INITIAL_FORMS": "2",
            **{f"claims-{n}-{field}": "1" for n in (0, 1) for field in ("id", "article", "text")},
            "claims-1-sources": "1",
        },
    ],
)
def test_the_form_door_reads_any_posted_data(reporter_client, garbage):
    response = reporter_client.post(reverse(FROM_FORM), garbage)
    assert response.status_code == 200
    assert isinstance(response.json()["text"], str)


def test_garbage_in_the_check_door_is_a_list_of_problems(reporter_client):
    response = reporter_client.post(reverse(CHECK), {"story_text": "\x00\n• ]]][[[\n"})
    assert response.status_code == 200
    assert response.json()["problems"]


def test_an_empty_form_is_an_empty_text():
    assert text_from_form(QueryDict()) == "\n"
