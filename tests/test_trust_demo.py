"""The demo newsroom's standards: every policy filled in, a publisher record, a valid trust.txt,
and nothing added by a second load."""

import pytest
from django.conf import settings

from trust import demo, trusttxt
from trust.models import Policy, Publisher

pytestmark = pytest.mark.django_db


def test_the_demo_fills_in_every_policy_and_the_publisher(editor, client):
    written = demo.load(editor, settings.NEWSROOM_SITE_URL)
    assert len(written) == len(Policy.Kind.values) + 1
    assert all(policy.is_filled for policy in Policy.objects.all())
    publisher = Publisher.current()
    assert publisher.founding_date is not None and len(publisher.same_as_urls) == 2
    assert trusttxt.parse(publisher.trust_txt, settings.NEWSROOM_SITE_URL).entries
    assert client.get("/trust.txt").status_code == 200
    for kind in Policy.Kind.values:
        assert client.get(f"/about/{kind}/").status_code == 200, kind


def test_loading_the_demo_twice_adds_nothing_and_keeps_an_editors_changes(editor):
    demo.load(editor, settings.NEWSROOM_SITE_URL)
    Policy.objects.filter(kind=Policy.Kind.ETHICS).update(body="Changed by an editor.")
    assert demo.load(editor, settings.NEWSROOM_SITE_URL) == []
    assert Policy.objects.count() == len(Policy.Kind.values)
    assert Policy.objects.get(kind=Policy.Kind.ETHICS).body == "Changed by an editor."
