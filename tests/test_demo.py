"""The demo newsroom as `load_demo` leaves it: two reporters and two editors with addresses,
stories published over the past days at their own times, a desk with work on it, no "Updated"
on a story that was never revised, and nothing added by a second run. (Loading it into an
empty database, at any hour, is tests/test_demo_loading.py.)"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from articles import demo, importing, roles, storytext, workflow
from articles.models import (
    Article,
    Byline,
    Claim,
    Correction,
    Quote,
    Section,
    StoryRevision,
    StorySource,
    Tag,
    WorkflowEvent,
)
from authors.models import Profile
from images.models import Image
from sources.models import Person, Source
from tests.html import parse
from tests.signin_support import password_step

pytestmark = pytest.mark.django_db

MODELS = (Article, Person, Source, WorkflowEvent, Image)
EVERY_KIND = (*MODELS, Section, Tag, Byline, Claim, Quote, StorySource, StoryRevision, Profile)
REVISED = ("correction", "update")  # the editing service's declared changes to a live story


def counts(models=MODELS):
    return [m.objects.count() for m in models]


@pytest.fixture(scope="module")
def demo_newsroom(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo newsroom, loaded once by the command for this module (loading takes seconds);
    returns what the command printed. Each test's changes are rolled back, and the newsroom
    with them at the module's end. Passwords are hashed as in every test (conftest)."""
    output = io.StringIO()
    media = tmp_path_factory.mktemp("demo-media")
    fast_hashing = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=True, MEDIA_ROOT=media, PASSWORD_HASHERS=fast_hashing),
    ):
        with transaction.atomic():
            call_command("load_demo", stdout=output)
            yield output.getvalue()
            transaction.set_rollback(True)


def user(username):
    return get_user_model().objects.get(username=username)


def live_stories():
    return [a for a in Article.objects.published() if a.is_live]


# -- the people ------------------------------------------------------------------------------


def test_demo_has_two_reporters_and_two_editors_who_sign_in_with_their_demo_passwords(
    demo_newsroom,
):
    editors = [u.username for u in demo.DEMO_USERS if u.group == "Editors"]
    reporters = [u.username for u in demo.DEMO_USERS if u.group == "Reporters"]
    assert len(editors) == len(reporters) == 2
    assert {"reporter", "editor"} <= {*editors, *reporters}
    for username in [*editors, *reporters]:
        client = Client()
        password = f"demo-{username}-pass"
        response = password_step(client, username, password)
        assert response.status_code == 302, username
        signed_in = user(username)
        assert client.session["_auth_user_id"] == str(signed_in.pk)
        assert roles.is_editor(signed_in) == (username in editors)
        assert roles.is_reporter(signed_in)


def test_every_demo_user_has_an_email_address(demo_newsroom):
    demo_users = get_user_model().objects.filter(username__in=[u.username for u in demo.DEMO_USERS])
    assert demo_users.count() == len(demo.DEMO_USERS)
    for demo_user in demo_users:
        assert demo_user.email.endswith("@ledger.example"), demo_user.username


def test_load_demo_prints_every_login_with_its_address(demo_newsroom):
    for demo_user in demo.DEMO_USERS:
        assert f"{demo_user.username} / {demo_user.password}" in demo_newsroom
        assert demo_user.email in demo_newsroom


def test_load_demo_gives_addresses_to_demo_users_loaded_without_them(demo_newsroom, settings):
    settings.DEBUG = True
    get_user_model().objects.filter(username__in=["reporter", "editor"]).update(email="")
    call_command("load_demo", stdout=io.StringIO())
    assert user("reporter").email == "rosa.penrose@ledger.example"
    assert user("editor").email == "marek.hollis@ledger.example"


# -- the desk ------------------------------------------------------------------------------------


def test_load_demo_creates_stories_in_every_state(demo_newsroom):
    assert len(live_stories()) >= 2
    assert Article.objects.in_review().count() >= 2
    assert Article.objects.filter(status="draft").count() >= 1
    assert Article.objects.scheduled().count() >= 1


def test_a_demo_draft_was_sent_back_by_an_editor_with_a_note(demo_newsroom):
    notes = [workflow.last_note_for_author(a) for a in Article.objects.filter(status="draft")]
    sent_back = [note for note in notes if note and note.action == workflow.SEND_BACK]
    assert sent_back
    for note in sent_back:
        assert len(note.note) > 40
        assert roles.is_editor(note.actor)
        assert not note.article.is_owned_by(note.actor)


def test_every_demo_story_in_review_can_be_published_by_an_editor_who_did_not_write_it(
    demo_newsroom,
):
    editors = [user("editor"), user("editor2")]
    in_review = list(Article.objects.in_review())
    assert len(in_review) >= 2
    for story in in_review:
        assert [e for e in editors if workflow.can(e, workflow.PUBLISH, story)], story.headline


def test_one_demo_editor_publishes_the_story_the_other_wrote(demo_newsroom):
    marek, priya = user("editor"), user("editor2")
    story = Article.objects.in_review().get(bylines__author=priya)
    with pytest.raises(PermissionDenied):
        workflow.publish(story, priya)
    workflow.publish(story, marek)
    assert Article.objects.published().filter(pk=story.pk).exists()


def test_a_demo_story_an_editor_wrote_was_published_by_the_other_editor(demo_newsroom):
    editors = roles.editors()
    by_editors = Article.objects.published().filter(bylines__author__in=editors).distinct()
    assert by_editors.exists()
    for story in by_editors:
        publisher = story.events.get(action=workflow.PUBLISH).actor
        assert roles.is_editor(publisher) and not story.is_owned_by(publisher)


def test_demo_users_get_workflow_emails_once_the_demo_is_loaded(
    demo_newsroom, django_capture_on_commit_callbacks
):
    story = Article.objects.in_review().get(bylines__author__username="reporter2")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(story, user("editor"))
    assert [message.to for message in mail.outbox] == [["tom.ashdown@ledger.example"]]


# -- times ---------------------------------------------------------------------------------------


def test_no_published_demo_story_shows_an_updated_time_unless_it_was_revised(demo_newsroom, client):
    shown = {}
    for story in live_stories():
        meta = parse(client.get(story.get_absolute_url())).select_one(".story-meta")
        revised = story.revisions.filter(action__in=REVISED).exists()
        shown[story.headline] = meta.select_one(".updated") is not None
        assert shown[story.headline] == revised, story.headline
    assert any(shown.values()) and not all(shown.values())


def test_the_revised_demo_story_carries_its_correction_from_after_publication(demo_newsroom):
    correction = Correction.objects.get()
    story = correction.article
    assert story.first_published_at < correction.created_at == story.revised_at
    assert story.revisions.get(action="correction").revision.date_created == story.revised_at
    assert Claim.objects.filter(article=story, text__contains="Four companies").exists()


def test_demo_stories_were_published_over_the_past_days_at_varied_newsroom_hours(demo_newsroom):
    now = timezone.now()
    published = [timezone.localtime(a.first_public_at) for a in live_stories()]
    assert all(moment < now for moment in published)
    assert len({moment.date() for moment in published}) >= 3
    assert len({moment.time() for moment in published}) == len(published)
    assert all(datetime.time(6) <= moment.time() <= datetime.time(23) for moment in published)
    assert min(published) > now - datetime.timedelta(days=10)


def test_every_demo_story_history_runs_forward_and_ends_in_the_past(demo_newsroom):
    now = timezone.now()
    for story in Article.objects.all():
        times = [event.at for event in story.events.all()]
        assert times == sorted(times) and times[-1] < now, story.headline
        assert story.created_at == times[0]
        revisions = [r.revision.date_created for r in story.revisions.order_by("pk")]
        assert revisions == sorted(revisions) and revisions[-1] < now, story.headline


# -- loading again, the data file ---------------------------------------------------


def test_load_demo_gives_pictures_to_a_newsroom_loaded_without_them(demo_newsroom, settings):
    settings.DEBUG = True
    Article.objects.update(lead_image=None)
    Image.objects.all().delete()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert all(article.lead_image_id for article in Article.objects.published())
    assert "+ picture for" in output.getvalue()


def test_load_demo_twice_adds_nothing(demo_newsroom, settings):
    settings.DEBUG = True
    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before


def test_load_demo_twice_adds_no_row_of_any_kind(demo_newsroom, settings):
    settings.DEBUG = True
    before = counts(EVERY_KIND)
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert counts(EVERY_KIND) == before
    assert "nothing added" in output.getvalue()


def test_demo_stories_are_their_imported_texts_with_the_data_file_around_them(demo_newsroom):
    data = demo.newsroom()
    urls = {row["key"]: row["url"] for row in data["sources"]}
    for row in data["stories"]:
        article = Article.objects.with_story_parts().get(slug=row["slug"])
        text = storytext.parse(demo.story_text(row)).story
        quotes = article.quotes.order_by("position")
        assert [(q.text, q.speaker.name, q.role) for q in quotes] == [
            (q.text, q.speaker, q.role) for q in text.quotes
        ]
        text.quotes = text.quotes[:1]  # structure_of holds the pull quote only
        assert storytext.structure_of(article) == text
        assert [(q.speaker.slug, q.source.url if q.source else None) for q in quotes] == [
            (q["speaker"], urls.get(q["source"])) for q in row["quotes"]
        ]
        assert article.events.filter(action=importing.IMPORT).count() == 1
        assert article.section.slug == row["section"] and article.dateline == row["dateline"]
        assert sorted(tag.slug for tag in article.tags.all()) == sorted(row["tags"])
        assert [b.author.username for b in article.bylines.all()] == row["authors"]


def test_every_demo_writer_has_a_public_profile_their_bylines_link_to(demo_newsroom, client):
    profiles = {p.user.username: p for p in Profile.objects.select_related("user")}
    assert set(profiles) == {"reporter", "reporter2", "editor", "editor2"}
    for login, profile in profiles.items():
        assert profile.is_public and profile.bio and profile.role
        assert login not in profile.slug
    story = next(s for s in live_stories() if s.bylines.filter(author=user("reporter")))
    page = parse(client.get(story.get_absolute_url()))
    assert page.select_one(".bylines a")["href"] == "/authors/rosa-penrose/"
    author = parse(client.get("/authors/rosa-penrose/"))
    assert author.h1.text == "Rosa Penrose"
    assert author.select(".story-card")
