"""The ACLED event taxonomy: 6 event types, 25 sub-event types, disorder types, inter codes.

Names are spelled exactly as the ACLED codebook spells them, because users join our output
with ACLED exports. The hierarchy (which type wins when two apply) follows the codebook's
ordering rules: an event that involves a battle between two organised armed sides is a Battle
even if civilians also died; remote violence against civilians stays Explosions/Remote
violence; a protest met with force is "Excessive force against protesters" only when the
protesters are the targets of lethal or severe force.
"""

from __future__ import annotations

from typing import Final

BATTLES: Final = "Battles"
VIOLENCE_AGAINST_CIVILIANS: Final = "Violence against civilians"
EXPLOSIONS: Final = "Explosions/Remote violence"
PROTESTS: Final = "Protests"
RIOTS: Final = "Riots"
STRATEGIC: Final = "Strategic developments"

EVENT_TYPES: Final[dict[str, tuple[str, ...]]] = {
    BATTLES: (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    VIOLENCE_AGAINST_CIVILIANS: (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    PROTESTS: (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    RIOTS: (
        "Violent demonstration",
        "Mob violence",
    ),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TYPES: Final[dict[str, str]] = {
    sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs
}
"""sub_event_type -> event_type"""

POLITICAL_VIOLENCE: Final = "Political violence"
DEMONSTRATIONS: Final = "Demonstrations"
PV_AND_DEMONSTRATIONS: Final = "Political violence; Demonstrations"
STRATEGIC_DEVELOPMENTS: Final = "Strategic developments"

INTER_TYPES: Final[dict[int, str]] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
INTER_CODES: Final[dict[str, int]] = {v: k for k, v in INTER_TYPES.items()}

TIME_PRECISION: Final[dict[int, str]] = {1: "day", 2: "week", 3: "month", 4: "year"}
GEO_PRECISION: Final[dict[int, str]] = {
    1: "the named town or a facility in it",
    2: "near a named place, or a part of a region",
    3: "a region or province, coded at a representative point",
}

# The codebook's numeric conventions for vague fatality counts.
VAGUE_FATALITIES: Final[dict[str, int]] = {
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "several_large": 10,  # "several"/"many" when the event is large (a battle, a massacre)
    "several_small": 3,  # "several"/"many" otherwise
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for a sub-event type."""
    if sub_event_type not in SUB_EVENT_TYPES or SUB_EVENT_TYPES[sub_event_type] != event_type:
        raise ValueError(f"{sub_event_type!r} is not an ACLED sub-event type of {event_type!r}")
    if event_type == STRATEGIC:
        return STRATEGIC_DEVELOPMENTS
    if sub_event_type in ("Excessive force against protesters", "Mob violence"):
        return PV_AND_DEMONSTRATIONS
    if event_type in (PROTESTS, RIOTS):
        return DEMONSTRATIONS
    return POLITICAL_VIOLENCE


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    """ACLED's interaction label, e.g. "State forces-Rebel group" (lower code first)."""
    if not inter1:
        return None
    if not inter2:
        return f"{inter1} only"
    a, b = sorted((inter1, inter2), key=lambda s: INTER_CODES.get(s, 99))
    return f"{a}-{b}"


def is_valid(event_type: str, sub_event_type: str) -> bool:
    return SUB_EVENT_TYPES.get(sub_event_type) == event_type


# Nouns (lemmas) that name an event of the kinds above: "Tuesday's attack", "the Marawi siege",
# "the bombing of the market, which killed 14". Shared by date, mention and place readers.
EVENT_NOUNS: Final = frozenset({
    "attack", "raid", "bombing", "blast", "explosion", "clash", "fighting", "ambush", "assault", "offensive",
    "shelling", "strike", "airstrike", "massacre", "killing", "kidnapping", "abduction", "protest", "rally",
    "march", "demonstration", "riot", "unrest", "violence", "incident", "shooting", "siege", "battle", "uprising",
})
