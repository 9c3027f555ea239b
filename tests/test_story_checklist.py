"""The story's checklist: every rule the workflow runs, labelled, pointing at the editor part
that fixes it, and agreeing with what submit and publish refuse."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import rules, workflow
from articles.models import Article, Claim, Quote
from images.models import Image
from tests.factories import add_parts, make_article, make_image, make_person, make_source

pytestmark = pytest.mark.django_db


def item(article, part):
    (found,) = [each for each in rules.checklist(article) if each.part == part]
    return found


def reloaded(article):
    return Article.objects.get(pk=article.pk)


def test_the_checklist_lists_every_rule_with_its_label_part_and_stage(reporter):
    article = make_article(reporter)
    assert [(each.label, each.part, each.needed_for) for each in rules.checklist(article)] == [
        ("A headline", "headline", "submit"),
        ("A standfirst", "standfirst", "submit"),
        ("At least one key takeaway", "takeaways", "submit"),
        ("The lead image has alt text", "lead-image", "submit"),
        ("Every verified fact cites a source", "verified", "publish"),
        ("The pull quote's speaker has a role", "quotes", "publish"),
    ]


def test_the_checklist_runs_the_rules_the_workflow_runs():
    assert [each.part for each in rules.PUBLISH_RULES] == [
        "headline",
        "standfirst",
        "takeaways",
        "lead-image",
        "verified",
        "quotes",
    ]
    assert set(rules.SUBMIT_RULES) < set(rules.PUBLISH_RULES)


def test_a_complete_story_meets_every_rule(reporter):
    article = make_article(reporter, lead_image=make_image())
    Quote.objects.create(article=article, speaker=make_person(), text="Soon.", is_pull=True)
    assert all(each.ok and each.problems == [] for each in rules.checklist(article))


def test_a_missing_headline_points_at_the_headline(reporter):
    article = make_article(reporter)
    Article.objects.filter(pk=article.pk).update(headline="  ")
    check = item(reloaded(article), "headline")
    assert not check.ok
    assert check.problems == ["The story needs a headline."]


def test_a_missing_standfirst_points_at_the_standfirst(reporter):
    article = make_article(reporter, standfirst="")
    check = item(article, "standfirst")
    assert (check.ok, check.problems) == (False, ["The story needs a standfirst."])


def test_a_story_without_takeaways_points_at_the_takeaways(reporter):
    article = make_article(reporter, takeaways=0)
    check = item(article, "takeaways")
    assert (check.ok, check.problems) == (False, ["The story needs at least one key takeaway."])


def test_a_lead_image_without_alt_text_points_at_the_lead_image(reporter):
    image = make_image(caption="Night ferry leaving the pier")
    Image.objects.filter(pk=image.pk).update(alt_text=" ")
    article = make_article(reporter, lead_image=Image.objects.get(pk=image.pk))
    check = item(article, "lead-image")
    assert check.problems == ["The lead image “Night ferry leaving the pier” needs alt text."]
    assert not check.ok


def test_a_story_without_a_lead_image_has_nothing_to_fix_there(reporter):
    assert item(make_article(reporter), "lead-image").ok


def test_an_uncited_verified_fact_points_at_the_verified_facts(reporter):
    article = make_article(reporter, verified_claims=0)
    Claim.objects.create(article=article, text="The council met on Tuesday.", status="verified")
    check = item(article, "verified")
    assert check.problems == ["Verified claim 1 (“The council met on Tuesday.”) cites no source."]
    assert check.needed_for == "publish"


def test_verified_facts_are_numbered_as_readers_count_them(reporter):
    """The third claim is the second paragraph under "Verified facts" on the page."""
    article = make_article(reporter, verified_claims=0)
    Claim.objects.create(article=article, text="A rumour.", status="unconfirmed")
    cited = Claim.objects.create(article=article, text="The vote was 7-2.", status="verified")
    cited.sources.add(make_source())
    Claim.objects.create(article=article, text="Work starts in May.", status="verified")
    assert item(article, "verified").problems == [
        "Verified claim 2 (“Work starts in May.”) cites no source."
    ]


def test_unconfirmed_claims_need_no_source(reporter):
    article = make_article(reporter, verified_claims=0)
    Claim.objects.create(article=article, text="A rumour.", status="unconfirmed")
    assert item(article, "verified").ok


def test_a_pull_quote_without_the_speakers_role_points_at_the_quotes(reporter):
    article = make_article(reporter)
    speaker = make_person("Ben Yarrow", role="")
    Quote.objects.create(article=article, speaker=speaker, text="We will see.", is_pull=True)
    check = item(article, "quotes")
    assert check.problems == ["The pull quote needs the speaker's role (“Ben Yarrow, …”)."]
    assert not check.ok


def test_a_quote_that_is_not_the_pull_quote_needs_no_role(reporter):
    article = make_article(reporter)
    Quote.objects.create(article=article, speaker=make_person(role=""), text="Maybe.")
    assert item(article, "quotes").ok


def test_the_checklist_shows_the_messages_submit_refuses_with(reporter):
    article = make_article(reporter, takeaways=0, standfirst="")
    for_submit = [each for each in rules.checklist(article) if each.needed_for == "submit"]
    shown = [problem for each in for_submit for problem in each.problems]
    with pytest.raises(ValidationError) as refused:
        workflow.submit(article, reporter)
    assert refused.value.messages == shown


def test_the_checklist_shows_the_messages_publish_refuses_with(reporter, editor):
    article = make_article(reporter, status="review")
    article.claims.get().sources.clear()
    Quote.objects.create(article=article, speaker=make_person(role=""), text="No.", is_pull=True)
    shown = [problem for each in rules.checklist(article) for problem in each.problems]
    assert len(shown) == 2
    with pytest.raises(ValidationError) as refused:
        workflow.publish(article, editor)
    assert refused.value.messages == shown


def test_the_checklist_reads_the_parts_afresh_not_a_stale_prefetch(reporter):
    """The editor's live preview runs it on a story whose parts it has just saved."""
    article = Article.objects.prefetch_related("takeaways").get(pk=make_article(reporter).pk)
    article.takeaways.all().delete()
    assert not item(article, "takeaways").ok


def queries_for_checklist(article) -> int:
    article = reloaded(article)
    with CaptureQueriesContext(connection) as captured:
        rules.checklist(article)
    return len(captured)


def test_the_checklist_runs_the_same_few_queries_however_many_parts(
    reporter, django_assert_max_num_queries
):
    small = make_article(reporter, lead_image=make_image())
    Quote.objects.create(article=small, speaker=make_person(), text="Soon.", is_pull=True)
    large = make_article(reporter, lead_image=make_image(), takeaways=5, verified_claims=5)
    add_parts(large, 12)
    Claim.objects.create(article=large, text="Uncited.", status="verified")
    Quote.objects.create(article=large, speaker=make_person(role=""), text="No.", is_pull=True)
    assert queries_for_checklist(small) == queries_for_checklist(large)
    large = reloaded(large)
    with django_assert_max_num_queries(4):
        rules.checklist(large)
