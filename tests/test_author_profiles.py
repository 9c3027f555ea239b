"""Author profiles: what a profile holds, who may edit it, and the public page it makes."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from authors.editing import can_edit, save_profile
from authors.models import Profile
from tests.api_client import get_json
from tests.factories import make_article, make_image, make_profile, make_user
from tests.html import parse

pytestmark = pytest.mark.django_db

FULL = {
    "display_name": "Rosa Penrose",
    "role": "Housing correspondent",
    "bio": "Rosa has covered rents and repairs in Port Calder since the estates were sold.",
    "beat": "housing",
    "expertise": "tenancy law, council budgets, planning",
    "location": "Port Calder",
    "languages": "English, Welsh",
    "links": "https://social.example/@rosap\nhttps://www.example.org/rosa",
    "contact": "tips@ledger.example",
}


def json_ld(page) -> dict:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


@pytest.fixture
def story(reporter, editor):
    return make_article(reporter, status="published", editor=editor, headline="Rents rise again")


# -- what a profile holds ------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["rosa", "ROSA", "Rhys"])
def test_an_address_that_is_any_login_name_is_refused(reporter, other_reporter, slug):
    profile = Profile(user=reporter, display_name="Rosa Penrose", slug=slug.lower())
    with pytest.raises(ValidationError) as refused:
        profile.full_clean()
    assert "login name" in " ".join(refused.value.message_dict["slug"])


@pytest.mark.parametrize("slug", ["Rosa-Penrose", "rosa penrose", "-rosa", "rosa--p", "rösa"])
def test_an_address_is_lowercase_words_joined_by_hyphens(reporter, slug):
    with pytest.raises(ValidationError) as refused:
        Profile(user=reporter, display_name="Rosa", slug=slug).full_clean()
    assert "slug" in refused.value.message_dict


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("links", "https://ok.example/a\njavascript:alert(1)", "is not a web address"),
        ("links", "ftp://files.example/rosa", "is not a web address"),
        ("contact", "not an address", "email address"),
        ("contact", "javascript:alert(1)", "email address"),
        ("bio", "x" * 1001, "at most 1000"),
    ],
)
def test_links_contact_and_bio_are_checked_with_a_clear_message(reporter, field, value, words):
    profile = Profile(user=reporter, display_name="Rosa", slug="rosa-penrose", **{field: value})
    with pytest.raises(ValidationError) as refused:
        profile.full_clean()
    assert words in " ".join(refused.value.message_dict[field])


def test_lists_are_read_from_their_text(reporter):
    profile = make_profile(reporter, slug="rosa-penrose", **FULL)
    assert profile.expertise_list == ["tenancy law", "council budgets", "planning"]
    assert profile.language_list == ["English", "Welsh"]
    assert profile.link_list == ["https://social.example/@rosap", "https://www.example.org/rosa"]
    assert profile.contact_is_email


# -- who may edit ------------------------------------------------------------------------------


def test_a_writer_edits_their_own_profile_and_no_one_elses(reporter, other_reporter):
    mine = make_profile(reporter, slug="rosa-penrose")
    theirs = make_profile(other_reporter, slug="rhys-morgan")
    assert can_edit(reporter, mine) and not can_edit(reporter, theirs)
    mine.role = "Housing reporter"
    save_profile(reporter, mine)
    theirs.role = "Intern"
    with pytest.raises(PermissionDenied):
        save_profile(reporter, theirs)
    assert Profile.objects.get(pk=theirs.pk).role == ""


def test_a_writer_cannot_hand_their_profile_to_someone_else(reporter, other_reporter):
    mine = make_profile(reporter, slug="rosa-penrose")
    mine.user = other_reporter
    with pytest.raises(PermissionDenied):
        save_profile(reporter, mine)
    assert Profile.objects.get(pk=mine.pk).user == reporter


def test_editors_and_superusers_edit_any_profile(reporter, editor):
    profile = make_profile(reporter, slug="rosa-penrose")
    boss = make_user("owner", is_superuser=True)
    for user in (editor, boss):
        assert can_edit(user, profile)
        profile.role = f"Edited by {user.first_name}"
        save_profile(user, profile)


def test_an_inactive_account_or_a_reader_edits_nothing(reporter):
    profile = make_profile(reporter, slug="rosa-penrose")
    reporter.is_active = False
    assert not can_edit(reporter, profile)
    assert not can_edit(make_user("visitor"), Profile(user_id=None))


def test_save_profile_refuses_bad_input(reporter):
    profile = Profile(user=reporter, display_name="Rosa", slug="rosa")
    with pytest.raises(ValidationError):
        save_profile(reporter, profile)
    assert not Profile.objects.exists()


# -- in the admin ------------------------------------------------------------------------------


def test_a_reporter_sees_only_their_own_profile_in_the_admin(
    reporter, other_reporter, reporter_client
):
    mine = make_profile(reporter, slug="rosa-penrose")
    theirs = make_profile(other_reporter, slug="rhys-morgan", display_name="Rhys Morgan")
    listing = reporter_client.get("/admin/authors/profile/")
    assert listing.status_code == 200
    assert "rosa-penrose" in listing.content.decode()
    assert "Rhys Morgan" not in listing.content.decode()
    assert reporter_client.get(f"/admin/authors/profile/{mine.pk}/change/").status_code == 200
    other = reporter_client.get(f"/admin/authors/profile/{theirs.pk}/change/")
    assert other.status_code in (302, 403, 404)
    posted = reporter_client.post(
        f"/admin/authors/profile/{theirs.pk}/change/",
        {"display_name": "Hijacked", "slug": "rhys-morgan"},
    )
    assert posted.status_code in (302, 403, 404)
    assert Profile.objects.get(pk=theirs.pk).display_name == "Rhys Morgan"


def test_a_reporter_creates_their_own_profile_and_cannot_choose_whose(
    reporter, other_reporter, reporter_client
):
    form = {**FULL, "slug": "rosa-penrose", "user": other_reporter.pk, "is_public": "on"}
    response = reporter_client.post("/admin/authors/profile/add/", form)
    assert response.status_code == 302
    assert Profile.objects.get().user == reporter
    assert reporter_client.get("/admin/authors/profile/add/").status_code == 403


def test_a_bad_profile_in_the_admin_says_why_and_keeps_what_was_typed(reporter_client):
    form = {**FULL, "slug": "rosa", "contact": "call me"}
    response = reporter_client.post("/admin/authors/profile/add/", form)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This address is a login name" in html
    assert "Give an email address" in html
    assert "Rosa has covered rents and repairs" in html and "tenancy law" in html
    assert not Profile.objects.exists()


def test_an_editor_edits_anyones_profile_in_the_admin(reporter, editor_client):
    profile = make_profile(reporter, slug="rosa-penrose")
    form = {**FULL, "user": reporter.pk, "slug": "rosa-penrose", "display_name": "R. Penrose"}
    response = editor_client.post(f"/admin/authors/profile/{profile.pk}/change/", form)
    assert response.status_code == 302
    assert Profile.objects.get().display_name == "R. Penrose"


# -- the public page ---------------------------------------------------------------------------


def test_the_author_page_shows_the_profile_and_their_stories(client, reporter, story):
    make_profile(
        reporter, slug="rosa-penrose", photo=make_image(alt_text="Rosa at her desk"), **FULL
    )
    page = parse(client.get("/authors/rosa-penrose/"))
    text = " ".join(page.main.get_text(" ").split())
    assert page.h1.text == "Rosa Penrose"
    for shown in (
        "Housing correspondent",
        "covers housing",
        "since the estates were sold",
        "tenancy law, council budgets, planning",
        "Port Calder",
        "English, Welsh",
    ):
        assert shown in text
    assert page.select_one(".author-photo img")["alt"] == "Rosa at her desk"
    assert page.select_one('.author-facts a[href="mailto:tips@ledger.example"]')
    links = [a["href"] for a in page.select(".author-links a")]
    assert links == ["https://social.example/@rosap", "https://www.example.org/rosa"]
    assert [a.text for a in page.select(".story-card-headline a")] == ["Rents rise again"]


def test_the_author_page_describes_a_person_in_json_ld(client, reporter, story):
    make_profile(
        reporter, slug="rosa-penrose", photo=make_image(alt_text="Rosa at her desk"), **FULL
    )
    data = json_ld(parse(client.get("/authors/rosa-penrose/")))
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Rosa Penrose"
    assert person["url"] == "http://testserver/authors/rosa-penrose/"
    assert person["jobTitle"] == "Housing correspondent"
    assert person["description"].startswith("Rosa has covered rents")
    assert person["image"]["url"].startswith("http://testserver/")
    assert person["sameAs"] == ["https://social.example/@rosap", "https://www.example.org/rosa"]
    assert person["knowsAbout"] == ["tenancy law", "council budgets", "planning"]
    assert person["knowsLanguage"] == ["English", "Welsh"]
    assert person["workLocation"] == {"@type": "Place", "name": "Port Calder"}
    assert person["email"] == "tips@ledger.example"


def test_a_public_profiles_photo_is_served_to_everyone_and_follows_its_alt_text(
    client, reporter, story
):
    photo = make_image(alt_text="Rosa at her desk")
    profile = make_profile(reporter, slug="rosa-penrose", photo=photo, is_public=False)
    src = photo.fallback.url
    assert client.get(src).status_code == 404  # a private profile's photo stays private
    profile.is_public = True
    profile.save()
    assert client.get(src).status_code == 200
    client.get("/authors/rosa-penrose/")
    photo.alt_text = "Rosa Penrose in the newsroom"
    photo.save()
    page = parse(client.get("/authors/rosa-penrose/"))
    assert page.select_one(".author-photo img")["alt"] == "Rosa Penrose in the newsroom"


def test_json_ld_says_only_what_the_profile_fills_in(client, reporter, story):
    make_profile(
        reporter, slug="rosa-penrose", display_name="Rosa", contact="https://ledger.example/tips"
    )
    person = json_ld(parse(client.get("/authors/rosa-penrose/")))["mainEntity"]
    assert person == {
        "@type": "Person",
        "name": "Rosa",
        "url": "http://testserver/authors/rosa-penrose/",
        "contactPoint": {"@type": "ContactPoint", "url": "https://ledger.example/tips"},
    }


def test_login_names_private_profiles_and_unpublished_writers_get_the_unknown_404(
    client, reporter, other_reporter, editor, story
):
    make_profile(reporter, slug="rosa-penrose", is_public=False)
    make_profile(other_reporter, slug="rhys-morgan")  # public, but nothing published
    make_article(other_reporter, headline="A draft")
    unknown = client.get("/authors/no-such-writer/")
    assert unknown.status_code == 404
    for address in ("rosa-penrose", "rhys-morgan", "rosa", "rhys", "marek", "Rosa"):
        response = client.get(f"/authors/{address}/")
        assert response.status_code == 404, address
        assert response.content == unknown.content.replace(b"no-such-writer", address.encode())


def test_a_byline_links_to_the_profile_only_while_it_is_public(client, reporter, story):
    profile = make_profile(reporter, slug="rosa-penrose", display_name="Rosa Penrose")
    page = parse(client.get(story.get_absolute_url()))
    assert page.select_one(".bylines a")["href"] == "/authors/rosa-penrose/"
    profile.is_public = False
    profile.save()
    page = parse(client.get(story.get_absolute_url()))
    assert page.select_one(".bylines a") is None
    assert "Rosa Penrose" in page.select_one(".bylines").text


def test_a_profile_change_shows_at_once_on_bylines_cards_and_feeds(client, reporter, story):
    for url in (story.get_absolute_url(), "/", "/feeds/rss/"):
        client.get(url)
    make_profile(reporter, slug="rosa-penrose", display_name="Rosa Quillfeather")
    for url in (story.get_absolute_url(), "/", "/feeds/rss/", "/api/v1/stories/"):
        assert "Rosa Quillfeather" in client.get(url).content.decode(), url


# -- the API -----------------------------------------------------------------------------------


def test_the_api_lists_public_profiles_by_address_never_by_login(
    client, reporter, other_reporter, editor, story
):
    make_article(other_reporter, status="published", editor=editor)
    make_profile(reporter, slug="rosa-penrose", display_name="Rosa Penrose")
    make_profile(other_reporter, slug="rhys-morgan", is_public=False)
    authors = get_json(client, "/api/v1/authors/")["results"]
    assert authors == [
        {
            "slug": "rosa-penrose",
            "name": "Rosa Penrose",
            "page_url": "http://testserver/authors/rosa-penrose/",
            "stories_url": "http://testserver/api/v1/stories/?author=rosa-penrose",
            "story_count": 1,
        }
    ]
    bylines = get_json(client, f"/api/v1/stories/{story.slug}/")["bylines"]
    assert bylines[0]["author"]["slug"] == "rosa-penrose"
    assert get_json(client, "/api/v1/stories/?author=rosa")["results"] == []
    assert get_json(client, "/api/v1/stories/?author=rhys-morgan")["results"] == []
