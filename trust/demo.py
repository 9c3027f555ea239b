"""The demo newsroom's standards: every policy, the publisher record and a trust.txt.

Written by an editor through trust.editing, like any change. Idempotent: a policy or a
publisher record that already exists is left as it is (an editor may have changed it).
"""

from __future__ import annotations

import datetime
from typing import Any

from .editing import save_policy, save_publisher
from .models import Policy, Publisher

Kind = Policy.Kind

POLICIES: dict[str, tuple[str, str]] = {
    Kind.PRINCIPLES: (
        "The rules every story we publish follows, from first call to last correction.",
        """# Four habits

1. **We separate what we checked from what we were told.** Every story marks its verified
   facts, its unconfirmed claims and the claims in dispute, and says which is which.
2. **We show our working.** Each verified fact points to the sources behind it, and the
   sources are listed at the end of the story.
3. **We label what kind of piece you are reading.** News, analysis and opinion are never
   mixed without saying so.
4. **We fix mistakes in the open.** See our [corrections policy](/about/corrections/).

## Where the details are

Each of the pages linked below *Our standards* sets out one part of this in full.
""",
    ),
    Kind.MISSION: (
        "What we cover, for whom, and what we leave to others.",
        """# Why we exist

Port Calder deserves a newsroom that explains the decisions made in its name: at the council,
at the harbour board, in the courts and in the schools.

## What we cover first

- Public money: budgets, contracts and who benefits
- Housing, transport and the harbour
- Health and schools, measured by what residents experience

## What we do not chase

We rarely cover celebrity, crime without public interest, or rumours we cannot check. When
we leave a story to others, it is a choice, not an oversight.
""",
    ),
    Kind.ETHICS: (
        "How we stay independent of the people and institutions we report on.",
        """# Independence

Our reporters accept no gifts, travel or hospitality from anyone they cover. Staff declare
memberships, investments and family ties that touch their beat; an editor decides whether
they step away from a story.

# Fairness

Anyone we criticise gets a real chance to answer before we publish, with enough time and
detail to do so. If they decline, we say so.

# Harm

We weigh the public interest against the harm a story may do, especially to children,
victims of crime and people in crisis. We do not name people under 18 who are accused of a
crime.
""",
    ),
    Kind.VERIFICATION: (
        "What we check before a fact is published as verified, and how.",
        """# What counts as verified

A claim appears under *Verified facts* only when a reporter has confirmed it with a primary
record (a document, a dataset, a recording) or with two independent people in a position to
know. An editor signs off every verified claim before the story is published.

# Everything else

Claims we could not confirm appear under *Unconfirmed*, and claims that sources contest appear
under *Disputed*, with who disputes them.

# Numbers

We recalculate figures ourselves where we can, and link the dataset they come from.
""",
    ),
    Kind.CORRECTIONS: (
        "How to tell us about a mistake, and what we do about it.",
        """# When we get it wrong

We correct factual errors as soon as we confirm them. The corrected story carries a note
saying what changed and when, and every correction is listed on our
[corrections page](/corrections/).

We never quietly edit a published fact. Typing errors that change no meaning are fixed
without a note.

# How to report an error

Write to corrections@ledger.example with the story's address and what you believe is
wrong. An editor who did not work on the story reviews it and answers within two working
days.
""",
    ),
    Kind.UNNAMED_SOURCES: (
        "When we let a source speak without a name, and what we require first.",
        """# The rule

We name our sources. We grant anonymity only when a person would face real harm for
speaking (to their safety, their job or their family) *and* the information matters to the
public *and* we cannot get it another way.

# What we require

- At least one editor knows the source's identity
- We corroborate what they say, or label it as unconfirmed
- The story says why the source was not named
""",
    ),
    Kind.DIVERSITY: (
        "Whose voices we seek out, and how we check that we do.",
        """# Who we hear from

Port Calder is older, younger, poorer and more varied than the people who usually speak at
public meetings. We look for sources beyond official spokespeople: tenants as well as
landlords, patients as well as managers.

# How we check

Twice a year we count who we quoted, by role, neighbourhood and gender, and publish the
totals here along with what we will change.
""",
    ),
    Kind.OWNERSHIP: (
        "Who owns us and who pays for our journalism.",
        """# Ownership

The Ledger is owned by the Port Calder Ledger Trust, a non-profit with no shareholders. Its
board appoints the editor but has no say over what we publish.

# Funding

- Reader memberships (about two thirds of our income)
- Grants from charitable foundations, listed by name each year
- Local advertising, which is sold by staff who have no contact with the newsroom

No funder reviews a story before it is published.
""",
    ),
    Kind.MASTHEAD: (
        "The people responsible for what we publish.",
        """# Editors

- **Marek Hollis**, editor
- **Priya Raman**, deputy editor and standards editor

# Reporters

- **Rosa Penrose**, council and housing
- **Tom Ashdown**, harbour and transport
""",
    ),
    Kind.FEEDBACK: (
        "How to reach the newsroom, suggest a story or complain.",
        """# Talk to us

- Story ideas and tips: tips@ledger.example
- Errors: corrections@ledger.example (see our [corrections policy](/about/corrections/))
- Anything else: desk@ledger.example

You can also comment on any story; a person reads every comment before it appears.

# Complaints

If our answer does not satisfy you, write to the standards editor, who replies within five
working days and publishes a summary of the complaints we received each year.
""",
    ),
}

SAME_AS = "https://social.example/@portcalderledger\nhttps://video.example/c/portcalderledger\n"
TRUST_TXT = """# The associations and networks we belong to
belongto=https://local-news-network.example/
member=https://fact-checkers-guild.example/members
social=https://social.example/@portcalderledger
social=https://video.example/c/portcalderledger
contact=desk@ledger.example
disclosure=/about/ownership/
datatrainingallowed=no
"""


def load(editor: Any, site_url: str) -> list[str]:
    """Write what is missing; return the names of the records it wrote."""
    written = []
    for kind, (summary, body) in POLICIES.items():
        if not Policy.objects.filter(kind=kind).exists():
            save_policy(Policy(kind=kind, summary=summary, body=body), editor)
            written.append(str(Kind(kind).label))
    if not Publisher.objects.exists():
        save_publisher(
            Publisher(
                founding_date=datetime.date(2009, 3, 2),
                same_as=SAME_AS,
                trust_txt=TRUST_TXT.replace("=/about/", f"={site_url.rstrip('/')}/about/"),
            ),
            editor,
        )
        written.append("Publisher")
    return written
