"""Newsroom policies: a page per filled-in kind, the standards page, the footer, the story's
"Our standards" link; empty kinds are nowhere; only editors may change them."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import make_full_story
from tests.html import form_fields, parse
from tests.trust_support import write_policy
from trust import editing
from trust.models import Policy

pytestmark = pytest.mark.django_db

ETHICS = (
    "# What we owe readers\n\nWe do not accept gifts from people we cover.\n\n"
    "## Conflicts\n\n- We declare them\n- We step aside"
)


def footer_links(response) -> dict[str, str]:
    footer = parse(response).find("footer")
    return {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}


def test_a_filled_in_policy_has_its_page_at_a_fixed_address(client, editor):
    write_policy(editor, Policy.Kind.ETHICS, ETHICS, summary="How we avoid conflicts.")
    response = client.get("/about/ethics/")
    assert response.status_code == 200
    page = parse(response)
    assert page.find("h1").get_text(strip=True) == "Ethics policy"
    # The policy's own headings sit under the page's h1.
    assert [h.name for h in page.select(".policy-text h2, .policy-text h3")] == ["h2", "h3"]
    assert page.select_one(".policy-text li").get_text() == "We declare them"


def test_last_updated_is_a_time_element_at_whole_seconds(client, editor):
    write_policy(editor, Policy.Kind.ETHICS, ETHICS)
    stamp = parse(client.get("/about/ethics/")).select_one(".meta time")["datetime"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", stamp), stamp


@pytest.mark.parametrize("url", ["/about/diversity/", "/about/no-such-kind/", "/about/"])
def test_an_empty_or_unknown_policy_has_no_page(client, editor, url):
    Policy.objects.create(kind=Policy.Kind.DIVERSITY, body="   ")
    assert client.get(url).status_code == 404


def test_a_policy_emptied_by_an_editor_leaves_the_site(client, editor):
    write_policy(editor, Policy.Kind.MASTHEAD, "Editor: someone.")
    assert client.get("/about/masthead/").status_code == 200
    write_policy(editor, Policy.Kind.MASTHEAD, "")
    assert client.get("/about/masthead/").status_code == 404
    assert "/about/masthead/" not in footer_links(client.get("/"))


def test_the_standards_page_lists_the_filled_in_policies_in_order(client, editor):
    write_policy(editor, Policy.Kind.FEEDBACK, "Write to us.")
    write_policy(editor, Policy.Kind.ETHICS, ETHICS, summary="How we avoid conflicts.")
    Policy.objects.create(kind=Policy.Kind.DIVERSITY)
    page = parse(client.get("/about/"))
    links = [a["href"] for a in page.select(".policy-list h2 a")]
    assert links == ["/about/ethics/", "/about/feedback/", reverse("articles:corrections")]
    assert "How we avoid conflicts." in page.select_one(".policy-list").get_text()


def test_the_footer_links_every_filled_in_policy_and_the_corrections(client, editor):
    write_policy(editor, Policy.Kind.CORRECTIONS, "We fix errors fast.")
    write_policy(editor, Policy.Kind.OWNERSHIP, "Owned by readers.")
    Policy.objects.create(kind=Policy.Kind.ETHICS)
    links = footer_links(client.get("/"))
    assert links["Our standards"] == "/about/"
    assert links["Corrections policy"] == "/about/corrections/"
    assert links["Ownership and funding"] == "/about/ownership/"
    assert links["Corrections we have made"] == reverse("articles:corrections")
    assert "/about/ethics/" not in links.values()


def test_with_no_policy_the_footer_still_links_the_corrections(client):
    links = footer_links(client.get("/"))
    assert links["Corrections we have made"] == reverse("articles:corrections")
    assert "/about/" not in links.values()


def test_each_story_links_our_standards_before_its_sources(client, reporter, editor):
    write_policy(editor, Policy.Kind.ETHICS, ETHICS)
    story = make_full_story(reporter, editor)
    article = parse(client.get(story.get_absolute_url())).find("article")
    link = article.select_one(".our-standards a")
    assert link["href"] == "/about/"
    following = [el.get("class") for el in link.find_all_next("section")]
    assert ["sources"] in following


def test_a_story_has_no_standards_link_while_no_policy_is_filled_in(client, reporter, editor):
    story = make_full_story(reporter, editor)
    assert parse(client.get(story.get_absolute_url())).select_one(".our-standards") is None


def test_policy_markdown_is_sanitised(client, editor):
    body = (
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[click](javascript:alert(1)) and [ok](https://ledger.example/)\n\n> A quote"
    )
    write_policy(editor, Policy.Kind.ETHICS, body)
    text = parse(client.get("/about/ethics/")).select_one(".policy-text")
    assert text.find("script") is None and text.find("img") is None
    assert not text.select("[onerror]")
    assert [a.get("href") for a in text.find_all("a")] == ["https://ledger.example/"]
    assert text.find("blockquote").get_text(strip=True) == "A quote"


# -- who may change them ------------------------------------------------------------------------


def test_a_reporter_cannot_change_a_policy_through_the_service(reporter, editor):
    write_policy(editor, Policy.Kind.ETHICS, ETHICS)
    policy = Policy.objects.get(kind=Policy.Kind.ETHICS)
    policy.body = "Anything goes."
    with pytest.raises(PermissionDenied):
        editing.save_policy(policy, reporter)
    with pytest.raises(PermissionDenied):
        editing.save_policy(Policy(kind=Policy.Kind.MASTHEAD, body="Me."), reporter)
    assert Policy.objects.get(kind=Policy.Kind.ETHICS).body == ETHICS
    assert not Policy.objects.filter(kind=Policy.Kind.MASTHEAD).exists()


def test_a_reporter_cannot_change_a_policy_through_the_admin(reporter_client, editor):
    policy = write_policy(editor, Policy.Kind.ETHICS, ETHICS)
    url = reverse("admin:trust_policy_change", args=[policy.pk])
    assert reporter_client.post(url, {"summary": "", "body": "Anything goes."}).status_code == 403
    add = reverse("admin:trust_policy_add")
    assert reporter_client.post(add, {"kind": "masthead", "body": "Me."}).status_code == 403
    assert Policy.objects.get(pk=policy.pk).body == ETHICS
    assert Policy.objects.count() == 1


def test_an_editor_writes_a_policy_in_the_admin(editor_client):
    response = editor_client.post(
        reverse("admin:trust_policy_add"),
        {"kind": "verification", "summary": "", "body": "We check *twice*."},
    )
    assert response.status_code == 302
    assert Policy.objects.get(kind="verification").body_html == "<p>We check <em>twice</em>.</p>"


def test_the_admin_keeps_a_policy_kind_fixed_once_written(editor_client, editor):
    policy = write_policy(editor, Policy.Kind.ETHICS, ETHICS)
    url = reverse("admin:trust_policy_change", args=[policy.pk])
    fields = form_fields(editor_client.get(url), "policy_form")
    assert "kind" not in fields
    fields.update(kind="masthead", body="Changed.")
    editor_client.post(url, fields)
    policy.refresh_from_db()
    assert (policy.kind, policy.body) == ("ethics", "Changed.")
