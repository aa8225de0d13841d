"""Our scorer (conflictwatch.evaluate) on hand-built events: no model needed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conflictwatch.evaluate import (
    date_agrees,
    event_from_row,
    match_article,
    names_agree,
    place_agrees,
    score_events,
    score_files,
)
from conflictwatch.models import Event

GOLD = {
    "doc_id": "doc-1",
    "events": [
        {
            "key": "town-clash", "main": True, "recency": "current", "event_date": "2024-05-11",
            "time_precision": 1, "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": ["JNIM", "Group for Support of Islam and Muslims"], "actor2": ["Military Forces of Burkina Faso"],
            "location": "Djibo", "country": "Burkina Faso", "latitude": 14.10, "longitude": -1.63, "max_km": 25,
            "fatalities": 12, "fatalities_ok": [12, 100],
        },
        {
            "key": "old-shelling", "main": False, "recency": "past", "event_date": "2023-10", "time_precision": 3,
            "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": ["JNIM"], "actor2": ["Civilians"], "location": "northern Mali", "country": "Mali",
            "region_lat_min": 15.0, "fatalities": 2, "fatalities_ok": [2, 2],
        },
    ],
    "must_not": [{"rule": "fatalities_over", "value": 1000}, {"rule": "date_before", "value": "2015-01-01"}],
}


def make(**kw: object) -> Event:
    base: dict[str, object] = {
        "event_date": date(2024, 5, 11), "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": "JNIM: Group for Support of Islam and Muslims", "actor2": "Military Forces of Burkina Faso (2022-)",
        "country": "Burkina Faso", "latitude": 14.1, "longitude": -1.62, "fatalities": 12,
    }
    base.update(kw)
    return Event.model_validate(base)


def shelling(**kw: object) -> Event:
    base: dict[str, object] = {
        "event_date": date(2023, 10, 1), "time_precision": 3, "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "actor1": "JNIM", "actor2": "Civilians (Mali)",
        "country": "Mali", "latitude": 16.77, "longitude": -3.0, "fatalities": 2, "recency": "past",
    }
    base.update(kw)
    return Event.model_validate(base)


def test_all_found_and_main_first() -> None:
    m = match_article(GOLD, [make(main=True), shelling()])
    assert [e.found for e in m.events] == [True, True]
    assert m.main_first is True
    assert m.violations == []
    assert m.unmatched_predictions == []
    assert all(m.events[0].fields.values())
    assert m.events[1].fields["place"] is True  # latitude 16.77 is north of the 15.0 band
    assert m.events[0].core_ok


def test_order_decides_main_when_nothing_is_marked() -> None:
    m = match_article(GOLD, [shelling(), make()])
    assert m.events[0].found and m.events[0].pred_index == 1
    assert m.main_first is False


def test_marked_main_beats_order() -> None:
    m = match_article(GOLD, [shelling(), make(main=True)])
    assert m.main_first is True


def test_wrong_date_is_never_a_match() -> None:
    m = match_article(GOLD, [make(event_date=date(2024, 5, 12))])
    assert not m.events[0].found
    assert m.unmatched_predictions == [0]


def test_right_date_alone_is_not_enough() -> None:
    # date (2 points) but wrong type, place and toll: 2 < 3 points
    far = make(event_type="Protests", sub_event_type="Peaceful protest", latitude=0.0, longitude=0.0, fatalities=0)
    assert not match_article(GOLD, [far]).events[0].found


def test_field_checks_report_what_is_wrong() -> None:
    m = match_article(GOLD, [make(sub_event_type="Government regains territory", fatalities=3, actor2="Rioters")])
    row = m.events[0]
    assert row.found
    assert row.fields["sub_event_type"] is False
    assert row.fields["fatalities"] is False
    assert row.fields["actors"] is False
    assert row.fields["event_type"] and row.fields["date"] and row.fields["place"]
    assert row.core_ok


def test_one_prediction_matches_one_gold_event_only() -> None:
    gold = {"doc_id": "d", "events": [GOLD["events"][0], {**GOLD["events"][0], "key": "again", "main": False}]}
    m = match_article(gold, [make()])
    assert [e.found for e in m.events] == [True, False]


def test_must_not_rules() -> None:
    m = match_article(GOLD, [make(fatalities=11200), make(event_date=date(2009, 1, 1))])
    assert sorted(v.rule for v in m.violations) == ["date_before", "fatalities_over"]
    assert {v.event_index for v in m.violations} == {0, 1}


def test_unknown_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown must_not rule"):
        match_article({"doc_id": "d", "events": [], "must_not": [{"rule": "nope"}]}, [make()])


def test_non_conflict_article() -> None:
    empty = {"doc_id": "sport", "events": [], "must_not": []}
    assert match_article(empty, []).no_event_ok is True
    assert match_article(empty, [make()]).no_event_ok is False
    assert match_article(GOLD, []).no_event_ok is None


@pytest.mark.parametrize(
    ("precision", "gold_date", "predicted", "ok"),
    [
        (1, "2024-05-11", date(2024, 5, 11), True),
        (1, "2024-05-11", date(2024, 5, 10), False),
        (2, "2024-05-11", date(2024, 5, 17), True),
        (2, "2024-05-11", date(2024, 5, 19), False),
        (3, "2024-05", date(2024, 5, 30), True),
        (3, "2024-05", date(2024, 6, 1), False),
        (4, "2015", date(2015, 12, 31), True),
        (4, "2015", date(2016, 1, 1), False),
    ],
)
def test_date_precision(precision: int, gold_date: str, predicted: date, ok: bool) -> None:
    gold = {"event_date": gold_date, "time_precision": precision}
    assert date_agrees(make(event_date=predicted), gold) is ok


def test_dates_ok_widens_the_match() -> None:
    gold = {"event_date": "2024-08", "time_precision": 3, "dates_ok": ["2024-07", "2024-08"]}
    assert date_agrees(make(event_date=date(2024, 7, 20)), gold)


def test_place_distance_and_missing_coordinates() -> None:
    gold = {"latitude": 12.65, "longitude": -8.0, "max_km": 25}
    assert place_agrees(make(latitude=12.7, longitude=-7.95), gold)
    assert not place_agrees(make(latitude=13.5, longitude=-8.0), gold)  # about 95 km
    assert not place_agrees(make(latitude=None, longitude=None), gold)


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ("Military Forces of Mali (2021-)", "Military Forces of Mali", True),
        ("JNIM: Group for Support of Islam and Muslims", "JNIM", True),
        ("Al Shabaab", "al-Shabaab", True),  # hyphens and case do not matter
        ("Civilians (Mali)", "Civilians", True),
        ("Rapid Support Forces", "Military Forces of Sudan", False),
        ("Séléka", "Seleka", True),
        (None, "JNIM", False),
    ],
)
def test_names_agree(pred: str | None, gold: str, ok: bool) -> None:
    assert names_agree(pred, gold) is ok


def test_score_events_totals() -> None:
    gold_rows = [GOLD, {"doc_id": "sport", "events": [], "must_not": []}]
    score = score_events(gold_rows, {"doc-1": [make(main=True)], "sport": [make()]})
    assert (score.articles, score.total, score.found, score.main_first, score.main_total) == (2, 2, 1, 1, 1)
    assert score.predicted == 2
    assert (score.non_conflict_articles, score.non_conflict_clean) == (1, 0)
    assert score.field_pct["event_type"] == 50.0
    assert score.field_pct["recency"] == 50.0  # of the gold events that state a recency, found or not
    assert score.found_pct == 50.0
    assert "found 1/2" in score.line()


def test_score_files_reads_the_contract(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    row = make(doc_id="doc-1", main=True).contract_row()
    events_path = tmp_path / "events.jsonl"
    events_path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert event_from_row(row).actor1 == "JNIM: Group for Support of Islam and Muslims"
    score = score_files(gold_path, events_path)
    assert score.found == 1 and score.main_first == 1


def test_score_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from conflictwatch.cli import app

    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(
        json.dumps(GOLD) + "\n" + json.dumps({"doc_id": "x", "split": "heldout", "events": []}) + "\n",
        encoding="utf-8",
    )
    events_path = tmp_path / "events.jsonl"
    events_path.write_text(json.dumps(make(doc_id="doc-1", main=True).contract_row()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(gold_path), str(events_path), "--split", "dev"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("events: found 1/2, main first 1/1")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(gold_path), str(bad)])
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.output
