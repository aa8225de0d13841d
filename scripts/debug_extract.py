"""Show how the extraction chain reads one document: clauses, types, dates, places, groups.

    .venv/bin/python scripts/debug_extract.py DOCS.jsonl [DOC_ID]
"""

from __future__ import annotations

import sys
from pathlib import Path

from conflictwatch.extract import Extractor
from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.mentions import find_mentions
from conflictwatch.extract.merge import group_mentions
from conflictwatch.extract.pipeline import _names_place
from conflictwatch.readers import read_docs_jsonl


def main() -> None:
    path = Path(sys.argv[1])
    want = sys.argv[2] if len(sys.argv) > 2 else None
    ex = Extractor()
    gp = ex.resources.geoparser
    for art in read_docs_jsonl(path):
        if isinstance(art, Exception) or (want and art.id != want):
            continue
        doc = ex.nlp(art.text)
        dates = find_dates(doc, art.published)
        ms = find_mentions(doc, art.published, dates)
        tops = gp.toponyms(doc, doc_id=art.id)
        focus = gp.locate_event(doc, tops, list(doc.sents), None)
        print(f"=== {art.id} published {art.published} focus={focus and focus.location}/{focus and focus.country}")
        print("actors:", [(a.text, a.label_, a.kb_id_) for a in doc.spans.get("actors", [])])
        print("toponyms:", [(t.name, t.place.country_code if t.place else None) for t in tops])
        locs = []
        for m in ms:
            loc = gp.locate_event(doc, tops, m.context, focus.country if focus else None) \
                if _names_place(m, tops) else None  # as the pipeline does: only a place the mention names
            locs.append(loc)
            d = m.decision
            print(f"- [{d.event_type} / {d.sub_event_type} {d.confidence:.2f}] {m.event_date} p{m.time_precision} "
                  f"{m.recency} date={m.date_mention and m.date_mention.text!r} "
                  f"core={m.core} loc={loc and (loc.location, loc.geo_precision)} fat={[(f.best, f.kind, f.aggregate) for f in m.fatalities]}")
            print(f"    {m.span.text[:160]!r} :: {d.reason}")
        for i, g in enumerate(group_mentions(ms, locs)):
            print(f"  group {i}: {[m.decision.sub_event_type for m in g.mentions]} {g.recency}")
        for e in ex.extract(art):
            print(f"  EVENT main={e.main} {e.event_date} {e.event_type}/{e.sub_event_type} {e.actor1} vs {e.actor2} "
                  f"@ {e.location} ({e.country}) p{e.geo_precision} fat={e.fatalities} {e.recency}")


if __name__ == "__main__":
    main()
