"""Word lists that the role reader uses (English; lemmas unless said otherwise)."""

from __future__ import annotations

PATIENT_VERBS = frozenset(("be die flee go lose perish remain succumb suffer sustain").split())
REPORT_VERBS = frozenset(
    (
        "accuse add announce attribute believe blame call condemn confirm declare deny describe explain "
        "insist note quote report say state tell think urge warn"
    ).split()
)
CLAIM_VERBS = frozenset(("acknowledge admit claim").split())
CLASH_WORDS = frozenset(
    (
        "affrontements battle clash clashes combat combats confront confrontation engage exchange fight "
        "fighting firefight gunbattle hostilities skirmish"
    ).split()
)
ASSOC_VERBS = frozenset(("accompany aid assist back help join reinforce support").split())
ASSOC_PREPS = frozenset(("alongside beside with").split())
TARGET_PREPS = frozenset(("against at on targeting upon").split())
VIOLENT = frozenset(
    (
        "abduct abduction ambush arrest assault attack battle beat behead besiege block bomb bombing burn "
        "capture claim clash demonstrate destroy detain detonate disperse engage enter execute fight fire "
        "gunfire hack hit injure invade kidnap kidnapping kill killing launch lob loot lynch march "
        "massacre murder occupy offensive open operation overrun overtake plant pound protest raid "
        "ransack rape raze recapture repel repulse retake riot rob seize seizure set sexually shell "
        "shelling shoot slaughter stab stone storm strike take target throw torch wound"
    ).split()
)
LINK_WORDS = frozenset(("affiliated allied belonging from linked loyal of the to with").split())
SUSPECT_WORDS = frozenset(
    (
        "alleged allegedly possible presumed probable présumé présumés reportedly supposés suspect suspected"
    ).split()
)
BELIEF_WORDS = frozenset(("believed presumed reported said suspected thought").split())
LINK_LEMMAS = frozenset(
    (
        "accuse affiliate affiliated align aligned allied ally associate believe belong blame call close "
        "connect describe identify know link linked loyal name present presume report say suspect think "
        "tie tied"
    ).split()
)
DOUBT_LEMMAS = frozenset(("accuse believe blame describe present presume report say suspect think").split())
CLAUSE_DEPS = frozenset(("ROOT advcl ccomp conj csubj dative dobj nsubj nsubjpass xcomp").split())
HOSTILE_PREPS = frozenset(
    ("against at inside into near on outside targeting toward towards upon versus vs").split()
)
VIOLENT_FORMS = frozenset(("raped rapes raping gunned shelled abducted kidnapped looted torched").split())
# Targets that stand for state forces: "attacked a checkpoint" (military unless said "police").
MILITARY_SITES = frozenset(
    (
        "barracks base camp checkpoint convoy detachment garrison outpost patrol position positions post"
    ).split()
)
POLICE_SITES = frozenset(("commissariat police station").split())
