"""The demo newsroom's author profiles: one for each demo writer, made once (a second load
adds nothing, and leaves a profile the newsroom has edited as it is). The demo's pictures are
abstract illustrations, not portraits, so the profiles have no photo."""

from __future__ import annotations

from typing import Any

from .models import Profile

# By login name (which stays private: each profile's address is the writer's name).
PROFILES: dict[str, dict[str, Any]] = {
    "reporter": {
        "display_name": "Rosa Penrose",
        "slug": "rosa-penrose",
        "role": "Housing and local government reporter",
        "beat": "housing and the town council",
        "expertise": "tenancy law, council budgets, planning decisions",
        "location": "Port Calder",
        "languages": "English, Portuguese",
        "bio": (
            "Rosa reads every council agenda so readers do not have to. Before joining the "
            "Ledger she spent six years at a tenants' advice centre, which is why her stories "
            "ask what a decision means for the people paying the rent."
        ),
        "links": "https://social.example/@rosapenrose",
        "contact": "rosa.penrose@ledger.example",
    },
    "reporter2": {
        "display_name": "Tom Ashdown",
        "slug": "tom-ashdown",
        "role": "Environment reporter",
        "beat": "the coast, the harbour and the weather",
        "expertise": "marine science, flood risk, fisheries",
        "location": "Port Calder",
        "languages": "English",
        "bio": (
            "Tom trained as a field ecologist and still carries a tide table. He covers the "
            "estuary, the harbour works and the science behind them, and checks every number "
            "with the people who measured it."
        ),
        "links": "https://social.example/@tomashdown\nhttps://www.example.org/tom-ashdown",
        "contact": "https://ledger.example/tips",
    },
    "editor": {
        "display_name": "Marek Hollis",
        "slug": "marek-hollis",
        "role": "News editor",
        "beat": "the news desk",
        "expertise": "verification, courts, public records",
        "location": "Port Calder",
        "languages": "English, Polish",
        "bio": (
            "Marek runs the news desk and signs off what the Ledger publishes. He reported "
            "on the county courts for a decade and handles our corrections."
        ),
        "contact": "marek.hollis@ledger.example",
    },
    "editor2": {
        "display_name": "Priya Raman",
        "slug": "priya-raman",
        "role": "Health and education editor",
        "beat": "health services and schools",
        "expertise": "health services, school funding, data journalism",
        "location": "Harbourside, Port Calder",
        "languages": "English, Tamil",
        "bio": (
            "Priya edits our health and schools coverage and writes on GP surgeries and "
            "hospital waiting lists, usually with a spreadsheet open beside the notebook."
        ),
        "contact": "priya.raman@ledger.example",
    },
}


def load(users: dict[str, Any]) -> list[Profile]:
    """A public profile for each demo writer in `users` (login name → user) who has none;
    the profiles made."""
    made = []
    for login, fields in PROFILES.items():
        user = users.get(login)
        if user is None or Profile.objects.filter(user=user).exists():
            continue
        profile = Profile(user=user, is_public=True, **fields)
        profile.full_clean()
        profile.save()
        made.append(profile)
    return made
