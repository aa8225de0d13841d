"""UCDP/ACLED import (idempotent, mapped) and export in four formats with filters."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conflictwatch.errors import MalformedInput
from conflictwatch.ingest.acled import import_acled
from conflictwatch.ingest.ucdp import import_ucdp
from conflictwatch.models import ACLED_COLUMNS
from conflictwatch.store import EventFilter
from conflictwatch.store.export import write_events

UCDP_HEADER = ("id,year,type_of_violence,conflict_name,dyad_name,side_a,side_b,number_of_sources,source_original,"
               "where_prec,where_description,adm_1,adm_2,latitude,longitude,country,region,event_clarity,date_prec,"
               "date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low")
# rows written for these tests (invented values in UCDP's format)
UCDP_ROWS = [
    '9001,2021,1,Burkina Faso: Islamic State,Government of Burkina Faso - IS,Government of Burkina Faso,IS,2,'
    'Wire A,1,"Gorom-Gorom, Oudalan province",Sahel region,Oudalan province,14.4439,-0.2361,Burkina Faso,Africa,'
    '1,1,2021-03-04,2021-03-04,2,5,0,0,7,9,7',
    '9002,2022,3,JNIM - Civilians,JNIM - Civilians,JNIM,Civilians,1,Wire B,4,Nord region,Nord region,,13.58,-2.42,'
    'Burkina Faso,Africa,1,3,2022-06-01,2022-06-29,0,0,11,0,11,15,11',
    '9003,2019,2,Ansarul Islam - Koglweogo,Ansarul Islam - Koglweogo,Ansarul Islam,Koglweogo,1,,2,"Arbinda area",'
    'Sahel region,Soum province,14.23,-0.87,Burkina Faso,Africa,1,5,2019-04-01,2019-12-31,1,1,0,0,2,2,2',
    '9004,2020,9,broken,broken,a,b,1,,1,x,,,1,1,Burkina Faso,Africa,1,1,2020-01-01,2020-01-01,0,0,0,0,0,0,0',
]


@pytest.fixture
def ucdp_csv(tmp_path) -> Path:
    p = tmp_path / "ged.csv"
    p.write_text(UCDP_HEADER + "\n" + "\n".join(UCDP_ROWS) + "\n", encoding="utf-8")
    return p


def test_ucdp_import_maps_fields_and_is_idempotent(store, ucdp_csv):
    rep = import_ucdp(store, ucdp_csv)
    assert (rep.rows, rep.added, rep.already, len(rep.quarantined)) == (4, 3, 0, 1)
    assert "type_of_violence" in rep.quarantined[0].detail and rep.quarantined[0].source.endswith(":5")
    again = import_ucdp(store, ucdp_csv)
    assert (again.added, again.already) == (0, 3)
    clash = store.get_event("ucdp:9001")
    assert (clash.event_type, clash.sub_event_type, clash.inter1) == ("Battles", "Armed clash", "State forces")
    assert (clash.fatalities, clash.fatalities_low, clash.fatalities_high) == (7, 7, 9)
    assert (clash.location, clash.geo_precision, clash.time_precision, clash.iso) == ("Gorom-Gorom", 1, 1, 854)
    assert clash.sources[0].dataset == "ucdp"
    vac = store.get_event("ucdp:9002")
    assert (vac.event_type, vac.actor2, vac.civilian_targeting) == ("Violence against civilians",
                                                                    "Civilians (Burkina Faso)", "Civilian targeting")
    assert (vac.geo_precision, vac.time_precision) == (3, 3) and "2022-06-29" in vac.notes
    assert store.get_event("ucdp:9003").time_precision == 4
    assert store.count_events(EventFilter(dataset="ucdp")) == 3


def test_ucdp_import_refuses_another_csv(store, tmp_path):
    p = tmp_path / "other.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(MalformedInput, match="missing columns"):
        import_ucdp(store, p)


def test_export_formats_and_acled_roundtrip(store, ucdp_csv, tmp_path):
    import_ucdp(store, ucdp_csv)
    flt = EventFilter()
    out = tmp_path / "out"
    assert write_events(store.iter_events(flt), "acled-csv", out / "e.csv") == 3
    with (out / "e.csv").open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31
    assert {r["event_id_cnty"] for r in rows} == {"UCDP-9001", "UCDP-9002", "UCDP-9003"}

    assert write_events(store.iter_events(flt), "geojson", out / "e.geojson") == 3
    gj = json.loads((out / "e.geojson").read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and gj["features"][0]["geometry"]["type"] == "Point"

    assert write_events(store.iter_events(flt), "parquet", out / "e.parquet", batch=2) == 3
    table = pq.read_table(out / "e.parquet")
    assert table.num_rows == 3 and table.column_names[:31] == list(ACLED_COLUMNS)

    assert write_events(store.iter_events(EventFilter(start=date(2021, 1, 1))), "jsonl", out / "e.jsonl") == 2
    assert len((out / "e.jsonl").read_text(encoding="utf-8").splitlines()) == 2

    # an ACLED file (ours, exported) imports back as ACLED events, once
    assert import_acled(store, out / "e.csv").added == 3
    assert import_acled(store, out / "e.csv").added == 0
    back = store.get_event("acled:UCDP-9001")
    assert (back.sources[0].dataset, back.fatalities, back.latitude) == ("acled", 7, 14.4439)


def test_acled_numeric_inter_codes_and_long_dates(store, tmp_path):
    p = tmp_path / "acled.csv"
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row |= {"event_id_cnty": "BFO123", "event_date": "17 September 2024", "event_type": "Battles",
            "sub_event_type": "Armed clash", "actor1": "JNIM", "inter1": "2", "actor2": "Military Forces",
            "inter2": "1", "interaction": "12", "country": "Burkina Faso", "latitude": "12.1", "longitude": "-1.5",
            "fatalities": "3", "time_precision": "1", "geo_precision": "1"}
    with p.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(ACLED_COLUMNS))
        w.writeheader()
        w.writerow(row)
        w.writerow(row | {"event_id_cnty": "BFO124", "sub_event_type": "Attack"})  # wrong type pairing
    rep = import_acled(store, p)
    assert (rep.added, len(rep.quarantined)) == (1, 1)
    ev = store.get_event("acled:BFO123")
    assert (ev.event_date, ev.inter1, ev.inter2, ev.iso) == (date(2024, 9, 17), "Rebel group", "State forces", 854)
