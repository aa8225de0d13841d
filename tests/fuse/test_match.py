"""Each fusion rule, with the reason it gives; fatality reconciliation; blocking == all pairs."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from conflictwatch.fuse.blocking import BlockingFuser, naive_fuse
from conflictwatch.fuse.fatalities import reconcile, toll_kind
from conflictwatch.fuse.match import match
from conflictwatch.models import Event, Evidence, SourceRef


def ev(**kw) -> Event:
    base = dict(event_date=date(2024, 5, 11), event_type="Battles", sub_event_type="Armed clash", actor1="JNIM",
                actor2="Military Forces of Burkina Faso", country="Burkina Faso", location="Djibo",
                latitude=14.1017, longitude=-1.6279, geo_precision=1)
    base.update(kw)
    return Event(**base)


@pytest.mark.parametrize(("other", "merge", "reason"), [
    (ev(event_date=date(2024, 5, 12), latitude=14.15), True, "dates 1 day apart"),
    (ev(actor1="JNIM: Jama'at Nusrat al-Islam wal-Muslimin"), True, "shared actor (jnim)"),
    (ev(event_date=date(2024, 5, 14)), False, "dates 3 days apart (> 1)"),
    (ev(event_date=date(2024, 5, 14), time_precision=2), True, "dates 3 days apart"),
    (ev(time_precision=4), False, "date coded only to the year"),
    (ev(latitude=14.2282, longitude=-0.8710, location="Arbinda"), False, "km apart (> 25 km)"),
    (ev(latitude=14.0, longitude=-1.4, geo_precision=2), True, "km apart (<= 75 km)"),
    (ev(country="Mali"), False, "different countries"),
    (ev(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Burkina Faso)", actor2=None),
     False, "event types differ"),
    (ev(event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Burkina Faso)"), True,
     "compatible violent types"),
    (ev(event_type="Violence against civilians", sub_event_type="Attack", actor1="Unidentified armed group",
        actor2="Civilians (Burkina Faso)"), False, "event types differ"),
    (ev(actor1="ISWAP", actor2="Military Forces of Nigeria"), False, "actors differ"),
    (ev(actor1="Unidentified armed group (Burkina Faso)", actor2=None), True, "no conflicting named actors"),
    (ev(latitude=None, longitude=None), True, "same location name (djibo) without coordinates"),
    (ev(latitude=None, longitude=None, location="Kaya"), False, "no shared location name"),
])
def test_rules_and_reasons(other, merge, reason):
    d = match(other, ev())
    assert d.merge is merge
    assert any(reason in r for r in d.reasons), d.reasons


def test_toll_kinds_come_from_evidence_tags_and_notes():
    claim = ev(fatalities=100, evidence=[Evidence(field="fatalities", start=0, end=9,
                                                  text="the group claimed it killed 100")])
    assert toll_kind(claim) == "claim"
    assert toll_kind(ev(fatalities=5, notes="The ministry said five died.")) == "official"
    assert toll_kind(ev(fatalities=5, notes="Residents counted five bodies.")) == "report"


def test_reconcile_keeps_claims_apart():
    reps = [(ev(fatalities=40), SourceRef(article_id="a", source="Wire")),
            (ev(fatalities=22, tags="official toll"), SourceRef(article_id="b", source="Daily")),
            (ev(fatalities=107, tags="claimed by JNIM"), SourceRef(article_id="c", source="Digest")),
            (ev(fatalities=None), None)]
    rec = reconcile(reps)
    assert (rec.fatalities, rec.low, rec.high) == (22, 22, 40)
    assert rec.tags == ["claimed fatalities: 107 (Digest)"]
    assert any("Official toll reported by Daily: 22" in n for n in rec.notes)
    only_claim = reconcile([(ev(fatalities=50, tags="claimed"), None)])
    assert only_claim.fatalities == 50 and "fatalities from a claim only" in only_claim.tags


def _synthetic(n: int, seed: int) -> list[Event]:
    rnd = random.Random(seed)
    types = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
             ("Protests", "Peaceful protest"), ("Explosions/Remote violence", "Air/drone strike")]
    actors = ["JNIM", "ISSP", "Unidentified armed group", None, "Military Forces of Mali"]
    out = []
    for _ in range(n):
        et, st = rnd.choice(types)
        tp = rnd.choice([1, 1, 1, 1, 2, 3, 4])
        placed = rnd.random() > 0.1
        out.append(Event(event_date=date(2024, 1, 1) + timedelta(days=rnd.randrange(60)), time_precision=tp,
                         event_type=et, sub_event_type=st, actor1=rnd.choice(actors), country="Mali",
                         location=f"Town {rnd.randrange(30)}", geo_precision=rnd.choice([1, 1, 2, 3]),
                         latitude=14 + rnd.random() * 2 if placed else None,
                         longitude=-4 + rnd.random() * 2 if placed else None))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocking_makes_the_same_decisions_as_all_pairs(seed):
    reports = _synthetic(600, seed)
    fuser = BlockingFuser()
    blocked = [fuser.add(e) for e in reports]
    assert blocked == naive_fuse(reports)
    assert len(set(blocked)) < len(reports)  # the data does contain merges
    assert fuser.comparisons < len(reports) * (len(reports) - 1) / 2 / 5
