"""The story form's autocompletes (section, cited sources, speaker) list their choices in a
stable, readable order, and a source's address typed without a scheme becomes https://.

Found by the browser tests: the admins count stories per row, a grouped query drops
Meta.ordering, and Django warned "Pagination may yield inconsistent results"."""

import warnings

import pytest
from django.core.paginator import UnorderedObjectListWarning

from sources.models import Source
from tests.factories import make_person, make_section, make_source


def autocomplete(client, app_label: str, model_name: str, field_name: str) -> list[str]:
    """The choices the story form's autocomplete offers before anything is typed."""
    query = {"app_label": app_label, "model_name": model_name, "field_name": field_name}
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = client.get("/admin/autocomplete/", query)
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


@pytest.mark.django_db
def test_story_form_autocompletes_list_choices_in_order(reporter_client):
    for name in ["Weather", "City", "Port"]:
        make_section(name)
    for title in ["Tide tables", "Budget paper", "Ferry filing"]:
        make_source(title, publisher="")
    for name in ["Wyn Evans", "Ada Quayle", "Mina Ross"]:
        make_person(name)

    assert autocomplete(reporter_client, "articles", "article", "section") == [
        "City",
        "Port",
        "Weather",
    ]
    assert autocomplete(reporter_client, "articles", "claim", "sources") == [
        "Budget paper",
        "Ferry filing",
        "Tide tables",
    ]
    assert autocomplete(reporter_client, "articles", "quote", "speaker") == [
        "Ada Quayle",
        "Mina Ross",
        "Wyn Evans",
    ]


@pytest.mark.django_db
def test_source_address_typed_without_a_scheme_is_saved_as_https(reporter_client):
    response = reporter_client.post(
        "/admin/sources/source/add/",
        {"title": "Winter timetable", "url": "ferries.example/winter", "kind": "document"},
    )
    assert response.status_code == 302
    assert Source.objects.get().url == "https://ferries.example/winter"
