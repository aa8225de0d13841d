"""UCDP GED CSV -> Events (the dataset recorded as the source).

Mapping (documented choices; UCDP codes are described in the GED codebook):

| UCDP | Event |
|---|---|
| type_of_violence 1 (state-based) | Battles / Armed clash |
| type_of_violence 2 (non-state) | Battles / Armed clash |
| type_of_violence 3 (one-sided) | Violence against civilians / Attack; actor2 "Civilians (<country>)", civilian_targeting |
| side_a / side_b | actor1 / actor2 (UCDP's names); "Government of X" -> inter "State forces" |
| where_prec 1 | geo_precision 1 (exact place) |
| where_prec 2-3 (within ~25 km, second-order unit) | geo_precision 2 |
| where_prec 4-7 (province, linear feature, country, sea) | geo_precision 3 |
| date_prec 1 / 2 / 3 / 4-5 | time_precision 1 (day) / 2 (week) / 3 (month) / 4 (year) |
| date_start | event_date (date_end kept in notes when later) |
| best / low / high | fatalities / fatalities_low / fatalities_high |
| adm_1 / adm_2 / where_description | admin1 / admin2 / location (first part of where_description) |
| id | Event.id "ucdp:<id>", event_id_cnty "UCDP-<id>" |
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conflictwatch import taxonomy
from conflictwatch.ingest.datasets import (
    ImportReport,
    import_csv,
    iso_numeric,
    none_if_blank,
    to_float,
    to_int,
)
from conflictwatch.models import Event, SourceRef

REQUIRED = {"id", "type_of_violence", "side_a", "side_b", "where_prec", "date_prec", "date_start", "best",
            "latitude", "longitude", "country"}
GEO_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
TIME_PRECISION = {1: 1, 2: 2, 3: 3, 4: 4, 5: 4}


def _inter(side: str | None) -> str | None:
    return "State forces" if side and side.startswith("Government of") else None


def parse_row(row: dict[str, str]) -> Event:
    tov = to_int(row["type_of_violence"])
    if tov not in (1, 2, 3):
        raise ValueError(f"type_of_violence {row['type_of_violence']!r} is not 1, 2 or 3")
    country = none_if_blank(row["country"])
    side_a, side_b = none_if_blank(row["side_a"]), none_if_blank(row["side_b"])
    actor2: str | None
    inter2: str | None
    targeting: str | None
    if tov == 3:
        etype, sub = taxonomy.VIOLENCE_AGAINST_CIVILIANS, "Attack"
        actor2 = f"Civilians ({country})" if country else "Civilians"
        inter2, targeting = "Civilians", "Civilian targeting"
    else:
        etype, sub, actor2, inter2, targeting = taxonomy.BATTLES, "Armed clash", side_b, _inter(side_b), None
    start = date.fromisoformat(row["date_start"].strip()[:10])
    end = none_if_blank(row.get("date_end"))
    where = none_if_blank(row.get("where_description"))
    notes = [f"UCDP GED: {row.get('conflict_name') or ''} ({row.get('dyad_name') or ''})."]
    if where:
        notes.append(f"Place: {where}.")
    if end and end[:10] != start.isoformat():
        notes.append(f"Between {start.isoformat()} and {end[:10]}.")
    best = to_int(row["best"])
    ucdp_id = row["id"].strip()
    return Event(
        id=f"ucdp:{ucdp_id}", event_id_cnty=f"UCDP-{ucdp_id}", event_date=start,
        time_precision=TIME_PRECISION.get(to_int(row["date_prec"]) or 5, 4),
        event_type=etype, sub_event_type=sub, actor1=side_a, inter1=_inter(side_a), actor2=actor2,
        inter2=inter2, civilian_targeting=targeting, country=country, iso=iso_numeric(country),
        region=none_if_blank(row.get("region")), admin1=none_if_blank(row.get("adm_1")),
        admin2=none_if_blank(row.get("adm_2")), location=where.split(",")[0].strip() if where else None,
        latitude=to_float(row["latitude"]), longitude=to_float(row["longitude"]),
        geo_precision=GEO_PRECISION.get(to_int(row["where_prec"]) or 7, 3),
        source=none_if_blank(row.get("source_original")) or "UCDP GED", notes=" ".join(notes),
        fatalities=best, fatalities_low=to_int(row.get("low")), fatalities_high=to_int(row.get("high")),
        confidence={}, sources=[SourceRef(article_id=f"ucdp:{ucdp_id}", dataset="ucdp", source="UCDP GED",
                                          title=none_if_blank(row.get("conflict_name")))],
    )


def import_ucdp(store, path: Path) -> ImportReport:  # type: ignore[no-untyped-def]
    """Add a UCDP GED CSV's events to ``store``; a re-import adds none."""
    return import_csv(store, path, "ucdp", parse_row, REQUIRED)
