"""The Reporters and Editors groups exist from the migrations with the design's permissions."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_reporters_write_stories_but_cannot_publish_or_manage_sections():
    perms = codenames("Reporters")
    assert {"add_article", "change_article", "add_claim", "add_quote", "add_source"} <= perms
    assert "publish_article" not in perms
    assert not {"add_section", "change_section", "delete_section", "add_correction"} & perms
    assert not {"delete_source", "delete_person"} & perms


def test_editors_publish_and_manage_everything_in_the_newsroom():
    perms = codenames("Editors")
    assert {"publish_article", "add_correction", "change_section", "delete_source"} <= perms


def test_neither_group_can_manage_users():
    for group in ("Reporters", "Editors"):
        assert not {"add_user", "change_user", "change_group"} & codenames(group)
