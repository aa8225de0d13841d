"""SQLStore implements every method of the EventStore protocol with the same parameters."""

from __future__ import annotations

import inspect

from conflictwatch.store import EventStore, SQLStore


def test_sqlstore_matches_the_protocol():
    wanted = [n for n, v in vars(EventStore).items() if callable(v) and not n.startswith("_")]
    assert {"ingest", "add_events", "query_events", "timeseries", "places", "quarantine", "close"} <= set(wanted)
    for name in wanted:
        proto = inspect.signature(getattr(EventStore, name))
        impl = inspect.signature(getattr(SQLStore, name))
        assert list(impl.parameters)[: len(proto.parameters)] == list(proto.parameters), name
        for pname, p in proto.parameters.items():
            assert impl.parameters[pname].default == p.default, (name, pname)
