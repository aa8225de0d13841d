"""Print a table of exported events (JSON Lines), newest first: what `make run` found.

    .venv/bin/python scripts/summary_table.py EVENTS.jsonl
"""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter

from rich.console import Console
from rich.table import Table


def main(path: str) -> None:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    rows.sort(key=lambda r: r.get("event_date") or "", reverse=True)
    t = Table(title=f"{len(rows)} events coded from the sample articles")
    for col in ("date", "type / sub-type", "actor 1", "actor 2", "location", "deaths"):
        t.add_column(col, overflow="fold")
    for r in rows:
        place = ", ".join(x for x in (r.get("location"), r.get("country")) if x)
        t.add_row(r.get("event_date", ""), f"{r.get('event_type')} / {r.get('sub_event_type')}",
                  r.get("actor1") or "", r.get("actor2") or "", place, str(r.get("fatalities") or 0))
    console = Console(width=max(140, shutil.get_terminal_size().columns))
    console.print(t)
    by_type = Counter(r.get("event_type") for r in rows)
    console.print("by type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()))


if __name__ == "__main__":
    main(sys.argv[1])
