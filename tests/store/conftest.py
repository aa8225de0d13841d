from __future__ import annotations

import pytest

from conflictwatch.store import open_store


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def make_event():
    """A factory of valid Events with overridable fields."""
    from datetime import date

    from conflictwatch.models import Event

    def _make(**kw):
        base = dict(
            event_date=date(2024, 9, 17), event_type="Violence against civilians", sub_event_type="Attack",
            actor1="Unidentified armed group (Burkina Faso)", actor2="Civilians (Burkina Faso)",
            country="Burkina Faso", admin1="Sahel", location="Djibo", latitude=14.102, longitude=-1.627,
            geo_precision=1, fatalities=4,
        )
        base.update(kw)
        return Event(**base)

    return _make
