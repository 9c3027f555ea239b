"""The archive filters and searches published stories; bad filters are shown, then ignored."""

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.utils import timezone

from articles.filters import QuickSelect
from articles.models import Article, Claim, Quote
from articles.views import ArchiveView
from tests.factories import make_article, make_person, make_profile, make_section, make_tag
from tests.html import parse

pytestmark = pytest.mark.django_db


def on(day: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(f"{day} 12:00"))


@pytest.fixture
def stories(reporter, other_reporter, editor):
    """Three published stories that differ in every filterable way, and a draft."""
    city, sport = make_section("City"), make_section("Sport")
    harbour = make_article(reporter, status="published", editor=editor, section=city)
    harbour.tags.add(make_tag("Harbour"))
    Quote.objects.create(
        article=harbour, speaker=make_person("Ada Quayle", slug="ada"), text="Dredge it."
    )
    Claim.objects.create(article=harbour, text="Silt rose by a metre.", status="unconfirmed")
    derby = make_article(other_reporter, status="published", editor=editor, section=sport)
    make_profile(other_reporter, slug="rhys-morgan", display_name="Rhys Morgan")
    derby.tags.add(make_tag("Football"))
    budget = make_article(reporter, status="published", editor=editor, section=city)
    draft = make_article(reporter, section=city, headline="Draft zqxjv")
    draft.tags.add(make_tag("Harbour"))
    for article, day in ((harbour, "2026-01-10"), (derby, "2026-02-10"), (budget, "2026-03-10")):
        Article.objects.filter(pk=article.pk).update(published_at=on(day))
    for article in (harbour, derby, budget):
        article.refresh_search_document()
    return {"harbour": harbour, "derby": derby, "budget": budget}


def listed(client, query: str = "") -> list[str]:
    response = client.get(f"/articles/{query}")
    assert response.status_code == 200
    return [a.text for a in parse(response).select(".story-card-headline a")]


def names(stories, *keys):
    return [stories[key].headline for key in keys]


def test_archive_lists_every_published_story_newest_first(client, stories):
    assert listed(client) == names(stories, "budget", "derby", "harbour")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?section=city", ["budget", "harbour"]),
        ("?tag=harbour", ["harbour"]),
        ("?author=rhys-morgan", ["derby"]),
        ("?person=ada", ["harbour"]),
        ("?published_from=2026-02-01", ["budget", "derby"]),
        ("?published_to=2026-02-10", ["derby", "harbour"]),
        ("?published_from=2026-02-01&published_to=2026-02-28", ["derby"]),
        ("?section=city&tag=harbour", ["harbour"]),
        ("?sort=oldest", ["harbour", "derby", "budget"]),
    ],
)
def test_filters_narrow_the_archive(client, stories, query, expected):
    assert listed(client, query) == names(stories, *expected)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("silt", ["harbour"]),  # an unconfirmed claim
        ("dredge quayle", ["harbour"]),  # a quote and its speaker
        ("takeaway", ["budget", "derby", "harbour"]),  # every story's takeaway
        ("zqxjv", []),  # only in a draft
        ("dredge football", []),  # every word must match
    ],
)
def test_search_words_cover_the_story_parts(client, stories, words, expected):
    assert listed(client, f"?q={words}") == names(stories, *expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?tag=Harbour", ["harbour"]),  # a tag's name, as a reader types it
        ("?tag=HARBOUR", ["harbour"]),
        ("?person=ada quayle", ["harbour"]),
        ("?author=rhys morgan", ["derby"]),  # a writer's profile name
        ("?author=rhys-morgan", ["derby"]),  # the profile's address in links from other pages
    ],
)
def test_tags_writers_and_people_can_be_typed_by_name(client, stories, query, expected):
    assert listed(client, query) == names(stories, *expected)


def test_names_only_drafts_carry_are_not_found(client, stories, reporter):
    draft = make_article(reporter)
    draft.tags.add(make_tag("Embargoed"))
    Quote.objects.create(article=draft, speaker=make_person("Secret Source"), text="Hush.")
    for query in ("?tag=Embargoed", "?person=Secret+Source", "?tag=embargoed"):
        page = parse(client.get(f"/articles/{query}"))
        assert page.select(".invalid-feedback"), query
        assert listed(client, query) == names(stories, "budget", "derby", "harbour")


def test_the_filter_form_lists_no_tags_people_or_writers(client, stories):
    """Hundreds of options made every archive page slow and were hard to use."""
    form = parse(client.get("/articles/")).select_one("form.archive-filters")
    assert [select["name"] for select in form.select("select")] == ["section", "type", "sort"]
    for name in ("tag", "author", "person"):
        box = form.select_one(f'input[name="{name}"]')
        assert box["type"] == "text" and form.select_one(f'label[for="{box["id"]}"]')


def test_the_form_keeps_what_the_reader_chose(client, stories):
    page = parse(client.get("/articles/?q=silt&section=city&published_from=2026-01-01"))
    form = page.select_one("form.archive-filters")
    assert form.select_one('input[name="q"]')["value"] == "silt"
    assert form.select_one('select[name="section"] option[selected]')["value"] == "city"
    assert form.select_one('input[name="published_from"]')["value"] == "2026-01-01"
    assert "form-control" in form.select_one('input[name="q"]')["class"]


@pytest.mark.parametrize(
    "query",
    [
        "?sort=password",
        "?sort=-author__password",
        "?sort=published_at;DROP TABLE articles_article",
        "?published_from=2025-13-45",
        "?published_to=yesterday",
        "?section=no-such-section",
        "?author=nobody",
        "?tag=no-such-tag",
        "?person=Nobody+At+All",
    ],
)
def test_a_bad_filter_value_is_reported_and_ignored(client, stories, query):
    response = client.get(f"/articles/{query}")
    assert response.status_code == 200
    page = parse(response)
    assert page.select(".invalid-feedback")
    assert listed(client, query) == names(stories, "budget", "derby", "harbour")


@pytest.mark.parametrize("typed", ["2025-13-45", "yesterday", "20260101"])
def test_a_date_that_is_not_a_date_is_explained_and_left_out_of_the_date_field(
    client, stories, typed
):
    """HTML allows only a real date as a date field's value (browsers would drop anything
    else), so the message stands alone; the reader's other choices stay."""
    page = parse(client.get("/articles/", {"published_from": typed, "q": "silt"}))
    field = page.select_one('.archive-filters input[name="published_from"]')
    assert field["type"] == "date" and not field.has_attr("value")
    assert field["aria-invalid"] == "true"
    assert page.select_one(f"#{field['aria-describedby']}").text.strip() == "Enter a valid date."
    assert page.select_one('.archive-filters input[name="q"]')["value"] == "silt"


def test_an_overlong_search_keeps_the_words_and_explains(client, stories):
    words = "harbour " * 1300
    response = client.get("/articles/", {"q": words})
    assert response.status_code == 200
    page = parse(response)
    assert "at most 200 characters" in page.select_one(".invalid-feedback").text
    assert page.select_one('.archive-filters input[name="q"]')["value"] == words


def test_archive_counts_published_stories_only(client, stories):
    heading = parse(client.get("/articles/")).select_one("#results-heading")
    assert heading.text == "3 stories"


def test_archive_pages_past_the_end_are_404(client, stories):
    assert client.get("/articles/?page=2").status_code == 404
    assert client.get("/articles/?page=last").status_code == 200


def test_pagination_links_keep_the_filters(client, reporter, editor, monkeypatch):
    monkeypatch.setattr(ArchiveView, "paginate_by", 1)
    section = make_section("City")
    for _ in range(2):
        make_article(reporter, status="published", editor=editor, section=section)
    page = parse(client.get("/articles/?section=city"))
    assert page.select_one('.pagination a[rel="next"]')["href"] == "?section=city&page=2"


def test_a_date_range_without_stories_lists_none(client, stories):
    since = timezone.now() - timedelta(days=1)
    assert listed(client, f"?published_from={since.date().isoformat()}") == []


def test_the_quick_select_writes_what_djangos_select_template_writes():
    choices = [("", "All"), ("a&b", 'Tom "T" <Tide>'), ("Group", [("1", "one"), ("2", "two")])]

    class Both(forms.Form):
        template = forms.ChoiceField(choices=choices, widget=forms.Select(attrs={"data-x": True}))
        quick = forms.ChoiceField(choices=choices, widget=QuickSelect(attrs={"data-x": True}))

    form = Both({"template": "2", "quick": "2"})

    def select(name):
        element = BeautifulSoup(str(form[name]), "html.parser").select_one("select")
        options = [
            (o.get("value"), o.text, o.has_attr("selected")) for o in element.select("option")
        ]
        groups = [group["label"] for group in element.select("optgroup")]
        return dict(element.attrs, name="-", id="-"), options, groups

    assert select("quick") == select("template")
