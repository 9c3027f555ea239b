"""The publisher as schema.org NewsMediaOrganization, read back with extruct as search engines
read it: on a story (its NewsArticle's publisher), the front page and the policy pages."""

from __future__ import annotations

import datetime

import extruct
import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from tests.factories import make_full_story
from tests.trust_support import write_policy, write_publisher
from trust.models import Policy, Publisher

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
POLICY_PROPERTIES = {
    "publishingPrinciples": "principles",
    "ethicsPolicy": "ethics",
    "correctionsPolicy": "corrections",
    "verificationFactCheckingPolicy": "verification",
    "unnamedSourcesPolicy": "unnamed-sources",
    "ownershipFundingInfo": "ownership",
    "missionCoveragePrioritiesPolicy": "mission",
    "diversityPolicy": "diversity",
    "masthead": "masthead",
    "actionableFeedbackPolicy": "feedback",
}


def json_ld(response) -> list[dict]:
    return extruct.extract(response.content.decode(), base_url=BASE, syntaxes=["json-ld"])[
        "json-ld"
    ]


def story_publisher(client, story) -> dict:
    (article,) = [item for item in json_ld(client.get(story.get_absolute_url()))]
    assert article["@type"] == "NewsArticle"
    return article["publisher"]


@pytest.fixture
def story(reporter, editor):
    return make_full_story(reporter, editor)


def test_the_publisher_is_a_news_media_organization_with_name_logo_and_address(
    client, story, settings
):
    publisher = story_publisher(client, story)
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == settings.NEWSROOM_SITE_NAME
    assert publisher["url"] == f"{BASE}/"
    logo = publisher["logo"]
    assert logo["@type"] == "ImageObject" and logo["url"].startswith(f"{BASE}/static/")
    assert (logo["width"], logo["height"]) == (600, 60)


def test_the_logo_is_a_600_by_60_png_in_our_static_files():
    with Image.open(finders.find("trust/logo.png")) as logo:
        assert (logo.format, logo.size) == ("PNG", (600, 60))


def test_every_filled_in_policy_is_a_property_with_its_absolute_address(client, story, editor):
    for kind in Policy.Kind.values:
        write_policy(editor, kind, f"Our {kind} text.")
    publisher = story_publisher(client, story)
    for prop, kind in POLICY_PROPERTIES.items():
        assert publisher[prop] == f"{BASE}/about/{kind}/", prop
        assert client.get(publisher[prop].removeprefix(BASE)).status_code == 200


def test_an_empty_policy_gives_no_property(client, story, editor):
    write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    Policy.objects.create(kind=Policy.Kind.DIVERSITY, body="")
    publisher = story_publisher(client, story)
    assert publisher["ethicsPolicy"] == f"{BASE}/about/ethics/"
    assert not (set(POLICY_PROPERTIES) - {"ethicsPolicy"}) & set(publisher)


def test_the_publisher_record_gives_name_founding_date_and_profiles(client, story, editor):
    write_publisher(
        editor,
        name="Ledger Media",
        founding_date=datetime.date(1998, 4, 1),
        same_as="https://social.example/@ledger\n\nhttps://video.example/ledger\n",
    )
    publisher = story_publisher(client, story)
    assert publisher["name"] == "Ledger Media"
    assert publisher["foundingDate"] == "1998-04-01"
    assert publisher["sameAs"] == ["https://social.example/@ledger", "https://video.example/ledger"]


def test_without_a_record_there_is_no_founding_date_or_profiles(client, story):
    publisher = story_publisher(client, story)
    assert "foundingDate" not in publisher and "sameAs" not in publisher


@pytest.mark.parametrize("url", ["/", "/about/", "/about/ethics/"])
def test_the_front_and_policy_pages_carry_the_organization(client, editor, url):
    write_policy(editor, Policy.Kind.ETHICS, "We are fair.")
    (organization,) = json_ld(client.get(url))
    assert organization["@context"] == "https://schema.org"
    assert organization["@type"] == "NewsMediaOrganization"
    assert organization["ethicsPolicy"] == f"{BASE}/about/ethics/"


def test_a_profile_that_is_not_an_address_is_refused_naming_its_line(editor):
    with pytest.raises(ValidationError) as caught:
        write_publisher(editor, same_as="https://social.example/@ledger\nour page on Video\n")
    assert "Line 2" in caught.value.message_dict["same_as"][0]
    assert not Publisher.objects.exists()


def test_a_reporter_cannot_change_the_publisher_in_the_admin(reporter_client, editor):
    write_publisher(editor, name="Ledger Media")
    url = reverse("admin:trust_publisher_change", args=[1])
    assert reporter_client.post(url, {"name": "Mine"}).status_code == 403
    assert Publisher.current().name == "Ledger Media"


def test_there_is_only_ever_one_publisher_record(editor):
    write_publisher(editor, name="One")
    write_publisher(editor, name="Two")
    assert list(Publisher.objects.values_list("pk", "name")) == [(1, "Two")]


def test_a_founding_date_in_the_future_is_refused(editor):
    with pytest.raises(ValidationError) as caught:
        write_publisher(editor, founding_date=datetime.date.today() + datetime.timedelta(days=2))
    assert "future" in caught.value.message_dict["founding_date"][0]
