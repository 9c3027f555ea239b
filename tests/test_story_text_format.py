"""The plain-text story format, rule by rule (articles.storytext.parse; no database)."""

from articles.storytext import (
    ClaimText,
    ImpactItemText,
    QuoteText,
    SourceLine,
    parse,
    reader,
)
from articles.storytext.structure import HEADLINE, SOURCE_URL, Limit
from tests.story_samples import FULL, SEED_SHAPED


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the first line holding `fragment`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in the text")


def problem_lines(parsed) -> list[int]:
    return [problem.line for problem in parsed.problems]


def story_with(body: str, headline: str = "Ferry fares rise in spring") -> str:
    return f"{headline}\n\nThe harbour board set new fares.\n\n{body}\n"


def problems_at(body: str, *fragments: str) -> list[str]:
    """Read a story with this body: its problems are on the lines holding `fragments`."""
    text = story_with(body)
    problems = parse(text).problems
    assert [problem.line for problem in problems] == [line_of(text, part) for part in fragments]
    return [problem.message for problem in problems]


# -- the seed's shape ----------------------------------------------------------------------


def test_seed_shaped_story_is_read_section_by_section():
    parsed = parse(SEED_SHAPED.encode())
    story = parsed.story
    assert parsed.problems == []
    assert story.headline == "Harbour board rules out private operator for the night ferry"
    assert len(story.standfirst) == 1 and story.standfirst[0].startswith("The Port Calder")
    assert len(story.takeaways) == 7
    assert story.takeaways[0].endswith("“at any meeting”.")
    assert len(story.verified) == 4
    assert len(story.analysis) == 2
    assert [item.label for item in story.impact_items] == [
        "Passengers",
        "Staff contracts",
        "Council budget",
    ]
    assert story.quotes == [
        QuoteText(
            "The night ferry is a public service and it will stay one, whatever the "
            "spreadsheet says,",
            "Ada Quayle",
            "chair of the Port Calder Harbour Board",
        )
    ]
    assert len(story.unconfirmed) == 3
    assert story.disputed == []
    assert len(story.bottom_line) == 1
    assert story.sources == []


def test_bullets_may_be_indented_and_use_any_marker():
    parsed = parse(story_with("Key takeaways\n\n   • One.\n- Two.\n\t* Three.\n•Four."))
    assert parsed.problems == []
    assert parsed.story.takeaways == ["One.", "Two.", "Three.", "Four."]


def test_a_bullet_may_wrap_onto_the_next_lines():
    parsed = parse(FULL)
    assert parsed.story.takeaways == [
        "The vote moves to 12 March.",
        "Officers will publish the noise survey before the vote.",
    ]


def test_paragraph_lines_are_joined_into_one_paragraph():
    assert parse(FULL).story.standfirst == [
        "The city council postponed its vote on the tram depot. The delay gives officers "
        "time to publish the noise survey."
    ]


def test_headings_ignore_case_surrounding_space_and_a_colon():
    parsed = parse(story_with("   KEY TAKEAWAYS:  \n\n• One.\n\nbottom LINE\n\nDone."))
    assert parsed.problems == []
    assert parsed.story.takeaways == ["One."]
    assert parsed.story.bottom_line == ["Done."]


def test_context_and_impact_may_be_spelled_with_and():
    assert parse(FULL).story.analysis == ["The depot is the last large piece of the tram plan."]


# -- quotations ----------------------------------------------------------------------------


def test_curly_straight_and_guillemet_quotations_are_pull_quotes():
    for opening, closing in (("“", "”"), ('"', '"'), ("«", "»")):
        text = story_with(
            f"Context & impact\n\n{opening}We will keep the fares low.{closing}\n\n"
            "Ada Quayle, chair of the board"
        )
        parsed = parse(text)
        assert parsed.problems == [], opening
        assert parsed.story.quotes == [
            QuoteText("We will keep the fares low.", "Ada Quayle", "chair of the board")
        ]


def test_attribution_may_sit_right_under_the_quotation():
    parsed = parse(FULL)
    assert parsed.story.quotes == [
        QuoteText(
            "We want every household to see the numbers first,",
            "Ifeoma Barnes",
            "cabinet member for transport",
        )
    ]


def test_attribution_role_may_hold_a_comma():
    parsed = parse(story_with("Context & impact\n\n“Yes.”\n\nNiamh Trevelyan, Chair, Fishermen"))
    assert parsed.story.quotes == [QuoteText("Yes.", "Niamh Trevelyan", "Chair, Fishermen")]


def test_guillemets_inside_a_paragraph_are_not_a_pull_quote():
    parsed = parse(SEED_SHAPED)
    assert parsed.story.verified[0].text.startswith("At the open session")
    assert "«any transfer of the night crossing to a private hand»" in parsed.story.verified[0].text
    assert len(parsed.story.quotes) == 1


def test_a_paragraph_that_only_starts_and_ends_with_quotes_is_not_a_quotation():
    text = story_with('Context & impact\n\n"Yes," she said, "and soon."')
    parsed = parse(text)
    assert parsed.problems == []
    assert parsed.story.analysis == ['"Yes," she said, "and soon."']


def test_a_quotation_without_attribution_is_reported_at_its_line():
    body = "Context & impact\n\n“We will keep the fares low.”\n\nThe board agreed."
    [message] = problems_at(body, "We will keep")
    assert "attribution" in message


def test_an_attribution_without_a_quotation_is_reported():
    problems_at("Context & impact\n\nThe board agreed.\n\nAda Quayle, chair", "Ada Quayle")


def test_later_quotations_are_kept_after_the_pull_quote():
    text = story_with(
        "Context & impact\n\n“First.”\n\nAda Quayle, chair\n\n«Second.»\n\nRhys Maddock, leader"
    )
    speakers = [quote.speaker for quote in parse(text).story.quotes]
    assert speakers == ["Ada Quayle", "Rhys Maddock"]


# -- impact items --------------------------------------------------------------------------


def test_label_bullets_are_impact_items_but_a_sentence_with_a_colon_is_not():
    body = (
        "Context & impact\n\n"
        "• Budget effect: The scheme costs £2m a year.\n"
        "• The council said on Monday that it had only two choices: pay or cut."
    )
    assert parse(story_with(body)).story.impact_items == [
        ImpactItemText("Budget effect", "The scheme costs £2m a year.")
    ]
    problems_at(body, "only two choices")


def test_a_label_paragraph_without_a_bullet_is_analysis():
    parsed = parse(story_with("Context & impact\n\nBudget effect: the scheme costs £2m."))
    assert parsed.story.analysis == ["Budget effect: the scheme costs £2m."]
    assert parsed.story.impact_items == []


# -- claims and sources --------------------------------------------------------------------


def test_claims_carry_their_status_section_and_citations():
    story = parse(FULL).story
    assert story.verified == [
        ClaimText("The council confirmed the new date in a statement on Monday.", (1,)),
        ClaimText("The noise survey covers 140 homes near the depot site.", (1, 2)),
    ]
    assert story.disputed == [
        ClaimText("Residents' groups say the survey misses the east side of the estate.", (2,))
    ]
    assert story.unconfirmed == []


def test_a_citation_of_a_source_that_is_not_listed_is_reported():
    problems_at("Verified facts\n\nThe board met. [3]\n\nSources\n\nBoard minutes", "board met")


def test_source_lines_in_every_accepted_shape():
    text = story_with(
        "Sources\n\n"
        "• Harbour board minutes — Port Calder Harbour Board — https://example.org/minutes\n"
        "Fares table – https://example.org/fares\n"
        "https://example.org/letter\n"
        "Consortium letter — Calder Coaches\n"
        "  - Interview with the chair"
    )
    parsed = parse(text)
    assert parsed.problems == []
    assert parsed.story.sources == [
        SourceLine(
            "Harbour board minutes", "Port Calder Harbour Board", "https://example.org/minutes"
        ),
        SourceLine("Fares table", "", "https://example.org/fares"),
        SourceLine("https://example.org/letter", "", "https://example.org/letter"),
        SourceLine("Consortium letter", "Calder Coaches", ""),
        SourceLine("Interview with the chair", "", ""),
    ]


def test_an_empty_sources_section_is_allowed():
    parsed = parse(story_with("Sources\n\nBottom line\n\nDone."))
    assert parsed.problems == [] and parsed.story.sources == []


def test_a_bad_address_and_a_repeated_source_are_reported():
    body = (
        "Sources\n\nMinutes — https://example.org/m\nAgain — https://example.org/m\n"
        "Broken — https://exa mple"
    )
    problems_at(body, "Again", "Broken")


# -- what does not fit ---------------------------------------------------------------------


def test_an_unknown_heading_is_reported_with_its_line():
    body = "Key takeaways\n\n• One.\n\nWhat happens next\n\nThe vote is in May."
    [message] = problems_at(body, "What happens next")
    assert "heading" in message


def test_a_missing_headline_is_reported():
    text = "Key takeaways\n\n• One.\n"
    assert problem_lines(parse(text)) == [1]
    assert "headline" in parse(text).problems[0].message
    assert problem_lines(parse("\n\n  \n")) == [1]
    assert problem_lines(parse("\n• A bullet first\n")) == [2]


def test_text_that_fits_nowhere_is_reported_at_its_line():
    body = "Key takeaways\n\nA paragraph, not a bullet.\n\nBottom line\n\n- A bullet."
    problems_at(body, "A paragraph", "- A bullet")


def test_a_bullet_in_the_standfirst_is_reported():
    text = "Ferry fares rise\n\n• Not a standfirst.\n"
    assert problem_lines(parse(text)) == [3]


def test_a_repeated_heading_is_reported():
    text = story_with("Key takeaways\n\n• One.\n\nKey takeaways\n\n• Two.")
    assert problem_lines(parse(text)) == [text.splitlines().index("Key takeaways", 5) + 1]


def test_a_too_long_headline_is_reported():
    assert problem_lines(parse("A" * 201 + "\n\nStandfirst.\n")) == [1]


def test_the_reader_alone_checks_only_the_lengths_it_is_given():
    text = "A" * 201 + "\n\nStandfirst.\n\nSources\n\nhttps://example.org/" + "a" * 200 + "\n"
    assert reader.parse(text).problems == []
    limits = {HEADLINE: Limit("headline", 200), SOURCE_URL: Limit("web address", 100)}
    assert [str(problem) for problem in reader.parse(text, limits).problems] == [
        "line 1: This headline is 201 characters long; the most is 200.",
        "line 7: This web address is 220 characters long; the most is 100.",
    ]


def test_a_control_character_is_reported():
    problems_at("Bottom line\n\nDone.\x00", "Done.")


def test_every_problem_is_reported_not_just_the_first():
    text = story_with(
        "Key takeaways\n\nNot a bullet.\n\nNowhere heading\n\nContext & impact\n\n“Unsigned.”"
    )
    assert len(parse(text).problems) == 3


def test_leave_a_comment_and_everything_after_it_is_ignored():
    text = story_with("Bottom line\n\nDone.\n\nLeave a Comment\n\nName\nEmail\n• Post comment")
    parsed = parse(text)
    assert parsed.problems == []
    assert parsed.story.bottom_line == ["Done."]


# -- bytes and line endings ----------------------------------------------------------------


def test_crlf_and_a_byte_order_mark_read_like_plain_unix_text():
    windows = b"\xef\xbb\xbf" + SEED_SHAPED.replace("\n", "\r\n").encode("utf-8")
    parsed = parse(windows)
    assert parsed.problems == []
    assert parsed.story == parse(SEED_SHAPED.encode()).story


def test_non_utf8_bytes_are_refused_with_a_clear_message_and_line():
    latin1 = "Ferry fares rise\n\nThe board met.\n\nBottom line\n\nCafé closes.\n".encode("latin-1")
    parsed = parse(latin1)
    assert problem_lines(parsed) == [7]
    assert "not UTF-8" in parsed.problems[0].message
    assert "0xe9" in parsed.problems[0].message


def test_utf16_is_refused_with_a_clear_message():
    parsed = parse("Ferry fares rise\n".encode("utf-16"))
    assert "UTF-16" in parsed.problems[0].message


def test_a_quotation_signed_with_a_name_but_no_role_is_reported_once():
    body = "Context & impact\n\n“We will keep the fares low.”\n\nAda Quayle\n\nMore."
    [message] = problems_at(body, "Ada Quayle")
    assert "role" in message


def test_a_garbled_text_reports_a_bounded_number_of_problems():
    text = story_with("Key takeaways\n\n" + "Not a bullet.\n\n" * 500)
    problems = parse(text).problems
    assert len(problems) == 101
    assert problems[-1].message == "…and 400 more problems after this one."


def test_claim_sections_take_bullets_and_paragraphs_alike():
    text = story_with("Verified facts\n\n• The board met.\n\nUnconfirmed\n\nThe vote was close.")
    story = parse(text).story
    assert story.verified == [ClaimText("The board met.")]
    assert story.unconfirmed == [ClaimText("The vote was close.")]
