from datetime import date

import pytest
from pydantic import ValidationError

from conflictwatch.models import ACLED_COLUMNS, Article, Event, Evidence, content_hash


def make_event(**kw):
    base = dict(event_date=date(2024, 9, 17), event_type="Battles", sub_event_type="Armed clash")
    base.update(kw)
    return Event(**base)


def test_acled_columns_are_the_31_of_an_export():
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[0] == "event_id_cnty" and ACLED_COLUMNS[-1] == "timestamp"


def test_event_derives_year_disorder_and_range():
    ev = make_event(fatalities=12, inter1="Rebel group", inter2="State forces")
    assert ev.year == 2024
    assert ev.disorder_type == "Political violence"
    assert ev.interaction == "State forces-Rebel group"
    assert (ev.fatalities_low, ev.fatalities_high) == (12, 12)


def test_event_refuses_a_subtype_of_another_type():
    with pytest.raises(ValidationError, match="not a sub-event type"):
        make_event(sub_event_type="Peaceful protest")


def test_acled_row_has_every_column_in_order():
    row = make_event(fatalities=3).acled_row()
    assert list(row) == list(ACLED_COLUMNS)
    assert row["event_date"] == "2024-09-17"


def test_contract_row_carries_evidence_offsets():
    ev = make_event(evidence=[Evidence(field="event_date", start=3, end=10)], confidence={"event_type": 0.8})
    row = ev.contract_row()
    assert row["evidence"] == [{"field": "event_date", "start": 3, "end": 10}]
    assert row["confidence"] == 0.8


def test_evidence_span_must_be_ordered():
    with pytest.raises(ValidationError):
        Evidence(field="x", start=10, end=3)


def test_article_hash_ignores_whitespace_differences():
    a = Article(id="a", text="Gunmen  attacked\nthe town.")
    b = Article(id="b", text="Gunmen attacked the town. ")
    assert a.content_hash == b.content_hash == content_hash("Gunmen attacked the town.")
