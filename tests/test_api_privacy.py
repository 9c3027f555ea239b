"""Nothing private leaves through the API: planted markers appear in no endpoint's output."""

import pytest

from articles import workflow
from articles.models import Claim, Quote, StorySource
from tests.api_client import every_response
from tests.factories import add_parts, make_article, make_editor, make_person, make_source

pytestmark = pytest.mark.django_db

MARKERS = {
    "source notes": "qmarker-source-notes",
    "reporter email": "qmarker-reporter@newsroom.example",
    "editor email": "qmarker-editor@newsroom.example",
    "editor name": "Qmarkereditor",
    "send-back note": "qmarker-send-back-note",
    "unpublish note": "qmarker-unpublish-note",
    "quote context": "qmarker-quote-context",
}


@pytest.fixture
def newsroom(reporter):
    reporter.email = MARKERS["reporter email"]
    reporter.save()
    editor = make_editor("desk")
    editor.email = MARKERS["editor email"]
    editor.first_name = MARKERS["editor name"]
    editor.save()
    article = make_article(reporter, headline="Bridge inspection finds cracks")
    add_parts(article, 2)
    secret = make_source("Inspection report", notes=MARKERS["source notes"])
    StorySource.objects.create(article=article, source=secret)
    Claim.objects.filter(article=article).first().sources.add(secret)
    Quote.objects.create(
        article=article,
        speaker=make_person("Nell Barra", slug="nell-barra"),
        text="We are checking every bolt.",
        context=MARKERS["quote context"],
        source=secret,
        is_pull=True,
    )
    workflow.submit(article, reporter)
    workflow.send_back(article, editor, MARKERS["send-back note"])
    workflow.submit(article, reporter)
    workflow.publish(article, editor)
    withdrawn = make_article(reporter, status="published", editor=editor)
    workflow.unpublish(withdrawn, editor, MARKERS["unpublish note"])
    return article


def test_no_private_field_appears_in_any_response(newsroom, client):
    bodies = every_response(client)
    bodies["/api/v1/docs/"] = client.get("/api/v1/docs/").content
    assert any(newsroom.slug in url for url in bodies), "the story itself must be served"
    for url, body in bodies.items():
        text = body.decode().lower()
        for what, marker in MARKERS.items():
            assert marker.lower() not in text, f"{what} leaked through {url}"
        assert "md5$" not in text and "pbkdf2" not in text, url
