"""Import of an export gives back the same structure, over generated stories (hypothesis).

Generated stories use the whole format: every section, citations, labelled impact items, the
pull quote, sources in each shape, and text with the characters that make the format tricky
(curly and straight quotes, guillemets, colons, dashes, emphasis, accents). Examples are bounded
and derandomized, so CI runs the same cases every time.
"""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import importing, storytext
from articles.models import Article
from articles.storytext import ClaimText, ImpactItemText, QuoteText, SourceLine, StoryText
from tests.factories import make_reporter

# Words, and marks that may sit inside a sentence (none of them ends one). One draw each keeps
# generation fast.
WORDS = [
    "harbour",
    "ferry",
    "council",
    "vote",
    "pontoon",
    "crossing",
    "café",
    "Zoë",
    "Łódź",
    "straße",
    "niño",
    "søndag",
    "budget,",
    "2026",
    "£4m",
    "5–2",
    "—",
    "–",
    "so:",
    "«quoted",
    "words»",
    "“a",
    "phrase”",
    '"straight"',
    "‘single’",
    "*emphasis*",
    "[sic]",
    "(aside)",
    "e.g.",
    "Board",
    "Mayor:",
    "night-shift",
    "20%",
    "a",
    "the",
    "of",
    "and",
]
NAMES = ["Ada", "Quayle", "Zoë", "Ó", "Briain", "Rhys", "Maddock", "Okonkwo-Hale", "Łucja", "Ng"]
ENDINGS = [".", "!", "?", ".”", "…", ".»"]

word = st.sampled_from(WORDS)
capitalised = st.sampled_from(NAMES)


def sentences(max_words: int = 14) -> st.SearchStrategy[str]:
    """A capitalised sentence ending in a full stop (or the like), with the tricky marks."""
    return st.builds(
        lambda first, words, end: " ".join([first, *words]) + end,
        capitalised,
        st.lists(word, min_size=1, max_size=max_words),
        st.sampled_from(ENDINGS),
    )


sentence = sentences()
takeaway = sentences(max_words=10)
paragraphs = st.lists(sentence, max_size=3)
name = st.lists(capitalised, min_size=1, max_size=3).map(" ".join)
label = st.lists(capitalised, min_size=1, max_size=2).map(" ".join) | st.builds(
    lambda first, second: f"{first} {second}", capitalised, st.sampled_from(["effect", "costs"])
)
quote = st.builds(
    QuoteText,
    text=st.lists(
        st.sampled_from([*WORDS[:20], "«inner»", "‘inner’", "“a", "phrase”"]),
        min_size=1,
        max_size=20,
    )
    .map(" ".join)
    .map(lambda text: f"{text[0].upper()}{text[1:]},"),
    speaker=name,
    role=st.lists(
        st.sampled_from(WORDS[:12] + ["chair", "Harbour Board"]), min_size=1, max_size=5
    ).map(" ".join),
)


@st.composite
def source_lines(draw) -> list[SourceLine]:
    sources = []
    for n in range(draw(st.integers(0, 4))):
        url = f"https://example.org/story/{n}" if draw(st.booleans()) else ""
        shape = draw(
            st.sampled_from(["title", "publisher", "bare"] if url else ["title", "publisher"])
        )
        title = f"{draw(name)} report {n}" if shape != "bare" else url
        publisher = draw(name) if shape == "publisher" else ""
        sources.append(SourceLine(title, publisher, url))
    return sources


@st.composite
def stories(draw, max_quotes: int = 2) -> StoryText:
    sources = draw(source_lines())
    numbers = list(range(1, len(sources) + 1))

    def claims(max_size: int) -> list[ClaimText]:
        cites = st.lists(st.sampled_from(numbers), unique=True).map(lambda n: tuple(sorted(n)))
        claim = st.builds(ClaimText, sentence, cites if numbers else st.just(()))
        return draw(st.lists(claim, max_size=max_size))

    return StoryText(
        headline=draw(st.lists(capitalised, min_size=2, max_size=10).map(" ".join)),
        standfirst=draw(paragraphs),
        takeaways=draw(st.lists(takeaway, max_size=7)),
        verified=claims(4),
        analysis=draw(paragraphs),
        impact_items=draw(st.lists(st.builds(ImpactItemText, label, sentence), max_size=3)),
        quotes=draw(st.lists(quote, max_size=max_quotes)),
        unconfirmed=claims(3),
        disputed=claims(2),
        bottom_line=draw(paragraphs),
        methods=draw(paragraphs),
        sources=sources,
    )


@settings(max_examples=100, derandomize=True, database=None, deadline=None)
@given(stories())
def test_reading_the_written_text_gives_back_the_same_story(story):
    parsed = storytext.parse(storytext.write(story))
    assert parsed.problems == []
    assert parsed.story == story


@settings(max_examples=25, derandomize=True, database=None, deadline=None)
@given(story=stories())
def test_written_text_reads_the_same_with_windows_line_endings(story):
    windows = storytext.write(story).replace("\n", "\r\n").encode("utf-8-sig")
    assert storytext.parse(windows).story == story


@pytest.mark.django_db
@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(story=stories(max_quotes=1))
def test_importing_an_exported_story_gives_back_the_same_structure(story):
    with transaction.atomic():
        reporter = make_reporter("roundtrip")
        article = importing.create_draft(story, reporter).article
        text, notes = storytext.export(article)
        assert notes == []
        assert storytext.parse(text).story == story
        again = importing.import_text(text, reporter).article
        fetched = Article.objects.with_story_parts().get(pk=again.pk)
        assert storytext.structure_of(fetched) == story
        transaction.set_rollback(True)
