"""Reconcile the death tolls of several reports of one event.

Codebook convention: the best figure is the lowest credible one; low/high span every credible
report. A toll that an armed group claims for its own attack is not credible on its own: it is
kept apart, attributed in ``tags`` and ``notes``, and used as the best figure only when no other
figure exists. An official toll (government, army, ministry, UN) is attributed in the notes too.
A report's toll is taken as a claim or official from the words of its fatalities evidence, tags
and notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from conflictwatch.models import Event, SourceRef

_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b|\bsaid it (?:had )?killed\b|\bpropaganda\b", re.I)
_OFFICIAL = re.compile(
    r"\bofficial(?:s|ly)?\b|\bgovernment\b|\bministry\b|\bministers?\b|\barmy said\b|\bmilitary said\b"
    r"|\bgovernor\b|\bauthorities\b|\bUN\b|\bUnited Nations\b|\bpolice said\b",
)


def toll_kind(e: Event) -> str:
    """'claim', 'official' or 'report': how a report's death toll is attributed."""
    words = " ".join(
        [ev.text or "" for ev in e.evidence_for("fatalities")] + [e.tags or "", e.notes or ""]
    )
    if _CLAIM.search(words):
        return "claim"
    if _OFFICIAL.search(words):
        return "official"
    return "report"


@dataclass
class Reconciled:
    fatalities: int | None
    low: int | None
    high: int | None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _who(ref: SourceRef | None) -> str:
    if ref is None:
        return "unknown source"
    return ref.source or ref.url or ref.article_id


def reconcile(reports: Sequence[tuple[Event, SourceRef | None]]) -> Reconciled:
    """Best (lowest credible), low/high and attributions across the reports of one event."""
    credible: list[tuple[Event, SourceRef | None]] = []
    claims: list[tuple[Event, SourceRef | None]] = []
    for e, ref in reports:
        if e.fatalities is None:
            continue
        (claims if toll_kind(e) == "claim" else credible).append((e, ref))
    out = Reconciled(None, None, None)
    base = credible or claims
    if base:
        out.fatalities = min(e.fatalities for e, _ in base)  # type: ignore[type-var]
        out.low = min(e.fatalities_low if e.fatalities_low is not None else e.fatalities for e, _ in base)  # type: ignore[type-var]
        out.high = max(e.fatalities_high if e.fatalities_high is not None else e.fatalities for e, _ in base)  # type: ignore[type-var]
    if claims:
        if not credible:
            out.tags.append("fatalities from a claim only")
        for e, ref in claims:
            out.tags.append(f"claimed fatalities: {e.fatalities} ({_who(ref)})")
            out.notes.append(f"A claim reported by {_who(ref)} put the toll at {e.fatalities}.")
    for e, ref in credible:
        if toll_kind(e) == "official":
            out.notes.append(f"Official toll reported by {_who(ref)}: {e.fatalities}.")
    if len({e.fatalities for e, _ in credible}) > 1:
        out.notes.append(
            f"Credible reports give {out.low}-{out.high} fatalities; coded {out.fatalities} (lowest)."
        )
    return out
