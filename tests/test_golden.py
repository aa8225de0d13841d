"""Golden tests: the Extractor on every article of the sample corpus (samples/articles).

One test id per article slug (parametrized, the way httpx's tests/models/test_whatwg.py runs its
golden cases). For a development article we demand what an ACLED coder would: no ``must_not``
rule broken (no aggregate total coded as one event's toll, no event dated before what the text
allows); nothing coded from a non-conflict article; every gold event found with event type,
date and place right; the principal gold event first. Held-out articles (``"split":
"heldout"``) are kept for the quality report: here they are checked only for the safety rules
(``must_not`` and no false alarm), so that nobody tunes the extractor on them.

Articles the extractor does not yet code right are listed, with what goes wrong, in
``tests/golden/known_gaps.json`` and run as visible non-strict xfails: the suite stays green
while the extractor is built, every gap shows in the ``-ra`` summary, and an article that starts
passing shows as XPASS so its entry can be deleted. Never add an entry to hide a regression.

Needs the trained spaCy model: marked ``model`` (runs in CI, never skipped).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conflictwatch.evaluate import ArticleMatch, Sample, load_samples, match_article
from conflictwatch.extract import Extractor
from conflictwatch.models import Event

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"
CORPUS = {s.slug: s for s in load_samples(SAMPLES)}
KNOWN_GAPS: dict[str, str] = json.loads(
    (Path(__file__).resolve().parent / "golden" / "known_gaps.json").read_text(encoding="utf-8")
)["gaps"]
"""Articles the extractor does not code right yet, each with what goes wrong. They run as
non-strict xfail (listed by ``-ra`` as XFAIL, or XPASS once fixed: then delete the entry)."""

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _describe(events: list[Event]) -> str:
    return "\n".join(
        f"  [{i}] {'MAIN ' if e.main else ''}{e.event_date} p{e.time_precision} {e.event_type} / {e.sub_event_type}"
        f" @ {e.location} ({e.latitude}, {e.longitude}) {e.actor1} vs {e.actor2} fatalities={e.fatalities}"
        for i, e in enumerate(events)
    ) or "  (no event)"


def _report(sample: Sample, match: ArticleMatch, events: list[Event]) -> str:
    lines = [f"{sample.slug}: coded events:", _describe(events), "gold events:"]
    for row in match.events:
        wrong = sorted(k for k, ok in row.fields.items() if not ok)
        state = f"found as [{row.pred_index}], wrong: {wrong or 'nothing'}" if row.found else "NOT FOUND"
        lines.append(f"  {row.key}{' (main)' if row.main else ''}: {state}")
    return "\n".join(lines)


def _cases() -> list[Any]:
    return [
        pytest.param(slug, id=slug, marks=[pytest.mark.xfail(reason=f"known gap: {KNOWN_GAPS[slug]}", strict=False)])
        if slug in KNOWN_GAPS
        else pytest.param(slug, id=slug)
        for slug in sorted(CORPUS)
    ]


@pytest.mark.parametrize("slug", _cases())
def test_golden_article(slug: str, extractor: Extractor) -> None:
    sample = CORPUS[slug]
    events = extractor.extract(sample.article)
    match = match_article(sample.gold, events)
    report = _report(sample, match, events)

    assert not match.violations, f"must_not rules broken: {match.violations}\n{report}"
    if not sample.conflict:
        assert events == [], f"a non-conflict article yielded events\n{report}"
        return
    if sample.split == "heldout":
        return
    missing = [row.key for row in match.events if not row.core_ok]
    assert not missing, f"gold events not found with type, date and place right: {missing}\n{report}"
    assert match.main_first, f"the principal gold event is not the first/main coded event\n{report}"
