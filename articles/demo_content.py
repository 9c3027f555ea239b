"""Demo content for the newsroom, loaded by `manage.py load_demo`.

Everything here is fiction: Port Calder, its institutions and every person named are invented,
and all URLs point at example.org, example.com or example.net. Plain literals only.
"""

SECTIONS = [
    {
        "name": "City",
        "slug": "city",
        "description": "Council decisions, housing, transport and public services in Port Calder.",
    },
    {
        "name": "Economy",
        "slug": "economy",
        "description": "The port, local employers, jobs and household costs across the Calder region.",
    },
    {
        "name": "Environment",
        "slug": "environment",
        "description": "Flood risk, the estuary, wildlife and the region's response to a changing climate.",
    },
    {
        "name": "Health",
        "slug": "health",
        "description": "Hospitals, GP services and social care for patients in Port Calder and the surrounding coast.",
    },
]

TAGS = [
    {"name": "Housing", "slug": "housing"},
    {"name": "Transport", "slug": "transport"},
    {"name": "Council", "slug": "council"},
    {"name": "Flooding", "slug": "flooding"},
    {"name": "Climate", "slug": "climate"},
    {"name": "Harbour", "slug": "harbour"},
    {"name": "Fishing", "slug": "fishing"},
    {"name": "NHS", "slug": "nhs"},
    {"name": "Research", "slug": "research"},
    {"name": "Energy", "slug": "energy"},
    {"name": "Jobs", "slug": "jobs"},
]

PEOPLE = [
    {
        "name": "Zoë Ó Briain",
        "slug": "zoe-o-briain",
        "role": "Leader of the council",
        "organization": "Port Calder City Council",
    },
    {
        "name": "Rhys Maddock",
        "slug": "rhys-maddock",
        "role": "Leader of the Independent group",
        "organization": "Port Calder City Council",
    },
    {
        "name": "Ifeoma Barnes",
        "slug": "ifeoma-barnes",
        "role": "Cabinet member for transport and environment",
        "organization": "Port Calder City Council",
    },
    {
        "name": "Tomasz Wieczorek",
        "slug": "tomasz-wieczorek",
        "role": "Chief executive",
        "organization": "Port Calder Harbour Authority",
    },
    {
        "name": "Niamh Trevelyan",
        "slug": "niamh-trevelyan",
        "role": "Chair",
        "organization": "Calder Estuary Fishermen's Association",
    },
    {
        "name": "Dr Amara Okonkwo-Hale",
        "slug": "amara-okonkwo-hale",
        "role": "Medical director",
        "organization": "Calder Coast Hospitals NHS Trust",
    },
    {
        "name": "Malcolm Ferreira",
        "slug": "malcolm-ferreira",
        "role": "Chair",
        "organization": "Calder Patients' Voice",
    },
    {
        "name": "Gareth Penhallow",
        "slug": "gareth-penhallow",
        "role": "Managing director",
        "organization": "Calderlink Buses",
    },
    {
        "name": "Professor Helen Fairclough",
        "slug": "helen-fairclough",
        "role": "Director, Coastal Ecology Lab",
        "organization": "University of Port Calder",
    },
    {
        "name": "Eleri Voss",
        "slug": "eleri-voss",
        "role": "Secretary",
        "organization": "Port Calder Tenants' Union",
    },
]

SOURCES = [
    # --- Westbay flood defences -------------------------------------------
    {
        "key": "council-westbay-minutes",
        "title": "Full council, 24 November 2026: decisions and draft minutes",
        "publisher": "Port Calder City Council",
        "url": "https://example.org/council/minutes/2026-11-24",
        "kind": "document",
        "published_on": "2026-11-24",
        "notes": "Draft minutes; final version is ratified at the December meeting. Vote figures checked against the webcast.",
    },
    {
        "key": "council-westbay-business-case",
        "title": "Westbay Coastal Defence Scheme: outline business case",
        "publisher": "Port Calder City Council",
        "url": "https://example.org/council/reports/westbay-coastal-defence-obc",
        "kind": "report",
        "published_on": "2026-11-12",
        "notes": "Appendix C (cost plan) is marked commercially sensitive and was not published.",
    },
    {
        "key": "ccws-surge-analysis",
        "title": "Storm surge return periods for the Calder Estuary: 2026 update",
        "publisher": "Calder Coast Weather Service",
        "url": "https://example.net/ccws/data/surge-return-periods-2026",
        "kind": "dataset",
        "published_on": "2026-10-30",
        "notes": "Spreadsheet plus methods note. The forecaster on duty talked us through the Lower Harbour Street figures by phone.",
    },
    {
        "key": "obriain-interview-westbay",
        "title": "Interview with the council leader after the Westbay vote",
        "publisher": "Port Calder newsroom",
        "url": "https://example.com/newsroom/interviews/2026-11-24-o-briain",
        "kind": "interview",
        "published_on": "2026-11-24",
        "notes": "Recorded in the council chamber foyer by Rosa Reporter; audio on the shared drive.",
    },
    {
        "key": "maddock-statement-westbay",
        "title": "Independent group statement on the Westbay scheme",
        "publisher": "Port Calder Independents",
        "url": "https://example.net/calder-independents/statements/westbay-vote",
        "kind": "statement",
        "published_on": "2026-11-24",
        "notes": "Emailed to the newsdesk at 21:40 and posted online the same evening.",
    },
    # --- Calder General emergency department ------------------------------
    {
        "key": "cchnt-board-report",
        "title": "Integrated performance report: trust board, November 2026",
        "publisher": "Calder Coast Hospitals NHS Trust",
        "url": "https://example.org/cchnt/board/2026-11/integrated-performance-report",
        "kind": "report",
        "published_on": "2026-11-23",
        "notes": "Board papers go online three days before the meeting. Winter plan is section 6.",
    },
    {
        "key": "cchnt-ed-dataset",
        "title": "Emergency department attendances and waits, April–October 2026",
        "publisher": "Calder Coast Hospitals NHS Trust",
        "url": "https://example.org/cchnt/data/ed-waits-2026.csv",
        "kind": "dataset",
        "published_on": "2026-11-23",
        "notes": "Monthly CSV. October 2025 comparison taken from last year's file at the same address.",
    },
    {
        "key": "okonkwo-hale-interview",
        "title": "Interview with the trust's medical director",
        "publisher": "Port Calder newsroom",
        "url": "https://example.com/newsroom/interviews/2026-11-23-okonkwo-hale",
        "kind": "interview",
        "published_on": "2026-11-23",
        "notes": "Arranged through the trust press office; 20-minute phone call, press officer present.",
    },
    {
        "key": "cpv-patient-survey",
        "title": "Waiting and wondering: patient experience in the Calder General emergency department",
        "publisher": "Calder Patients' Voice",
        "url": "https://example.net/calder-patients-voice/reports/ed-experience-2026",
        "kind": "report",
        "published_on": "2026-11-10",
        "notes": "Self-selecting survey of 412 patients, not weighted. Say so if we rely on the percentages.",
    },
    # --- Harbour dredging --------------------------------------------------
    {
        "key": "pcha-contract-notice",
        "title": "Contract award notice 2026/041: deepening of the Calder approach channel",
        "publisher": "Port Calder Harbour Authority",
        "url": "https://example.org/harbour/procurement/award-2026-041",
        "kind": "document",
        "published_on": "2026-11-20",
        "notes": "Published on the authority's procurement portal; lists the number of bids but not the losing bidders.",
    },
    {
        "key": "pcha-press-release",
        "title": "Harbour authority appoints contractor for approach channel deepening",
        "publisher": "Port Calder Harbour Authority",
        "url": "https://example.org/harbour/news/2026-11-20-channel-deepening-contractor",
        "kind": "press-release",
        "published_on": "2026-11-20",
        "notes": "Jobs projection is the authority's own; no methodology supplied when asked.",
    },
    {
        "key": "pcha-environmental-statement",
        "title": "Approach channel deepening: environmental statement, non-technical summary",
        "publisher": "Port Calder Harbour Authority",
        "url": "https://example.org/harbour/consultations/channel-deepening/es-summary.pdf",
        "kind": "report",
        "published_on": "2026-06-15",
        "notes": "Volume 1 only. The technical appendices run to about 400 pages and have not been read in full.",
    },
    {
        "key": "cefa-sediment-review",
        "title": "Independent review of sediment plume modelling for the Calder approach channel",
        "publisher": "Calder Estuary Fishermen's Association",
        "url": "https://example.net/cefa/documents/sediment-review-2026.pdf",
        "kind": "report",
        "published_on": "2026-11-18",
        "notes": "Commissioned and paid for by the association; the author is a consultant hydrographer. Declare this when citing.",
    },
    {
        "key": "pcha-response-review",
        "title": "Response to the fishermen's association sediment review",
        "publisher": "Port Calder Harbour Authority",
        "url": "https://example.org/harbour/news/2026-11-21-response-sediment-review",
        "kind": "statement",
        "published_on": "2026-11-21",
        "notes": "Sent by the press office after we asked for comment on the review.",
    },
    {
        "key": "trevelyan-interview",
        "title": "Interview with the chair of the Calder Estuary Fishermen's Association",
        "publisher": "Port Calder newsroom",
        "url": "https://example.com/newsroom/interviews/2026-11-21-trevelyan",
        "kind": "interview",
        "published_on": "2026-11-21",
        "notes": "In person on the fish quay. Covered both the dredging and the Saltings Point seagrass work.",
    },
    # --- Bus network redesign ---------------------------------------------
    {
        "key": "calderlink-network-plan",
        "title": "Calderlink Network 2027: route map and timetable principles",
        "publisher": "Calderlink Buses",
        "url": "https://example.com/calderlink/network-2027",
        "kind": "document",
        "published_on": "2026-11-16",
        "notes": "Includes a foreword by the managing director. Full timetables are promised for early January.",
    },
    {
        "key": "council-bus-consultation",
        "title": "Bus network redesign consultation: summary of responses",
        "publisher": "Port Calder City Council",
        "url": "https://example.org/council/consultations/bus-network-2027/summary",
        "kind": "report",
        "published_on": "2026-11-13",
        "notes": "Run jointly with Calderlink; the council published the analysis.",
    },
    {
        "key": "barnes-statement-bus",
        "title": "Cabinet member statement on the Calderlink network plan",
        "publisher": "Port Calder City Council",
        "url": "https://example.org/council/news/2026-11-16-bus-network-statement",
        "kind": "statement",
        "published_on": "2026-11-16",
        "notes": "Issued by the council press office on the morning the plan was released.",
    },
    # --- Seagrass study ----------------------------------------------------
    {
        "key": "upc-seagrass-paper",
        "title": "Recovery of a restored eelgrass meadow in the outer Calder Estuary, 2022–2026",
        "publisher": "Journal of Estuarine Restoration",
        "url": "https://example.com/jer/articles/2026/calder-eelgrass-recovery",
        "kind": "article",
        "published_on": "2026-11-19",
        "notes": "Peer-reviewed and open access. The carbon figures in the press release are not in the paper.",
    },
    {
        "key": "upc-seagrass-release",
        "title": "Saltings Point seagrass meadow more than triples in four years",
        "publisher": "University of Port Calder",
        "url": "https://example.org/university/news/2026-11-19-saltings-point-seagrass",
        "kind": "press-release",
        "published_on": "2026-11-19",
        "notes": "Embargoed until 00:01 on 19 November; embargo has lifted.",
    },
    {
        "key": "fairclough-interview",
        "title": "Interview with the director of the Coastal Ecology Lab",
        "publisher": "Port Calder newsroom",
        "url": "https://example.com/newsroom/interviews/2026-11-20-fairclough",
        "kind": "interview",
        "published_on": "2026-11-20",
        "notes": "Video call; she asked to check technical terms, not quotes, before publication.",
    },
    # --- Housing allocations -----------------------------------------------
    {
        "key": "council-allocations-report",
        "title": "Housing allocations policy review: report to cabinet",
        "publisher": "Port Calder City Council",
        "url": "https://example.org/council/cabinet/2026-12-02/housing-allocations-review",
        "kind": "document",
        "published_on": "2026-11-20",
        "notes": "Cabinet meets on 2 December. Equality impact assessment is a separate appendix still to be published.",
    },
    {
        "key": "tenants-union-statement",
        "title": "Tenants' union response to the allocations review",
        "publisher": "Port Calder Tenants' Union",
        "url": "https://example.net/pctu/news/allocations-review-response",
        "kind": "statement",
        "published_on": "2026-11-22",
        "notes": "Obtained by email from the union secretary; also posted on the union's website.",
    },
    # --- Heat-pump grants --------------------------------------------------
    {
        "key": "council-heat-pump-release",
        "title": "Calder Warm Homes: heat-pump grants open on 1 December",
        "publisher": "Port Calder City Council",
        "url": "https://example.org/council/news/2026-11-23-calder-warm-homes",
        "kind": "press-release",
        "published_on": "2026-11-23",
        "notes": "Links to the scheme guidance; eligibility figures checked against the guidance, not just the release.",
    },
    {
        "key": "crea-heating-survey",
        "title": "Domestic heating in the Calder region: survey results 2026",
        "publisher": "Calder Regional Energy Agency",
        "url": "https://example.net/crea/data/domestic-heating-2026",
        "kind": "dataset",
        "published_on": "2026-09-30",
        "notes": "Sample of 3,100 households, weighted by tenure and area.",
    },
]

STORIES = [
    # ------------------------------------------------------------------
    {
        "slug": "council-backs-38m-westbay-flood-defence-scheme-after-split-vote",
        "headline": "Council backs £38m Westbay flood defence scheme after split vote",
        "standfirst": (
            "Port Calder City Council voted 31–24 on Tuesday evening to approve a £38.4m programme of sea "
            "walls, a raised promenade and a tidal gate at Westbay, committing £6.1m of its own capital "
            "budget. Opposition councillors said the plan leaves Lower Harbour Street, where homes flooded "
            "in 2024, waiting for a second phase that has no funding."
        ),
        "dateline": "Port Calder",
        "section": "environment",
        "tags": ["flooding", "council", "climate"],
        "authors": ["reporter"],
        "state": "published",
        "image": {
            "seed": 38,
            "palette": [
                (52, 74, 102),
                (196, 220, 232),
                (38, 122, 128),
                (214, 196, 160),
                (90, 104, 120),
            ],
            "alt": "Abstract illustration: layered teal and slate waves rising towards a pale sky.",
            "caption": "Illustration: the Westbay scheme would raise defences along the estuary's edge.",
        },
        "days_ago": 0,
        "takeaways": [
            "Councillors approved the Westbay Coastal Defence Scheme by 31 votes to 24, with three abstentions.",
            "The scheme is costed at £38.4m, of which the council will borrow £6.1m.",
            "The remaining £32.3m depends on a bid to the national Coastal Resilience Fund due in spring 2027.",
            "Construction of a tidal gate across the Westbay inlet would begin in 2028 at the earliest.",
            "An amendment to bring Lower Harbour Street into the first phase was defeated.",
            "About 1,900 homes and 140 businesses, including the promenade cafés, sit within the protected area.",
        ],
        "claims": [
            {
                "text": (
                    "Full council approved the Westbay Coastal Defence Scheme on 24 November by 31 votes to 24, "
                    "with three abstentions. An amendment that would have moved Lower Harbour Street into the "
                    "first phase of works was defeated earlier in the same meeting by 33 votes to 25."
                ),
                "status": "verified",
                "sources": ["council-westbay-minutes"],
            },
            {
                "text": (
                    "The outline business case puts the total cost at £38.4m. The council's £6.1m share would be "
                    "met by borrowing repaid over 30 years, with the remaining £32.3m sought from the Coastal "
                    "Resilience Fund."
                ),
                "status": "verified",
                "sources": ["council-westbay-business-case", "council-westbay-minutes"],
            },
            {
                "text": (
                    "The business case says the first phase is designed to protect about 1,900 homes and 140 "
                    "businesses against a tidal surge with a 0.5% chance of happening in any year, allowing for "
                    "sea-level rise projected to 2100."
                ),
                "status": "verified",
                "sources": ["council-westbay-business-case"],
            },
            {
                "text": (
                    "The Calder Coast Weather Service's 2026 update shortens the estimated return period of a "
                    "surge like that of December 2024, which flooded 63 properties on Lower Harbour Street, from "
                    "about one in 75 years to about one in 40."
                ),
                "status": "verified",
                "sources": ["ccws-surge-analysis", "council-westbay-business-case"],
            },
            {
                "text": "A decision on the Coastal Resilience Fund bid is expected by autumn 2027, although the fund has not published a timetable.",
                "status": "unconfirmed",
                "sources": [],
            },
            {
                "text": "Several councillors suggested in the debate that the tidal gate could cost more than the £11.2m allowed for it; no independent review of the cost plan has been published.",
                "status": "unconfirmed",
                "sources": [],
            },
        ],
        "context": (
            "Westbay has been the city's most exposed stretch of coast since the old harbour wall was "
            "breached in the 1950s, and successive councils have commissioned studies without committing "
            "capital. Tuesday's vote is the first time the authority has put its own money behind a scheme, "
            "which strengthens a funding bid that would otherwise rely almost entirely on national grant. "
            "The [outline business case](https://example.org/council/reports/westbay-coastal-defence-obc) "
            "sets out why officers prioritised the tidal gate: it protects the largest number of homes for "
            "each pound spent.\n\n"
            "That same calculation is what left Lower Harbour Street in the second phase. The street has "
            "fewer, older properties and would need its own wall, which scores poorly on the cost-benefit "
            "test used by the fund. The weather service's revised surge figures make the gap harder to "
            "defend politically, and the opposition is likely to return to the issue when the council sets "
            "its budget in February."
        ),
        "impact": [
            {
                "label": "Budget effect",
                "text": "Borrowing £6.1m over 30 years would add about £330,000 a year to the council's debt repayments from 2028–29, according to the finance officer's note attached to the minutes.",
            },
            {
                "label": "Residents",
                "text": "Households on Lower Harbour Street will be offered free temporary flood barriers while the second phase remains unfunded.",
            },
            {
                "label": "Insurance",
                "text": "Homes behind completed defences may become eligible for lower premiums, but no insurer has made a commitment.",
            },
        ],
        "quotes": [
            {
                "speaker": "zoe-o-briain",
                "role": "Leader of Port Calder City Council",
                "text": (
                    "This is the largest single investment in flood protection this city has made. It is not "
                    "everything Westbay needs, but it is the part we can fund and build, and it does not close "
                    "the door on the rest."
                ),
                "pull": True,
                "source": "obriain-interview-westbay",
                "said_on": "2026-11-24",
            },
            {
                "speaker": "rhys-maddock",
                "role": "Leader of the Independent group on Port Calder City Council",
                "text": (
                    "Lower Harbour Street flooded two years ago and has been told to wait again. Residents there "
                    "will read tonight's vote as a decision that their homes can come later."
                ),
                "pull": False,
                "source": "maddock-statement-westbay",
                "said_on": "2026-11-24",
            },
        ],
        "bottom_line": (
            "The council has committed money to Westbay for the first time, but the scheme still depends on "
            "a national grant decision a year away, and the street that flooded most recently is not in it. "
            "Whether phase two gains funding will be the test of the leader's promise that the door remains open."
        ),
        "sources": [
            "council-westbay-minutes",
            "council-westbay-business-case",
            "ccws-surge-analysis",
            "obriain-interview-westbay",
            "maddock-statement-westbay",
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "calder-general-ae-sees-fewer-than-two-thirds-of-patients-within-four-hours",
        "headline": "Calder General A&E sees fewer than two-thirds of patients within four hours",
        "standfirst": (
            "Figures published by Calder Coast Hospitals NHS Trust show that 61.8% of patients at Calder "
            "General Hospital's emergency department in October were admitted, transferred or discharged "
            "within four hours – the lowest monthly figure this year. The trust says a same-day emergency "
            "care unit opening in January should ease the pressure."
        ),
        "dateline": "Port Calder",
        "section": "health",
        "tags": ["nhs"],
        "authors": ["reporter"],
        "state": "published",
        "image": {
            "seed": 4,
            "palette": [
                (24, 42, 84),
                (232, 236, 244),
                (226, 112, 96),
                (250, 196, 180),
                (120, 150, 200),
            ],
            "alt": "Abstract illustration: soft coral and white circles over a deep blue gradient.",
            "caption": "Illustration: waiting times at Calder General's emergency department.",
        },
        "days_ago": 1,
        "takeaways": [
            "61.8% of emergency department patients were dealt with within four hours in October.",
            "The trust's target for March 2027 is 78%.",
            "1,140 patients spent more than 12 hours in the department, up from 870 in September.",
            "Attendances were 7% higher than in October 2025.",
            "Patients medically fit to leave occupied an average of 96 beds a day.",
            "A 24-bed same-day emergency care unit is due to open in January 2027.",
        ],
        "claims": [
            {
                "text": (
                    "The trust's integrated performance report shows that 61.8% of emergency department patients "
                    "were admitted, transferred or discharged within four hours in October 2026, compared with "
                    "66.4% in September. The trust's target for March 2027 is 78%."
                ),
                "status": "verified",
                "sources": ["cchnt-board-report", "cchnt-ed-dataset"],
            },
            {
                "text": (
                    "The trust's monthly data records 1,140 patients who spent more than 12 hours in the "
                    "department from arrival in October, up from 870 in September. Attendances totalled 11,860, "
                    "7% more than in October 2025."
                ),
                "status": "verified",
                "sources": ["cchnt-ed-dataset"],
            },
            {
                "text": (
                    "The board report attributes much of the pressure to patients who are medically fit to leave "
                    "but are waiting for care packages or community beds. They occupied an average of 96 beds a "
                    "day in October."
                ),
                "status": "verified",
                "sources": ["cchnt-board-report"],
            },
            {
                "text": (
                    "In a survey of 412 patients published on 10 November by Calder Patients' Voice, 38% of those "
                    "who waited more than four hours said nobody had told them how long they were likely to wait. "
                    "The survey was self-selecting and its results are not weighted."
                ),
                "status": "verified",
                "sources": ["cpv-patient-survey"],
            },
            {
                "text": "Staff have described ambulance handovers taking longer than three hours on several nights in October; the trust has not published handover times for the month.",
                "status": "unconfirmed",
                "sources": [],
            },
            {
                "text": "The trust has not said how many of the new unit's posts will be filled by new recruits rather than staff moved from existing rotas.",
                "status": "unconfirmed",
                "sources": [],
            },
        ],
        "context": (
            "October is usually a month of rising demand rather than a peak, which is why the figures will "
            "concern the board ahead of winter. The fall in performance coincides with more patients staying "
            "in hospital after they are ready to leave, a problem that sits largely with community and social "
            "care services rather than the emergency department itself.\n\n"
            "The same-day emergency care unit is designed to treat patients who would otherwise be admitted "
            "overnight, freeing space in the department. Similar units elsewhere have improved four-hour "
            "performance, but usually only once discharge delays were also brought down. The board meets on "
            "Thursday and is expected to discuss the winter plan in detail."
        ),
        "impact": [
            {
                "label": "Patients",
                "text": "Longer waits fall hardest on older patients, who are more likely to need admission and therefore to wait for a bed.",
            },
            {
                "label": "Winter funding",
                "text": "The board report sets aside £2.3m for extra winter staffing, including additional overnight nurses in the emergency department.",
            },
        ],
        "quotes": [
            {
                "speaker": "amara-okonkwo-hale",
                "role": "Medical director, Calder Coast Hospitals NHS Trust",
                "text": (
                    "Our emergency teams are working flat out, but the department is full because the hospital "
                    "behind it is full. Until we can discharge people who are well enough to go home, the waits "
                    "at the front door will not come down."
                ),
                "pull": True,
                "source": "okonkwo-hale-interview",
                "said_on": "2026-11-23",
            },
            {
                "speaker": "malcolm-ferreira",
                "role": "Chair, Calder Patients' Voice",
                "text": (
                    "People tell us the wait itself is only part of it. Not knowing how long it will be, or "
                    "whether they have been forgotten, is what they remember afterwards."
                ),
                "pull": False,
                "source": "cpv-patient-survey",
                "said_on": "2026-11-10",
            },
        ],
        "bottom_line": (
            "Four-hour performance at Calder General is moving away from the trust's target as winter "
            "begins. The new unit will help at the margins, but the trust's own report suggests the "
            "waits will not fall substantially until more patients can leave hospital when they are ready."
        ),
        "sources": [
            "cchnt-board-report",
            "cchnt-ed-dataset",
            "okonkwo-hale-interview",
            "cpv-patient-survey",
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "harbour-authority-awards-21m-dredging-contract-as-fishermen-dispute-sediment-findings",
        "headline": "Harbour authority awards £21m dredging contract as fishermen dispute sediment findings",
        "standfirst": (
            "Port Calder Harbour Authority has awarded a £21.4m contract to deepen the approach channel so "
            "that larger container ships can reach the port at any state of the tide. Fishermen say the "
            "authority has underestimated how far sediment will spread over nearby shellfish beds – a claim "
            "the authority rejects."
        ),
        "dateline": "Port Calder",
        "section": "economy",
        "tags": ["harbour", "fishing", "jobs"],
        "authors": ["reporter"],
        "state": "published",
        "image": {
            "seed": 21,
            "palette": [(214, 170, 92), (40, 60, 86), (122, 84, 52), (70, 120, 96), (160, 120, 70)],
            "alt": "Abstract illustration: brown and sea-green bands beneath an ochre sky.",
            "caption": "Illustration: the dredging contract covers the harbour's main channel.",
        },
        "days_ago": 3,
        "takeaways": [
            "The contract has gone to Northmoor Marine Dredging Ltd for £21.4m after four companies bid.",
            "The channel would be deepened from 11.5 to 13.2 metres below chart datum.",
            "About 1.8 million cubic metres of material would be removed over two winters from October 2027.",
            "A review commissioned by the fishermen's association disputes the authority's sediment modelling.",
            "The two sides also disagree on whether the work overlaps with herring spawning.",
            "The marine licence has not yet been granted.",
        ],
        "claims": [
            {
                "text": (
                    "The harbour authority published a contract award notice on 20 November naming Northmoor "
                    "Marine Dredging Ltd as the successful bidder at a value of £21.4m. Four companies submitted "
                    "tenders."
                ),
                "status": "verified",
                "sources": ["pcha-contract-notice"],
            },
            {
                "text": (
                    "The approach channel is to be deepened from 11.5 metres to 13.2 metres below chart datum, "
                    "removing about 1.8 million cubic metres of material in two winter campaigns beginning in "
                    "October 2027."
                ),
                "status": "verified",
                "sources": ["pcha-press-release", "pcha-contract-notice"],
            },
            {
                "text": (
                    "The environmental statement submitted with the marine licence application in June proposes "
                    "depositing the spoil at the licensed offshore site at Gannet Deep, 14 km from the harbour mouth."
                ),
                "status": "verified",
                "sources": ["pcha-environmental-statement"],
            },
            {
                "text": (
                    "The authority's environmental statement models the fine-sediment plume as settling within "
                    "1.5 km of the channel on most tides. The review commissioned by the Calder Estuary "
                    "Fishermen's Association argues that on spring tides it could reach 4 km, covering parts of "
                    "the Kettle Bank mussel and oyster beds; the authority says the review relies on out-of-date "
                    "current measurements."
                ),
                "status": "disputed",
                "sources": [
                    "pcha-environmental-statement",
                    "cefa-sediment-review",
                    "pcha-response-review",
                ],
            },
            {
                "text": (
                    "The authority says limiting dredging to October–February avoids the main herring spawning "
                    "period. The association's review cites landings records suggesting that Calder herring begin "
                    "spawning in late January, overlapping the final weeks of each campaign."
                ),
                "status": "disputed",
                "sources": ["pcha-environmental-statement", "cefa-sediment-review"],
            },
            {
                "text": "A shipping line is reported to be considering a new weekly service once the channel is deepened; the authority declined to name any prospective customer.",
                "status": "unconfirmed",
                "sources": [],
            },
            {
                "text": "The marine licence decision is expected early in 2027, but the regulator has not confirmed a date.",
                "status": "unconfirmed",
                "sources": [],
            },
        ],
        "context": (
            "Port Calder handles mostly feeder traffic, and its current depth means the largest ships calling "
            "at the port must wait for high water. The authority has argued for several years that without "
            "deeper water it will lose services to competing ports further along the coast, and the contract "
            "award is the clearest sign yet that it intends to proceed once the licence is granted.\n\n"
            "The fishermen's challenge is narrower than outright opposition. It concerns two technical "
            "questions – where the sediment goes and when the fish spawn – that the licensing regulator will "
            "have to weigh. The association's "
            "[review](https://example.net/cefa/documents/sediment-review-2026.pdf) was paid for by the "
            "association, and the authority's modelling by the authority, which is why both sides have called "
            "for an independent check, though they disagree on who should carry it out."
        ),
        "impact": [
            {
                "label": "Port economy",
                "text": "The authority projects 140 additional jobs at the port by 2030 if larger vessels begin calling; it has not published how the figure was calculated.",
            },
            {
                "label": "Fishing",
                "text": "About 30 boats from the harbour work the Kettle Bank beds, according to the fishermen's association.",
            },
            {
                "label": "Timetable",
                "text": "Any condition added to the marine licence, such as a shorter dredging window, could extend the work into a third winter.",
            },
        ],
        "quotes": [
            {
                "speaker": "tomasz-wieczorek",
                "role": "Chief executive, Port Calder Harbour Authority",
                "text": (
                    "Without a deeper channel, the next generation of ships will simply sail past Port Calder. "
                    "We have planned this work around the estuary's seasons and we will monitor every tide while "
                    "it is under way."
                ),
                "pull": True,
                "source": "pcha-press-release",
                "said_on": "2026-11-20",
            },
            {
                "speaker": "niamh-trevelyan",
                "role": "Chair, Calder Estuary Fishermen's Association",
                "text": (
                    "We are not against the port growing. We are asking for the modelling to be checked by "
                    "someone with no stake in the answer before a single bucket goes in the water."
                ),
                "pull": False,
                "source": "trevelyan-interview",
                "said_on": "2026-11-21",
            },
        ],
        "bottom_line": (
            "The contract is signed but the work cannot start without a marine licence, and the disagreement "
            "over sediment and spawning is now on the regulator's desk. An independent review acceptable to "
            "both sides would settle more than either side's consultant can."
        ),
        "sources": [
            "pcha-contract-notice",
            "pcha-press-release",
            "pcha-environmental-statement",
            "cefa-sediment-review",
            "pcha-response-review",
            "trevelyan-interview",
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "calderlink-to-cut-routes-from-34-to-22-in-network-redesign",
        "headline": "Calderlink to cut routes from 34 to 22 in network redesign, with more frequent core services",
        "standfirst": (
            "Calderlink Buses has confirmed a redesigned network for Port Calder, starting on 31 January 2027, "
            "that concentrates services on six high-frequency corridors. Twelve routes will be withdrawn or "
            "merged, and four villages will rely on a *bookable* minibus instead of a fixed timetable."
        ),
        "dateline": "Port Calder",
        "section": "city",
        "tags": ["transport", "council"],
        "authors": ["reporter"],
        "state": "published",
        "image": {
            "seed": 22,
            "palette": [
                (120, 124, 132),
                (236, 232, 226),
                (232, 120, 40),
                (112, 64, 140),
                (60, 150, 170),
            ],
            "alt": "Abstract illustration: orange and purple curves crossing a grey gradient.",
            "caption": "Illustration: Calderlink's redesigned network has fewer, busier routes.",
        },
        "days_ago": 9,
        "takeaways": [
            "The network will shrink from 34 routes to 22 on 31 January 2027.",
            "Six core routes will run at least every 10 minutes on weekdays between 7am and 7pm.",
            "Hallow Cross, Pennock, Saltings and Upper Dunmere will be served by a bookable minibus, CalderFlex.",
            "57% of 4,236 consultation responses supported fewer, more frequent routes.",
            "Evening services after 9pm will be reduced on seven routes.",
            "The £2 single adult fare cap remains in place until at least March 2027.",
        ],
        "claims": [
            {
                "text": (
                    "Calderlink's Network 2027 plan reduces the number of routes from 34 to 22 from 31 January "
                    "2027. Six core routes, including the Harbourside–University corridor, will run at least "
                    "every 10 minutes on weekdays between 7am and 7pm."
                ),
                "status": "verified",
                "sources": ["calderlink-network-plan"],
            },
            {
                "text": (
                    "Routes 17 and 19 will be withdrawn. Hallow Cross, Pennock, Saltings and Upper Dunmere will "
                    "instead be served by CalderFlex, a minibus that passengers book by app or phone up to an "
                    "hour before travel."
                ),
                "status": "verified",
                "sources": ["calderlink-network-plan"],
            },
            {
                "text": (
                    "The council's consultation received 4,236 responses. Of these, 57% supported the principle "
                    "of fewer, more frequent routes, but support fell to 22% among respondents living in the four "
                    "villages moving to CalderFlex."
                ),
                "status": "verified",
                "sources": ["council-bus-consultation"],
            },
            {
                "text": (
                    "The council will pay £1.2m a year to support CalderFlex and the reduced evening services, "
                    "and has committed to publishing a review after six months of operation."
                ),
                "status": "verified",
                "sources": ["barnes-statement-bus", "council-bus-consultation"],
            },
            {
                "text": "Union representatives have suggested up to 15 driver posts could be affected; Calderlink says no compulsory redundancies are planned, and neither figure has been independently confirmed.",
                "status": "unconfirmed",
                "sources": [],
            },
            {
                "text": "Calderlink has not said how many minibuses CalderFlex will use or how many passengers it expects.",
                "status": "unconfirmed",
                "sources": [],
            },
        ],
        "context": (
            "The redesign follows a pattern seen in several mid-sized cities: fewer routes, run more often, on "
            "the corridors where most people travel. Calderlink's own figures show that the six core corridors "
            "already carry about three-quarters of passengers, and the company argues that shorter waits will "
            "attract more of them.\n\n"
            "The cost falls on those who lose a direct service. Demand-responsive minibuses have had mixed "
            "results elsewhere, working well for planned trips but less so for people who travel at short "
            "notice or cannot use an app. The six-month review the council has promised will be the first "
            "evidence of how CalderFlex performs in practice."
        ),
        "impact": [
            {
                "label": "Passengers in the city",
                "text": "On the six core corridors, maximum daytime waits fall from 20 minutes to 10.",
            },
            {
                "label": "Village residents",
                "text": "People in the four villages will need to book journeys rather than turn up at a stop, and some will need to change buses to reach the hospital.",
            },
            {
                "label": "Council budget",
                "text": "The £1.2m annual support comes from the council's transport budget, which is already under review for 2027–28.",
            },
        ],
        "quotes": [
            {
                "speaker": "gareth-penhallow",
                "role": "Managing director, Calderlink Buses",
                "text": (
                    "At the moment we run too many buses that are nearly empty and not enough where people "
                    "actually travel. Fewer routes that turn up every ten minutes will serve more people than "
                    "many routes that turn up once an hour."
                ),
                "pull": True,
                "source": "calderlink-network-plan",
                "said_on": "2026-11-16",
            },
            {
                "speaker": "ifeoma-barnes",
                "role": "Cabinet member for transport and environment, Port Calder City Council",
                "text": (
                    "We have heard clearly from the villages that a bus you have to book is not the same as a bus "
                    "you can rely on. We will review CalderFlex after six months and publish what we find."
                ),
                "pull": False,
                "source": "barnes-statement-bus",
                "said_on": "2026-11-16",
            },
        ],
        "bottom_line": (
            "Most bus users in Port Calder should see shorter waits from February. For the four villages "
            "moving to CalderFlex, the change depends on a service that has yet to be tested locally, and "
            "the council's review next summer will show whether the trade-off holds."
        ),
        "sources": [
            "calderlink-network-plan",
            "council-bus-consultation",
            "barnes-statement-bus",
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "replanted-seagrass-meadow-at-saltings-point-more-than-triples-in-size",
        "headline": "Replanted seagrass meadow at Saltings Point more than triples in size, university study finds",
        "standfirst": (
            "A four-year study by the University of Port Calder's Coastal Ecology Lab reports that a seagrass "
            "meadow replanted in the outer Calder Estuary grew from 3.2 to 11.7 hectares between 2022 and 2026. "
            "The researchers say winter storms and water clarity remain the main risks to its survival."
        ),
        "dateline": "Port Calder",
        "section": "environment",
        "tags": ["research", "climate", "fishing"],
        "authors": ["reporter"],
        "state": "review",
        "days_ago": 0,
        "takeaways": [
            "The Saltings Point meadow covered 11.7 hectares in summer 2026, up from 3.2 hectares in 2022.",
            "Researchers and volunteers planted about 1.1 million seeds over four seasons.",
            "Seedling survival averaged 14%, within the range reported at comparable sites.",
            "Juvenile fish were about four times as numerous inside the meadow as on bare sediment nearby.",
            "The lab has been awarded £640,000 to extend planting towards Kettle Bank.",
            "Estimates of how much carbon the meadow stores are still preliminary.",
        ],
        "claims": [
            {
                "text": (
                    "The peer-reviewed study, published on 19 November, reports that the meadow at Saltings Point "
                    "grew from 3.2 hectares in 2022 to 11.7 hectares in 2026, measured by drone survey each August."
                ),
                "status": "verified",
                "sources": ["upc-seagrass-paper"],
            },
            {
                "text": (
                    "About 1.1 million seeds were planted over four seasons, and an average of 14% established as "
                    "seedlings. The authors say this is within the range reported at comparable restoration sites."
                ),
                "status": "verified",
                "sources": ["upc-seagrass-paper"],
            },
            {
                "text": (
                    "Fish surveys recorded juvenile fish densities about four times higher inside the meadow than on "
                    "bare sediment 200 metres away, with the largest differences for young pollack and wrasse."
                ),
                "status": "verified",
                "sources": ["upc-seagrass-paper", "fairclough-interview"],
            },
            {
                "text": (
                    "The university says the lab has received a £640,000 grant to extend planting over the next "
                    "three years to an area closer to the Kettle Bank shellfish beds."
                ),
                "status": "verified",
                "sources": ["upc-seagrass-release"],
            },
            {
                "text": "The university's estimate that the meadow could store 40–60 tonnes of carbon a year at maturity comes from modelling in its press release and is not part of the peer-reviewed paper.",
                "status": "unconfirmed",
                "sources": ["upc-seagrass-release"],
            },
            {
                "text": "Some fishermen report catching more bass near Saltings Point since 2024; the study did not survey adult fish.",
                "status": "unconfirmed",
                "sources": [],
            },
        ],
        "context": (
            "Seagrass once covered large parts of the Calder Estuary, and most of it was lost during the last "
            "century to disease, pollution and disturbance from moorings. Restoration projects have had "
            "uneven results, often because seedlings fail in the first winter, so four years of sustained "
            "growth at a single site is a meaningful result.\n\n"
            "The findings come as the harbour authority prepares to deepen the approach channel. Saltings "
            "Point is about 6 km from the channel, beyond the plume extent in either side's modelling, but the "
            "planned extension towards Kettle Bank would bring the planting closer to the disputed area. The "
            "lab has asked to be consulted on monitoring during the works."
        ),
        "impact": [
            {
                "label": "Fishing",
                "text": "Higher numbers of juvenile fish suggest the meadow is acting as a nursery, which could benefit inshore catches over time.",
            },
            {
                "label": "Harbour works",
                "text": "The planned extension could give the regulator a further reason to set strict sediment limits on the channel deepening.",
            },
        ],
        "quotes": [
            {
                "speaker": "helen-fairclough",
                "role": "Director, Coastal Ecology Lab, University of Port Calder",
                "text": (
                    "Seagrass is slow to establish and quick to lose. What these four years show is that with "
                    "enough seed and enough patience a meadow can come back – but one bad winter, or one poor "
                    "summer for water clarity, could set it back years."
                ),
                "pull": True,
                "source": "fairclough-interview",
                "said_on": "2026-11-20",
            },
            {
                "speaker": "niamh-trevelyan",
                "role": "Chair, Calder Estuary Fishermen's Association",
                "text": (
                    "Young fish need somewhere to hide. If the meadow keeps spreading, that matters to every boat "
                    "working out of this harbour."
                ),
                "pull": False,
                "source": "trevelyan-interview",
                "said_on": "2026-11-21",
            },
        ],
        "bottom_line": (
            "The Saltings Point meadow is the most successful seagrass restoration in the estuary so far, and "
            "its value as a fish nursery is now backed by survey data. Its carbon benefits are less certain, "
            "and its future depends on conditions the lab cannot control."
        ),
        "sources": [
            "upc-seagrass-paper",
            "upc-seagrass-release",
            "fairclough-interview",
            "trevelyan-interview",
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "council-proposes-overhaul-of-social-housing-waiting-list",
        "headline": "Council proposes overhaul of social housing waiting list",
        "standfirst": (
            "Port Calder City Council's cabinet will consider changes to how social homes are allocated, "
            "including a five-year local connection rule and extra priority for overcrowded households. The "
            "tenants' union says the plan could push some applicants further down the list."
        ),
        "dateline": "Port Calder",
        "section": "city",
        "tags": ["housing", "council"],
        "authors": ["reporter"],
        "state": "draft",
        "days_ago": 0,
        "takeaways": [
            "About 7,400 households are on the city's social housing register.",
            "The council let 610 homes in the year to March 2026.",
            "Applicants would need to have lived in the city for five years, up from two.",
        ],
        "claims": [
            {
                "text": (
                    "The cabinet report proposes raising the local connection requirement from two years' "
                    "residence to five, and giving households short of two or more bedrooms the same priority "
                    "band as those facing homelessness."
                ),
                "status": "verified",
                "sources": ["council-allocations-report"],
            },
            {
                "text": "The tenants' union believes several hundred applicants could lose their place in the priority bands; the council has not yet published its equality impact assessment.",
                "status": "unconfirmed",
                "sources": ["tenants-union-statement"],
            },
        ],
        "context": (
            "TODO: add figures on average waiting times by band once the housing team replies, and check "
            "how neighbouring authorities apply local connection rules."
        ),
        "impact": [
            {
                "label": "Applicants",
                "text": "Households who moved to the city within the last five years would drop out of the main register unless they qualify for an exemption.",
            },
        ],
        "quotes": [
            {
                "speaker": "zoe-o-briain",
                "role": "Leader of Port Calder City Council",
                "text": (
                    "We have one home for every twelve households on the list. Any system for sharing that out "
                    "will disappoint people, so it has to be one we can explain and defend."
                ),
                "pull": True,
                "source": "council-allocations-report",
                "said_on": "2026-11-20",
            },
            {
                "speaker": "eleri-voss",
                "role": "Secretary, Port Calder Tenants' Union",
                "text": (
                    "A longer residence rule does not build a single extra home. It only changes who is told "
                    "to keep waiting."
                ),
                "pull": False,
                "source": "tenants-union-statement",
                "said_on": "2026-11-22",
            },
        ],
        "bottom_line": "TODO: write once the cabinet date is confirmed.",
        "sources": [
            "council-allocations-report",
            "tenants-union-statement",
        ],
    },
    # ------------------------------------------------------------------
    {
        "slug": "calder-warm-homes-scheme-to-offer-up-to-4500-towards-heat-pumps",
        "headline": "Calder Warm Homes scheme to offer up to £4,500 towards heat pumps from December",
        "standfirst": (
            "A £3.2m council scheme opening on 1 December will pay up to £4,500 towards an air-source heat pump "
            "for lower-income households in Port Calder, on top of the national boiler upgrade grant. The "
            "council expects to fund about 650 installations over two years."
        ),
        "dateline": "Port Calder",
        "section": "economy",
        "tags": ["energy", "housing", "climate"],
        "authors": ["reporter"],
        "state": "scheduled",
        "days_ago": 0,
        "takeaways": [
            "Applications for Calder Warm Homes grants open on 1 December 2026.",
            "Grants of up to £4,500 per home can be combined with the national boiler upgrade grant.",
            "Owner-occupiers qualify with a household income below £36,000 or a home in council tax bands A–C.",
            "Private landlords qualify if they agree not to raise the rent for two years after installation.",
            "The council expects to fund about 650 installations from the £3.2m budget.",
            "Around seven in ten homes in the region are heated by mains gas.",
        ],
        "claims": [
            {
                "text": (
                    "The council's £3.2m Calder Warm Homes scheme opens to applications on 1 December and will pay "
                    "up to £4,500 per home towards an air-source heat pump, which can be combined with the national "
                    "boiler upgrade grant."
                ),
                "status": "verified",
                "sources": ["council-heat-pump-release"],
            },
            {
                "text": (
                    "Owner-occupiers are eligible if their household income is below £36,000 or their home is in "
                    "council tax bands A–C. Private landlords can apply if they agree not to increase the tenant's "
                    "rent for two years after installation."
                ),
                "status": "verified",
                "sources": ["council-heat-pump-release"],
            },
            {
                "text": (
                    "The Calder Regional Energy Agency's 2026 survey found that 71% of homes in the region are "
                    "heated mainly by mains gas, 9% by heating oil and 6% by a heat pump."
                ),
                "status": "verified",
                "sources": ["crea-heating-survey"],
            },
            {
                "text": "Installers in the region may struggle to meet demand if applications arrive quickly; the council has not published how many accredited installers are registered with the scheme.",
                "status": "unconfirmed",
                "sources": [],
            },
            {
                "text": "Officers have suggested a second round could follow in 2028 if the first is fully taken up, but no funding has been identified.",
                "status": "unconfirmed",
                "sources": [],
            },
        ],
        "context": (
            "Heat pumps remain rare in the Calder region, partly because of upfront cost and partly because "
            "many older terraced homes need insulation work first. By adding a local grant to the national "
            "one, the council aims to bring the net cost of a typical installation close to that of a "
            "replacement gas boiler for eligible households.\n\n"
            "The landlord condition is the scheme's most unusual feature. It is intended to stop grant money "
            "being passed on as higher rents, but it may also deter landlords who would otherwise take part. "
            "Full eligibility rules are in the [scheme guidance](https://example.org/council/news/2026-11-23-calder-warm-homes)."
        ),
        "impact": [
            {
                "label": "Household bills",
                "text": "Savings depend on the home's insulation and the tariff; the council's guidance does not promise a figure.",
            },
            {
                "label": "Local trades",
                "text": "At about 325 installations a year, the scheme would roughly double the number of heat pumps fitted in the city annually.",
            },
        ],
        "quotes": [
            {
                "speaker": "ifeoma-barnes",
                "role": "Cabinet member for transport and environment, Port Calder City Council",
                "text": (
                    "For a lot of families in Port Calder, the national grant on its own still leaves a gap they "
                    "cannot close. This scheme is meant to close it, and to make sure it goes to the homes that "
                    "need it most."
                ),
                "pull": True,
                "source": "council-heat-pump-release",
                "said_on": "2026-11-23",
            },
            {
                "speaker": "rhys-maddock",
                "role": "Leader of the Independent group on Port Calder City Council",
                "text": (
                    "The aim is right, but £3.2m will reach a few hundred homes in a city of sixty thousand. We "
                    "need to know who is first in the queue and how they are chosen."
                ),
                "pull": False,
                "source": None,
                "said_on": "2026-11-23",
            },
        ],
        "bottom_line": (
            "Calder Warm Homes will make heat pumps affordable for several hundred lower-income households, "
            "but it is small against the number of homes still heated by gas and oil. How quickly it is "
            "taken up, and whether installers can keep pace, will decide whether a second round follows."
        ),
        "sources": [
            "council-heat-pump-release",
            "crea-heating-survey",
        ],
    },
]
