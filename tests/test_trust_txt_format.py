"""trust.txt, JournalList's format: what the parser accepts and what it refuses, line by line.

The parser knows nothing of the database; these tests need none.
"""

import pytest
from django.core.exceptions import ValidationError

from trust.trusttxt import parse, render

OWN_SITE = "https://ledger.example/"


def refusal(text: str, own_site: str = OWN_SITE) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse(text, own_site=own_site)
    return caught.value.messages


def test_every_variable_of_the_format_is_read_in_order():
    text = (
        "# Who we are connected to\n"
        "belongto=https://press-association.example/\n"
        "member=https://fact-checkers.example/members\n"
        "control=https://ledger-radio.example/\n"
        "controlledby=https://harbour-media.example/\n"
        "social=https://social.example/@ledger\n"
        "contact=desk@ledger.example\n"
        "disclosure=https://ledger.example/about/ownership/\n"
        "vendor=https://cms-vendor.example/\n"
        "customer=https://wire-client.example/\n"
        "datatrainingallowed=no\n"
    )
    found = parse(text, own_site=OWN_SITE)
    assert [entry.variable for entry in found.entries] == [
        "belongto",
        "member",
        "control",
        "controlledby",
        "social",
        "contact",
        "disclosure",
        "vendor",
        "customer",
        "datatrainingallowed",
    ]
    assert found.values("contact") == ["desk@ledger.example"]


def test_comments_blank_lines_spaces_and_capitals_are_tolerated():
    found = parse("\n  # heading\n\nSocial = https://social.example/@ledger   # ours\n")
    assert [(e.line, e.variable, e.value) for e in found.entries] == [
        (4, "social", "https://social.example/@ledger")
    ]


def test_repeatable_variables_may_appear_many_times():
    found = parse("member=https://a.example/\nmember=https://b.example/\n")
    assert found.values("member") == ["https://a.example/", "https://b.example/"]


def test_an_unknown_variable_is_refused_naming_its_line():
    (message,) = refusal("member=https://a.example/\nowner=https://b.example/\n")
    assert message.startswith("Line 2:") and "owner" in message


def test_a_line_without_an_equals_sign_is_refused():
    (message,) = refusal("belongto https://a.example/\n")
    assert message.startswith("Line 1:") and "variable=value" in message


@pytest.mark.parametrize(
    "line",
    [
        "belongto=a.example",
        "member=ftp://a.example/",
        "social=javascript:alert(1)",
        "control=https://",
        "disclosure=not a url",
    ],
)
def test_variables_that_take_an_address_refuse_anything_else(line):
    (message,) = refusal(line)
    assert message.startswith("Line 1:") and "http" in message


@pytest.mark.parametrize(
    "value",
    [
        "desk@ledger.example",
        "mailto:desk@ledger.example",
        "https://x.example/contact",
        "+44 20 7946 0000",
    ],
)
def test_contact_takes_an_email_an_address_or_a_telephone_number(value):
    assert parse(f"contact={value}").values("contact") == [value]


@pytest.mark.parametrize("value", ["desk at ledger", "javascript:alert(1)", "12"])
def test_contact_refuses_what_is_neither(value):
    (message,) = refusal(f"contact={value}")
    assert "contact=" in message


def test_an_empty_value_is_refused():
    (message,) = refusal("member=\n")
    assert "needs a value" in message


def test_datatrainingallowed_is_yes_or_no():
    assert parse("datatrainingallowed=Yes").values("datatrainingallowed") == ["yes"]
    (message,) = refusal("datatrainingallowed=maybe")
    assert "yes or no" in message


def test_controlledby_appears_at_most_once():
    (message,) = refusal("controlledby=https://a.example/\ncontrolledby=https://a.example/\n")
    assert message.startswith("Line 2:") and "only once" in message and "line 1" in message


def test_conflicting_datatrainingallowed_lines_are_a_contradiction():
    (message,) = refusal("datatrainingallowed=yes\n# later\ndatatrainingallowed=no\n")
    assert message.startswith("Line 3:") and "contradicts line 1" in message


def test_a_site_named_as_both_controlling_and_controlled_is_a_contradiction():
    (message,) = refusal(
        "control=https://harbour.example\ncontrolledby=https://www.harbour.example/\n"
    )
    assert message.startswith("Line 2:") and "line 1" in message


@pytest.mark.parametrize("variable", ["control", "controlledby"])
def test_a_site_cannot_control_itself(variable):
    (message,) = refusal(f"{variable}=https://www.ledger.example")
    assert "cannot name itself" in message


def test_a_repeated_line_is_refused():
    (message,) = refusal("member=https://a.example/\nmember=https://a.example\n")
    assert message == "Line 2 repeats line 1."


def test_every_wrong_line_is_reported_at_once():
    messages = refusal("owner=x\nmember=nope\ndatatrainingallowed=perhaps\n")
    assert [m.split(":")[0] for m in messages] == ["Line 1", "Line 2", "Line 3"]


def test_an_empty_file_is_valid_and_has_no_entries():
    assert parse("").entries == [] and parse("# nothing yet\n").entries == []


def test_the_served_file_has_one_line_per_entry_after_a_comment_header():
    found = parse("MEMBER = https://a.example/ # note\ndatatrainingallowed=NO")
    assert render(found, header="trust.txt for us") == (
        "# trust.txt for us\nmember=https://a.example/\ndatatrainingallowed=no\n"
    )


def test_a_huge_file_is_refused_quickly():
    (message,) = refusal("member=https://a.example/\n" * 5000)
    assert "at most" in message
