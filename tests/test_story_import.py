"""Importing text makes one structured draft, all of it or nothing (articles.importing)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles import importing, revisions, workflow
from articles.models import Article, Claim, KeyTakeaway, Quote, StorySource, WorkflowEvent
from sources.models import Person, Source
from tests.factories import make_person, make_source, make_user
from tests.story_samples import FULL, SEED_SHAPED

pytestmark = pytest.mark.django_db


def counts() -> list[int]:
    models = (Article, KeyTakeaway, Claim, Quote, Person, Source, StorySource, WorkflowEvent)
    return [model.objects.count() for model in models]


def test_seed_shaped_text_becomes_a_structured_draft_owned_by_the_importer(reporter):
    summary = importing.import_text(SEED_SHAPED.encode(), reporter)
    article = summary.article
    assert article.status == Article.Status.DRAFT
    assert article.created_by == reporter and article.is_owned_by(reporter)
    assert article.headline == "Harbour board rules out private operator for the night ferry"
    assert article.standfirst.startswith("The Port Calder Harbour Board on Tuesday refused")
    assert article.takeaways.count() == 7
    claims = article.claims.all()
    assert [claim.status for claim in claims] == ["verified"] * 4 + ["unconfirmed"] * 3
    assert article.context.count("\n\n") == 1  # two analysis paragraphs
    assert list(article.impact_items.values_list("label", flat=True)) == [
        "Passengers",
        "Staff contracts",
        "Council budget",
    ]
    pull = article.quotes.get(is_pull=True)
    assert pull.speaker.name == "Ada Quayle"
    assert pull.role == "chair of the Port Calder Harbour Board"
    assert pull.speaker.role == pull.role  # a new Person takes the role given
    assert article.bottom_line.startswith("The board's refusal leaves the council")
    assert not article.source_entries.exists()
    assert (summary.takeaways, summary.verified, summary.unconfirmed) == (7, 4, 3)
    assert (summary.quotes, summary.impact_items, summary.sources) == (1, 3, 0)


def test_import_is_recorded_in_the_workflow_history(reporter):
    article = importing.import_text(SEED_SHAPED, reporter, origin="ferry.txt").article
    event = article.events.get()
    assert (event.action, event.from_status, event.to_status) == ("import", "draft", "draft")
    assert event.actor == reporter
    assert "ferry.txt" in event.note and "7 takeaways" in event.note


def test_imported_draft_is_searchable_by_its_parts(reporter):
    article = importing.import_text(SEED_SHAPED, reporter).article
    article.refresh_from_db()
    assert "whatever the spreadsheet says" in article.search_document
    assert "Ada Quayle" in article.search_document


def test_editor_cannot_publish_the_seed_shaped_draft_until_its_claims_cite_sources(
    reporter, editor
):
    article = importing.import_text(SEED_SHAPED, reporter).article
    workflow.submit(article, reporter)
    with pytest.raises(ValidationError) as refused:
        workflow.publish(article, editor)
    messages = refused.value.messages
    assert [message for message in messages if "cites no source" in message] == messages
    assert len(messages) == 4
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_a_story_whose_claims_cite_its_sources_can_be_published(reporter, editor):
    article = importing.import_text(FULL, reporter).article
    first, second = article.claims.filter(status="verified")
    assert [source.title for source in first.sources.all()] == [
        "Council statement on the tram depot"
    ]
    assert second.sources.count() == 2
    assert article.claims.get(status="disputed").sources.get().title == "Noise survey, depot site"
    workflow.submit(article, reporter)
    workflow.publish(article, editor)
    assert article.is_live


def test_the_speaker_is_matched_to_an_existing_person_by_name(reporter):
    existing = make_person("Ada Quayle", role="Harbour master")
    article = importing.import_text(SEED_SHAPED, reporter).article
    pull = article.quotes.get()
    assert pull.speaker == existing
    assert pull.role == "chair of the Port Calder Harbour Board"  # the role at the time
    existing.refresh_from_db()
    assert existing.role == "Harbour master"  # the person's current role is left alone
    assert Person.objects.count() == 1


def test_a_new_speaker_gets_a_unique_slug(reporter):
    make_person("Someone Else", slug="ada-quayle")
    pull = importing.import_text(SEED_SHAPED, reporter).article.quotes.get()
    assert pull.speaker.slug == "ada-quayle-2"


def test_sources_are_matched_by_address_or_title_before_new_ones_are_made(reporter):
    by_url = make_source("Old title", url="https://example.org/tram/statement")
    by_title = make_source("noise survey, depot site", url="")
    summary = importing.import_text(
        FULL.replace(" — https://example.org/tram/noise-survey", ""), reporter
    )
    assert [entry.source for entry in summary.article.source_entries.all()] == [by_url, by_title]
    assert (summary.sources, summary.new_sources) == (2, 0)
    assert Source.objects.count() == 2


def test_a_text_with_a_problem_saves_nothing(reporter):
    before = counts()
    broken = SEED_SHAPED.replace("Bottom line\n", "Bottom line\n\nWhat comes next\n")
    with pytest.raises(importing.ImportRefused) as refused:
        importing.import_text(broken, reporter)
    assert [problem.line for problem in refused.value.problems] != []
    assert counts() == before


def test_a_failure_while_saving_rolls_the_whole_draft_back(reporter, monkeypatch):
    def fail(name: str, role: str) -> Person:
        raise RuntimeError("the speaker could not be saved")

    monkeypatch.setattr(importing, "person_for", fail)
    before = counts()
    with pytest.raises(RuntimeError):
        importing.import_text(SEED_SHAPED, reporter)
    assert counts() == before


def test_someone_who_cannot_write_stories_cannot_import(db):
    reader = make_user("visitor", group=None, is_staff=True)
    before = counts()
    with pytest.raises(PermissionDenied):
        importing.import_text(SEED_SHAPED, reader)
    assert counts() == before


def test_an_import_starts_the_story_history(reporter):
    summary = importing.import_text(SEED_SHAPED.encode(), reporter)
    (revision,) = revisions.revisions_of(summary.article)
    assert revision.action == "import"
