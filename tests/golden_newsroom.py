"""A small, fixed newsroom whose public output tests/test_public_output.py records.

Everything in it is fiction: the estuary town of Saltmere, its council, its ferry and every
person named; addresses point at example.org and example.net. It is built the way the
newsroom builds stories — rows through the models' own `objects.create`, states through
`articles.workflow`, comments decided through `comments.moderation` — with the clock frozen
at each step, so every timestamp is the same on every run and on every database.

Every row whose id can show publicly (in an address, an anchor or the API) gets an explicit id
from 7001 up, far above anything a database's own sequence hands out in the rest of the suite.
"""

from __future__ import annotations

import io
import itertools
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw

from articles import curation, workflow
from articles.models import (
    Article,
    Byline,
    Claim,
    Correction,
    ImpactItem,
    KeyTakeaway,
    Quote,
    Section,
    StorySource,
    Tag,
)
from authors.models import Profile
from comments import moderation
from comments.models import Comment
from images.models import Image
from sources.models import Person, Source
from staff.permissions import EDITORS, REPORTERS

# Readers look at the newsroom at this moment (a Tuesday in March, Greenwich time in London).
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    """A moment of the newsroom's timeline, written "2026-03-03 08:15" (UTC)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# -- people, sections, tags, sources ---------------------------------------------------------

USERS = [
    # id, username, first name, last name, group
    (7001, "ines", "Ines", "Calloway", REPORTERS),
    (7002, "tobias", "Tobias", "Wren", REPORTERS),
    (7003, "hester", "Hester", "Quill", EDITORS),
    (7004, "omar", "Omar", "Haddad", EDITORS),
]

# The writers' public author profiles: username → fields (the editors have none).
PROFILES = {
    "ines": {
        "display_name": "Ines Calloway",
        "slug": "ines-calloway",
        "role": "Coast reporter",
        "beat": "the harbour and the coast path",
        "expertise": "tides, shipping, coastal erosion",
        "location": "Port Calder",
        "languages": "English, French",
        "bio": "Ines walks the sea wall most mornings and reports what the tide leaves behind.",
        "links": "https://social.example/@inescalloway",
        "contact": "ines.calloway@ledger.example.org",
    },
    "tobias": {
        "display_name": "Tobias Wren",
        "slug": "tobias-wren",
        "role": "Town reporter",
        "contact": "https://ledger.example.org/contact",
    },
}

SECTIONS = [
    # id, name, slug, description
    (
        7001,
        "Town & Council",
        "town",
        "What Saltmere Town Council decides, and the services the town runs.",
    ),
    (
        7002,
        "Coast",
        "coast",
        "The estuary, the harbour, the ferry and the people who work the water.",
    ),
]

TAGS = [(7001, "Ferries", "ferries"), (7002, "Schools", "schools"), (7003, "Heritage", "heritage")]

SOURCES = [
    # id, title, publisher, url, kind, published on, internal notes (never public)
    (
        7001,
        "Mill Creek footbridge: options appraisal",
        "Saltmere Town Council",
        "https://council.example.org/papers/footbridge-options",
        "report",
        "2026-01-15",
        "A councillor passed us the draft early; the final version matches it.",
    ),
    (
        7002,
        "Minutes of the full council meeting, 1 February 2026",
        "Saltmere Town Council",
        "https://council.example.org/minutes/2026-02-01",
        "document",
        "2026-02-01",
        "",
    ),
    (
        7003,
        "Winter timetable notice",
        "Estuary Link Ferries",
        "https://ferries.example.net/notices/winter-2026",
        "press-release",
        "2026-02-27",
        "",
    ),
    (
        7004,
        "Interview with the ferry company's crewing manager",
        "",
        "",
        "interview",
        None,
        "Recorded by phone on 28 February; the manager asked not to be named.",
    ),
    (
        7005,
        "Saturday library pilot: paper to the governors",
        "Saltmere Primary School",
        "https://saltmere-primary.example.org/governors/library-pilot",
        "document",
        "2026-03-02",
        "",
    ),
    (
        7006,
        "Harbour mouth dredging: interim survey",
        "Saltmere Harbour Trust",
        "https://harbour-trust.example.org/reports/dredging-interim-2026",
        "report",
        "2026-03-06",
        "",
    ),
    (
        7007,
        "Tree-ring dates for timbers SM-26-04",
        "Coastal Heritage Laboratory",
        "https://heritage-lab.example.net/results/sm-26-04",
        "dataset",
        "2026-03-08",
        "",
    ),
    (
        7008,
        "Quay Street parking charges: consultation",
        "Saltmere Town Council",
        "https://council.example.org/consultations/quay-street-parking",
        "document",
        "2026-03-01",
        "",
    ),
]

PEOPLE = [
    # id, name, slug, current role, organisation
    (7001, "Maud Tarrant", "maud-tarrant", "Leader of the council", "Saltmere Town Council"),
    (7002, "Idris Penhale", "idris-penhale", "Managing director", "Estuary Link Ferries"),
    (7003, "Nell Ashdown", "nell-ashdown", "Head teacher", "Saltmere Primary School"),
    (
        7004,
        "Ottilie Fenwick",
        "ottilie-fenwick",
        "Marine archaeologist",
        "Coastal Heritage Laboratory",
    ),
    (7005, "Cal Rudd", "cal-rudd", "Harbour pilot", "Saltmere Harbour Trust"),
    # Quoted only in a story that was taken down: no public page.
    (7006, "Patrick Vell", "patrick-vell", "Chair", "Saltmere Traders' Association"),
]

IMAGE_ID = 7001
IMAGE_KEY = uuid.UUID("3c5e8f1a-2b7d-4e69-a0c4-91d2f6b8e357")


# -- the stories -------------------------------------------------------------------------------


@dataclass
class Quoted:
    speaker: str  # a person's slug
    text: str
    source: int | None = None
    said_on: str | None = None
    role: str = ""  # blank: the speaker's current role


@dataclass
class Draft:
    """A story as its writers leave it, before the workflow moves it."""

    id: int
    slug: str
    headline: str
    standfirst: str
    section: str
    writers: list[str]  # usernames, in byline order; the first created the story
    written_at: str
    dateline: str = "Saltmere"
    tags: list[str] = field(default_factory=list)
    takeaways: list[str] = field(default_factory=list)
    # (status, text, ids of the sources it cites)
    claims: list[tuple[str, str, list[int]]] = field(default_factory=list)
    context: str = ""
    impact: list[tuple[str, str]] = field(default_factory=list)
    pull_quote: Quoted | None = None
    quotes: list[Quoted] = field(default_factory=list)
    bottom_line: str = ""
    sources: list[int] = field(default_factory=list)  # the source list, in order
    lead_image: bool = False
    work_type: str = "news"
    methods: str = ""


FOOTBRIDGE = Draft(
    id=7001,
    slug="council-backs-new-tidal-footbridge",
    headline="Council backs a new tidal footbridge over Mill Creek",
    standfirst=(
        "Saltmere Town Council voted 11 to 4 to replace the *Mill Creek* footbridge, shut "
        "since November, with a raised crossing that stays dry at spring tides."
    ),
    section="town",
    writers=["ines", "tobias"],
    written_at="2026-01-28 10:00",
    tags=["schools", "heritage"],
    takeaways=[
        "The council chose the **raised** design, the dearest of three options, at £1.9m.",
        "Work is due to start in May and to take about seven months.",
        "Pupils who used the old bridge are taken round the creek by bus until then.",
    ],
    claims=[
        ("verified", "The council voted 11 to 4 for the raised crossing.", [7002]),
        (
            "verified",
            "The raised deck stays above the highest tide forecast for the next fifty years.",
            [7001],
        ),
        ("unconfirmed", "A national flood grant could pay up to a third of the cost.", []),
        (
            "disputed",
            "Opposition councillors say a repair would have lasted another twenty years.",
            [7001],
        ),
    ],
    context=(
        "The Mill Creek bridge was built in 1931 and closed in November, when an inspection "
        "found [rot in two of its piles](https://council.example.org/papers/footbridge-"
        "inspection).\n\nThe creek path is the shortest way from the Eastfield estate to the "
        "primary school and the station."
    ),
    impact=[
        ("Budget effect", "The council borrows £1.2m; the rest comes from its reserves."),
        ("Getting around", "The detour adds about twenty minutes on foot until the bridge opens."),
    ],
    pull_quote=Quoted(
        "maud-tarrant",
        "We could patch it once more, or build something our grandchildren will still walk over.",
        source=7002,
        said_on="2026-02-01",
    ),
    quotes=[
        Quoted(
            "nell-ashdown",
            "Half my pupils crossed that bridge every morning. A bus is a stopgap, not an answer.",
            said_on="2026-02-01",
        )
    ],
    bottom_line=(
        "Saltmere gets a crossing built for higher tides, paid for mostly by borrowing; children "
        "face a longer trip to school until the winter."
    ),
    sources=[7001, 7002],
)

FERRY = Draft(
    id=7002,
    work_type="analysis",
    slug="ferry-timetable-cut-crew-shortage",
    headline="Ferry timetable cut as a winter crew shortage bites",
    standfirst=(
        "Estuary Link Ferries will run one boat instead of two on weekdays until April, after "
        "three of its eleven deckhands left within a month."
    ),
    section="coast",
    writers=["tobias"],
    written_at="2026-02-26 14:30",
    dateline="Saltmere harbour",
    tags=["ferries"],
    takeaways=[
        "Weekday crossings drop from every 20 minutes to every 40 from 9 March.",
        "Weekend sailings are unchanged.",
        "The operator says the cut ends when two trainees qualify in April.",
    ],
    claims=[
        (
            "verified",
            "The winter notice lists 24 weekday sailings each way, down from 48.",
            [7003],
        ),
        ("verified", "Three deckhands left the company in January and February.", [7004, 7003]),
        ("unconfirmed", "Crew from the company's northern route may be moved to Saltmere.", []),
        (
            "disputed",
            "The operator says nobody will wait more than 40 minutes; commuters report gaps of "
            "an hour.",
            [7003],
        ),
    ],
    context=(
        "The crossing carries about 1,400 people a day, most of them to work or college in "
        "Port Calder.\n\nA new deckhand needs a boatmaster's licence, which takes about *eight "
        "weeks* of training."
    ),
    impact=[("Commuters", "A return trip at peak times can take 40 minutes longer.")],
    pull_quote=Quoted(
        "idris-penhale",
        "We would rather run one boat reliably than two boats we might have to cancel.",
        source=7004,
        said_on="2026-02-28",
    ),
    quotes=[Quoted("cal-rudd", "The channel is quiet. Nobody who works the water wants it so.")],
    bottom_line="Expect half the weekday ferries until April, and a longer wait at rush hour.",
    sources=[7003, 7004],
    lead_image=True,
)

LIBRARY = Draft(
    id=7003,
    slug="primary-school-library-opens-saturdays",
    headline="Saltmere Primary will open its library to families on Saturday mornings",
    standfirst=(
        "A ten-week pilot from 14 March lets parents and children borrow books and use the "
        "computers while the town library is shut for repairs."
    ),
    section="town",
    writers=["ines"],
    written_at="2026-03-06 09:40",
    tags=["schools"],
    takeaways=[
        "The library opens from 9am to noon on Saturdays, starting on 14 March.",
        "Volunteers and two paid staff run it, paid for by a charity grant.",
    ],
    claims=[
        ("verified", "The governors approved a ten-week pilot on 2 March.", [7005]),
        ("unconfirmed", "The town library may stay closed until the summer.", []),
        (
            "disputed",
            "The council says closing the town library left no gap in what the town offers.",
            [7005],
        ),
    ],
    context=(
        "The town library on Quay Street closed in January for roof repairs.\n\nThe school "
        "library holds about 6,000 books, most of them for children under eleven."
    ),
    impact=[
        ("Families", "Each child may borrow up to four books a week."),
        ("Cost", "The pilot costs about £3,400, paid by the Saltmere Educational Trust."),
    ],
    pull_quote=Quoted(
        "nell-ashdown",
        "The books sat in a locked room every weekend. That made no sense to any of us.",
        source=7005,
        said_on="2026-03-02",
    ),
    quotes=[
        Quoted(
            "maud-tarrant",
            "We are grateful to the school, and we want the town library open again once it "
            "is safe.",
            role="Leader of Saltmere Town Council",
        )
    ],
    bottom_line=(
        "Families get Saturday books and computers for ten weeks; whether it lasts depends on "
        "the grant and on the town library."
    ),
    sources=[7005],
)

WRECK = Draft(
    id=7004,
    slug="dredgers-find-old-wreck-in-channel",
    headline="Dredgers find a wreck beside the ferry channel, older than anyone expected",
    standfirst=(
        "Timbers lifted near the harbour mouth date from the early 1700s, a laboratory says, "
        "making the wreck the oldest found in the estuary."
    ),
    section="coast",
    writers=["tobias", "ines"],
    written_at="2026-03-07 11:00",
    dateline="Saltmere harbour",
    tags=["heritage", "ferries"],
    takeaways=[
        "Tree-ring dating puts the timbers between 1702 and 1718.",
        "Dredging has stopped within 50 metres of the site.",
        "The ferry channel stays open.",
    ],
    claims=[
        ("verified", "Three timbers came from trees felled between 1702 and 1718.", [7007]),
        ("verified", "The Harbour Trust paused dredging near the find on 5 March.", [7006]),
        (
            "unconfirmed",
            "The hull may be the *Margaret of Saltmere*, recorded as lost in 1724.",
            [],
        ),
        (
            "disputed",
            "The dredging contractor says the timbers lay exposed before the work began.",
            [7006],
        ),
    ],
    context=(
        "The harbour mouth is dredged every three years to keep the channel four metres "
        "deep.\n\nA find older than 1750 must be reported to the national heritage body, "
        "which decides whether the site is protected."
    ),
    impact=[
        ("Ferries", "No change: the channel is open and the wreck lies outside it."),
        ("Dredging", "The last tenth of the work waits for a heritage decision."),
    ],
    pull_quote=Quoted(
        "ottilie-fenwick",
        "Oak this well kept shows us how the hull was built, plank by plank.",
        source=7007,
        said_on="2026-03-08",
    ),
    quotes=[
        Quoted(
            "cal-rudd",
            "We steered round that spot for years without knowing why the sand sat so high.",
        )
    ],
    bottom_line=(
        "A rare early eighteenth-century hull lies beside the ferry channel; its fate, and the "
        "rest of the dredging, wait on the heritage body."
    ),
    methods=(
        "We read the laboratory's dating report and the dredging company's notice, and asked "
        "the heritage body when it will decide; it gave no date."
    ),
    sources=[7007, 7006],
)

ALLOTMENTS = Draft(
    id=7005,
    slug="allotment-waiting-list-doubles",
    headline="Allotment waiting list doubles in two years",
    standfirst="Nearly 90 households now wait for a plot on the town's two allotment sites.",
    section="town",
    writers=["ines"],
    written_at="2026-03-08 15:20",
    takeaways=["The list has grown from 43 households to 88 since 2024."],
)

LIFEBOAT = Draft(
    id=7006,
    slug="lifeboat-station-appeal-reaches-target",
    headline="Lifeboat station appeal reaches its target",
    standfirst="Townspeople raised £240,000 for a new slipway in fourteen months.",
    section="coast",
    writers=["tobias"],
    written_at="2026-03-09 10:10",
    tags=["heritage"],
    takeaways=["The appeal closed £3,000 over its target."],
)

CAUSEWAY = Draft(
    id=7007,
    slug="spring-tide-warning-for-the-causeway",
    headline="Spring tide warning for the causeway this weekend",
    standfirst="The causeway to Gull Island will flood for longer than usual on Saturday.",
    section="coast",
    writers=["ines"],
    written_at="2026-03-08 16:00",
    tags=["ferries"],
    takeaways=["The causeway is expected to be under water from 10am to 3pm on Saturday."],
)

PARKING = Draft(
    id=7008,
    slug="parking-charges-to-rise-on-quay-street",
    headline="Parking charges to rise on Quay Street",
    standfirst="An hour on Quay Street would cost £2.40 from May under the council's plans.",
    section="town",
    writers=["tobias"],
    written_at="2026-03-04 09:00",
    tags=["schools"],
    takeaways=["The hourly charge would rise by 60p."],
    claims=[("verified", "The consultation proposes £2.40 an hour.", [7008])],
    pull_quote=Quoted(
        "patrick-vell",
        "Every rise sends more shoppers to the retail park.",
        source=7008,
    ),
    sources=[7008],
)

PUBLISHED = [FOOTBRIDGE, FERRY, LIBRARY, WRECK]  # oldest first
DRAFT, IN_REVIEW, SCHEDULED, WITHDRAWN = ALLOTMENTS, LIFEBOAT, CAUSEWAY, PARKING

# A correction, as an editor adds one to a live story (an "updated" time on the story).
CORRECTION = (
    7001,
    FOOTBRIDGE,
    "omar",
    "2026-03-05 11:20",
    "An earlier version of this story said the vote was 12 to 3. It was 11 to 4.",
)

# Readers' comments on the ferry story, by id: (reply to, name, email, text, sent).
COMMENTS = {
    7001: (
        None,
        "Dilys from Eastfield",
        "dilys@mail.example.net",
        "I take the 7.40 every day. Forty minutes between boats means I miss my train.\n\n"
        "Is there any chance of an extra sailing at rush hour?",
        "2026-03-03 12:05",
    ),
    7002: (
        7001,
        "Ravi K.",
        "ravi@mail.example.net",
        "There is talk of a bus round the head of the estuary, but nothing is settled yet.",
        "2026-03-03 19:30",
    ),
    7003: (
        None,
        "Ffion <the market>",
        "ffion@mail.example.net",
        "Glad the weekend boats stay. The market traders rely on them.",
        "2026-03-06 10:20",
    ),
    7004: (
        None,
        "Still waiting",
        "waiting@mail.example.net",
        "This one has not been looked at yet, so no reader should see it.",
        "2026-03-08 21:10",
    ),
}
PENDING_COMMENT = 7004


# -- building it -------------------------------------------------------------------------------


class _Builder:
    """Creates the rows; each kind of part numbers its own ids from 7001."""

    def __init__(self, clock: Any) -> None:
        self.clock = clock
        self.users: dict[str, Any] = {}
        self.sections: dict[str, Section] = {}
        self.tags: dict[str, Tag] = {}
        self.sources: dict[int, Source] = {}
        self.people: dict[str, Person] = {}
        self.stories: dict[int, Article] = {}
        self.image: Image | None = None
        parts = (Byline, KeyTakeaway, StorySource, Claim, ImpactItem, Quote)
        self.next_id = {model: itertools.count(7001) for model in parts}

    def move_to(self, moment: str) -> None:
        self.clock.move_to(at(moment))

    def reference_data(self) -> None:
        self.move_to("2026-01-20 09:00")
        for pk, username, first, last, group in USERS:
            user = get_user_model().objects.create_user(
                pk=pk,
                username=username,
                email=f"{username}@ledger.example.org",
                password=None,  # nobody logs in: readers are anonymous
                first_name=first,
                last_name=last,
                is_staff=True,
            )
            user.groups.add(Group.objects.get(name=group))
            self.users[username] = user
            if username in PROFILES:
                Profile.objects.create(user=user, is_public=True, **PROFILES[username])
        for position, (pk, name, slug, description) in enumerate(SECTIONS):
            self.sections[slug] = Section.objects.create(
                pk=pk, name=name, slug=slug, description=description, position=position
            )
        for pk, name, slug in TAGS:
            self.tags[slug] = Tag.objects.create(pk=pk, name=name, slug=slug)
        for pk, title, publisher, url, kind, published_on, notes in SOURCES:
            self.sources[pk] = Source.objects.create(
                pk=pk,
                title=title,
                publisher=publisher,
                url=url,
                kind=kind,
                published_on=date.fromisoformat(published_on) if published_on else None,
                notes=notes,
            )
        for pk, name, slug, role, organization in PEOPLE:
            self.people[slug] = Person.objects.create(
                pk=pk, name=name, slug=slug, role=role, organization=organization
            )

    def picture(self) -> None:
        """The ferry story's lead image: a picture drawn here (sky, water, a hull)."""
        self.move_to("2026-02-25 16:00")
        canvas = PILImage.new("RGB", (1600, 900), (176, 196, 214))
        pen = ImageDraw.Draw(canvas)
        pen.rectangle((0, 520, 1600, 900), fill=(52, 84, 112))
        pen.polygon([(560, 470), (1040, 470), (980, 560), (620, 560)], fill=(222, 92, 60))
        buffer = io.BytesIO()
        canvas.save(buffer, "JPEG", quality=85)
        self.image = Image.objects.create_from_upload(
            SimpleUploadedFile("ferry-at-the-slipway.jpg", buffer.getvalue()),
            pk=IMAGE_ID,
            key=IMAGE_KEY,
            alt_text="The red-hulled ferry tied up at Saltmere slipway under a grey sky",
            caption="One of the two boats will stay tied up on weekdays until April.",
            credit="Photo: Tobias Wren",
            uploaded_by=self.users["tobias"],
        )

    def write(self, draft: Draft) -> Article:
        """Create a story with all its parts, as its writers would before submitting it."""
        self.move_to(draft.written_at)
        writers = [self.users[username] for username in draft.writers]
        article = Article.objects.create(
            pk=draft.id,
            slug=draft.slug,
            headline=draft.headline,
            standfirst=draft.standfirst,
            dateline=draft.dateline,
            section=self.sections[draft.section],
            context=draft.context,
            bottom_line=draft.bottom_line,
            methods=draft.methods,
            work_type=draft.work_type,
            lead_image=self.image if draft.lead_image else None,
            created_by=writers[0],
        )
        for writer in writers:
            Byline.objects.create(pk=self._id(Byline), article=article, author=writer)
        article.tags.set([self.tags[slug] for slug in draft.tags])
        for text in draft.takeaways:
            KeyTakeaway.objects.create(pk=self._id(KeyTakeaway), article=article, text=text)
        # The source list first, so citing a source finds it listed (sources.citations).
        for source_id in draft.sources:
            StorySource.objects.create(
                pk=self._id(StorySource), article=article, source=self.sources[source_id]
            )
        for status, text, cited in draft.claims:
            claim = Claim.objects.create(
                pk=self._id(Claim), article=article, text=text, status=status
            )
            claim.sources.set([self.sources[source_id] for source_id in cited])
        for label, text in draft.impact:
            ImpactItem.objects.create(
                pk=self._id(ImpactItem), article=article, label=label, text=text
            )
        if draft.pull_quote:
            self._quote(article, draft.pull_quote, is_pull=True)
        for quoted in draft.quotes:
            self._quote(article, quoted, is_pull=False)
        self.stories[draft.id] = article
        return article

    def _quote(self, article: Article, quoted: Quoted, *, is_pull: bool) -> None:
        Quote.objects.create(
            pk=self._id(Quote),
            article=article,
            speaker=self.people[quoted.speaker],
            role=quoted.role,
            text=quoted.text,
            source=self.sources[quoted.source] if quoted.source else None,
            said_on=date.fromisoformat(quoted.said_on) if quoted.said_on else None,
            is_pull=is_pull,
        )

    def submit(self, draft: Draft, moment: str) -> None:
        self.move_to(moment)
        workflow.submit(self.stories[draft.id], self.users[draft.writers[0]])

    def publish(self, draft: Draft, editor: str, moment: str, at_time: str | None = None) -> None:
        self.move_to(moment)
        story = self.stories[draft.id]
        workflow.publish(story, self.users[editor], at=at(at_time) if at_time else None)

    def correct(self, pk: int, draft: Draft, editor: str, moment: str, text: str) -> None:
        """A correction as the story editor makes one: the story's public "updated" time
        moves (record_public_change), and the note carries that same time."""
        self.move_to(moment)
        story = Article.objects.get(pk=draft.id)
        story.record_public_change(self.users[editor])
        Correction.objects.create(
            pk=pk,
            article=story,
            text=text,
            created_by=self.users[editor],
            created_at=story.revised_at,
        )

    def comment(self, pk: int, story: Draft) -> Comment:
        """A reader's comment as the form stores it: pending until an editor decides."""
        parent, name, email, body, sent = COMMENTS[pk]
        self.move_to(sent)
        return Comment.objects.create(
            pk=pk,
            article=self.stories[story.id],
            parent_id=parent,
            name=name,
            email=email,
            body=body,
            ip_address="192.0.2.10",
            user_agent="Mozilla/5.0 (golden newsroom)",
        )

    def approve(self, comment: Comment, editor: str, moment: str) -> None:
        self.move_to(moment)
        moderation.approve(comment, self.users[editor])

    def _id(self, model: type) -> int:
        return next(self.next_id[model])


def build() -> None:
    """Build the newsroom along its timeline, the clock frozen at each step.

    Four stories go live over five weeks (the first corrected later, the second with a lead
    image and comments), one goes live and is taken down, one is scheduled for the morning
    after NOW, one waits for review and one is still a draft. The Coast page leads with the
    ferry story, chosen by an editor.
    """
    with time_machine.travel(at("2026-01-20 09:00"), tick=False) as clock:
        newsroom = _Builder(clock)
        newsroom.reference_data()

        newsroom.write(FOOTBRIDGE)
        newsroom.submit(FOOTBRIDGE, "2026-01-29 16:05")
        newsroom.publish(FOOTBRIDGE, "hester", "2026-02-02 07:00")

        newsroom.picture()
        newsroom.write(FERRY)
        newsroom.submit(FERRY, "2026-03-02 17:10")
        newsroom.publish(FERRY, "omar", "2026-03-03 08:15")
        newsroom.approve(newsroom.comment(7001, FERRY), "hester", "2026-03-03 12:40")
        reply = newsroom.comment(7002, FERRY)
        newsroom.approve(reply, "omar", "2026-03-04 08:00")

        newsroom.write(WITHDRAWN)
        newsroom.submit(WITHDRAWN, "2026-03-05 09:30")
        newsroom.correct(*CORRECTION)
        newsroom.write(LIBRARY)
        newsroom.publish(WITHDRAWN, "hester", "2026-03-06 10:00")
        newsroom.approve(newsroom.comment(7003, FERRY), "hester", "2026-03-06 11:15")
        newsroom.move_to("2026-03-07 09:00")
        workflow.unpublish(
            newsroom.stories[WITHDRAWN.id],
            newsroom.users["hester"],
            "The council disputes our figures; off the site until we have checked them.",
        )

        newsroom.write(WRECK)
        newsroom.submit(LIBRARY, "2026-03-08 15:00")
        newsroom.write(DRAFT)
        newsroom.write(SCHEDULED)
        newsroom.comment(PENDING_COMMENT, FERRY)
        newsroom.publish(LIBRARY, "hester", "2026-03-09 07:30")
        newsroom.write(IN_REVIEW)
        newsroom.submit(WRECK, "2026-03-09 12:00")
        newsroom.publish(WRECK, "omar", "2026-03-09 16:45")
        newsroom.submit(SCHEDULED, "2026-03-09 18:00")
        newsroom.submit(IN_REVIEW, "2026-03-10 09:00")
        newsroom.publish(SCHEDULED, "hester", "2026-03-10 10:00", at_time="2026-03-11 06:00")

        # The Coast desk leads its page with the ferry cuts while they last.
        newsroom.move_to("2026-03-10 11:00")
        curation.set_section(
            newsroom.users["omar"],
            newsroom.sections["coast"],
            curation.Slot(newsroom.stories[FERRY.id], until=at("2026-04-01 00:00")),
            [curation.Slot(newsroom.stories[WRECK.id])],
        )
