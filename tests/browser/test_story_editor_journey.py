"""A reporter writes a whole story from scratch in the story editor, in Chromium, and we count
what it costs: clicks (not typing or moving between fields), pop-up windows and page loads.

The README's "The story editor" section reports these counts next to the old form's baseline
(44 clicks, 2 pop-up windows and 3 page loads for the short story).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from articles.models import Article, Claim
from sources.models import Person, Source
from tests import factories
from tests.browser.admin_pages import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@dataclass
class Fact:
    text: str
    cites: list[str]  # source titles; a title not yet in the story is created in place


@dataclass
class StorySpec:
    headline: str
    standfirst: str
    takeaways: list[str]
    verified: list[Fact]
    context: str
    impact: list[tuple[str, str]]
    quote: tuple[str, str, str]  # words, speaker, speaker's current role
    unconfirmed: list[str]
    bottom_line: str
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # title: publisher, URL


SHORT = StorySpec(
    headline="Ferry operator trims winter timetable on the Calder crossing",
    standfirst="Two evening sailings go from January; the operator blames fuel costs.",
    takeaways=[
        "The 20:15 and 21:45 sailings stop from 6 January.",
        "Morning sailings are unchanged.",
        "The operator says fares will not rise this winter.",
    ],
    verified=[
        Fact(
            "The timetable filed with the port lists six daily sailings, down from eight.",
            ["Winter timetable filing"],
        ),
        Fact("Fuel made up 41% of the operator's costs last year.", ["Winter timetable filing"]),
    ],
    context="The crossing has run eight sailings a day since the new pier opened.",
    impact=[
        ("Commuters", "The last boat home leaves at 19:30."),
        ("Port jobs", "Two evening deck shifts end."),
    ],
    quote=(
        "We would rather run fewer boats than raise every fare.",
        "Ilse Marwick",
        "Operations director, Calder Ferries",
    ),
    unconfirmed=["Staff say a summer cut is also being planned."],
    bottom_line="Evening travellers lose two ways home until at least the spring.",
    sources={
        "Winter timetable filing": ("Calder Ferries Ltd", "https://ferries.example/filings/winter")
    },
)

# The anatomy of the published story in shared/seeds, with our own words.
SEED = StorySpec(
    headline="Council backs £12m plan to rebuild the Northgate lock gates after a close vote",
    standfirst=(
        "Councillors voted 27–22 to replace the lock gates in one closure next summer, "
        "shutting the canal to boats for eleven weeks."
    ),
    takeaways=[
        "The vote was 27 to 22, with two abstentions.",
        "The gates are 94 years old and leak at every tide.",
        "The canal closes to boats for eleven weeks from June.",
        "The council pays £3.1m; a heritage grant covers the rest.",
        "Towpath walkers keep access except for two weekends.",
        "Moorings at the basin move to the east quay during the works.",
        "An amendment to phase the work over two summers failed.",
    ],
    verified=[
        Fact(
            "The council approved the scheme by 27 votes to 22.",
            ["Full council minutes, 10 November"],
        ),
        Fact(
            "The engineers' survey found water passing both gates at high tide.",
            ["Northgate lock condition survey"],
        ),
        Fact(
            "A heritage grant of £8.9m was confirmed in October.",
            ["Heritage fund award letter", "Full council minutes, 10 November"],
        ),
        Fact("The closure runs from 2 June to 18 August.", ["Full council minutes, 10 November"]),
    ],
    context=(
        "The lock links the harbour with the inland canal and passes about 3,000 boats a year.\n\n"
        "A partial repair in 2019 bought time but did not stop the leaks."
    ),
    impact=[
        ("Boat owners", "No passage through Northgate for eleven weeks."),
        ("Council budget", "Borrowing of £3.1m over 25 years."),
        ("Walkers", "Two weekend towpath closures, signed in advance."),
    ],
    quote=(
        "We can fix these gates once, properly, or patch them every winter for ever.",
        "Priya Anand",
        "Cabinet member for transport",
    ),
    unconfirmed=[
        "Boat owners' groups say they may seek a judicial review.",
        "A contractor has reportedly been chosen already.",
        "Some councillors expect the cost to rise.",
    ],
    bottom_line="The gates will be replaced next summer, and boats will wait.",
    sources={
        "Full council minutes, 10 November": (
            "Port Calder City Council",
            "https://council.example/minutes/10-nov",
        ),
        "Northgate lock condition survey": (
            "Harbour Engineering Partners",
            "https://council.example/lock-survey",
        ),
        "Heritage fund award letter": (
            "Waterways Heritage Fund",
            "https://heritage.example/awards/northgate",
        ),
    },
)


class Counted:
    """The reporter's clicks, pop-up windows and full page loads, counted as they happen."""

    def __init__(self, page: Page) -> None:
        self.page, self.clicks, self.popups, self.loads = page, 0, 0, 0
        page.on("popup", lambda _popup: self._popup())
        page.on("framenavigated", lambda frame: self._navigated(frame))

    def _popup(self) -> None:
        self.popups += 1

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame:
            self.loads += 1

    def click(self, target: Locator) -> None:
        self.clicks += 1
        target.click()

    def choose(self, select_id: str, text: str) -> None:
        """Pick in an autocomplete: open it, type, click the match (two clicks)."""
        self.click(self.page.locator(f"#{select_id} + .select2"))
        self.page.locator(".select2-container--open .select2-search__field").fill(text)
        self.click(self.page.locator(".select2-results__option", has_text=text))


def last_row(page: Page, prefix: str, status: str = "") -> Locator:
    lists = f'[data-part-list][data-prefix="{prefix}"]'
    if status:
        lists += f'[data-status="{status}"]'
    return page.locator(f"{lists} > [data-part-row]").last


def write_story(page: Page, spec: StorySpec) -> Counted:
    """Write `spec` in the open editor, the way a reporter would, and save it once."""
    count = Counted(page)
    page.get_by_label("Headline").fill(spec.headline)
    page.get_by_label("Standfirst").fill(spec.standfirst)
    count.choose("id_section", "Harbour")
    for text in spec.takeaways:
        count.click(page.get_by_role("button", name="Add a takeaway"))
        last_row(page, "takeaways").locator("textarea").fill(text)
    numbers: dict[str, int] = {}
    for fact in spec.verified:
        count.click(page.get_by_role("button", name="Add a verified fact"))
        row = last_row(page, "claims", "verified")
        row.get_by_label("Claim").fill(fact.text)
        for title in fact.cites:
            if title in numbers:
                count.click(row.get_by_role("button", name=f"Cite {numbers[title]}:"))
                continue
            publisher, url = spec.sources[title]
            count.click(row.get_by_role("button", name="New source"))
            form = row.locator(".inline-create-form")
            form.get_by_label("Title").fill(title)
            form.get_by_label("Publisher").fill(publisher)
            form.get_by_label("Address (URL)").fill(url)
            count.click(form.get_by_role("button", name="Add source"))
            expect(form).to_have_count(0)
            numbers[title] = len(numbers) + 1
            expect(row.get_by_role("button", name=f"Cite {numbers[title]}:")).to_have_attribute(
                "aria-pressed", "true"
            )
    page.get_by_role("textbox", name="Context & impact").fill(spec.context)
    for label, text in spec.impact:
        count.click(page.get_by_role("button", name="Add an impact item"))
        row = last_row(page, "impact_items")
        row.get_by_label("Label").fill(label)
        row.get_by_label("Text").fill(text)
    words, speaker, role = spec.quote
    count.click(page.get_by_role("button", name="Add a quote"))
    row = last_row(page, "quotes")
    count.click(row.get_by_role("button", name="New person"))
    form = row.locator(".inline-create-form")
    form.get_by_label("Name").fill(speaker)
    form.get_by_label("Current role").fill(role)
    count.click(form.get_by_role("button", name="Add person"))
    expect(row.get_by_label("Role at the time")).to_have_value(role)
    row.get_by_label("Quoted words").fill(words)
    count.click(row.get_by_label("Pull quote"))
    for text in spec.unconfirmed:
        count.click(page.get_by_role("button", name="Add an unconfirmed claim"))
        last_row(page, "claims", "unconfirmed").get_by_label("Claim").fill(text)
    page.get_by_role("textbox", name="Bottom line").fill(spec.bottom_line)
    return count


def check_saved(spec: StorySpec) -> Article:
    story = Article.objects.get(headline=spec.headline)
    assert [t.text for t in story.takeaways.all()] == spec.takeaways
    verified = list(story.claims.filter(status=Claim.Status.VERIFIED).order_by("position"))
    assert [c.text for c in verified] == [f.text for f in spec.verified]
    for claim, fact in zip(verified, spec.verified, strict=True):
        assert sorted(s.title for s in claim.sources.all()) == sorted(fact.cites)
    unconfirmed = story.claims.filter(status=Claim.Status.UNCONFIRMED).order_by("position")
    assert [c.text for c in unconfirmed] == spec.unconfirmed
    assert [(i.label, i.text) for i in story.impact_items.all()] == spec.impact
    pull = story.quotes.get(is_pull=True)
    assert (pull.text, pull.speaker.name, pull.role) == spec.quote
    assert Person.objects.get(name=spec.quote[1]).role == spec.quote[2]
    listed = [entry.source.title for entry in story.source_entries.select_related("source")]
    assert listed == list(spec.sources)
    assert Source.objects.filter(title__in=spec.sources).count() == len(spec.sources)
    return story


@pytest.mark.parametrize(
    ("spec", "clicks"),
    [pytest.param(SHORT, 18, id="short-story"), pytest.param(SEED, 32, id="seed-anatomy")],
)
def test_a_story_is_written_in_one_page_without_pop_ups(
    spec: StorySpec, clicks: int, new_context, reporter, artefacts: Path
):
    factories.make_section("Harbour")
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, reporter)
    page.goto("/admin/articles/article/add/")
    count = write_story(page, spec)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.screenshot(
        path=artefacts / f"story-editor-{spec is SEED and 'seed' or 'short'}-1280.png",
        full_page=True,
    )

    count.click(page.get_by_role("button", name="Save").first)
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    check_saved(spec)
    (artefacts / f"story-editor-clicks-{len(spec.takeaways)}.txt").write_text(
        f"clicks={count.clicks} popups={count.popups} loads={count.loads}\n"
    )
    assert (count.clicks, count.popups, count.loads) == (clicks, 0, 1)

    # For the README: the saved story in the editor, with the live preview beside it.
    page.get_by_role("button", name="Live preview").click()
    preview = page.frame_locator("[data-preview-frame]")
    expect(preview.locator("h1")).to_have_text(spec.headline)
    page.screenshot(path=artefacts / f"story-editor-{len(spec.takeaways)}-preview-1280.png")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=artefacts / f"story-editor-{len(spec.takeaways)}-375.png")
