"""Refresh tests/golden/known_gaps.json from a run of the Extractor on the sample corpus.

    python tests/golden/refresh_known_gaps.py                 # drop entries that now pass
    python tests/golden/refresh_known_gaps.py --add SLUG ...  # also list new articles that fail

Entries of articles that now pass are removed. An article that fails and is not listed is a
regression: it is printed, never added (fix it, or add it by hand with "REGRESSION since
<commit>: ..." in the reason). Run it on committed code (e.g. from a `git archive HEAD`) so the
list matches what others check out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from conflictwatch.evaluate import ArticleMatch, Sample, load_samples, match_article
from conflictwatch.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]
GAPS = ROOT / "tests" / "golden" / "known_gaps.json"


def what_fails(sample: Sample, match: ArticleMatch, n_events: int) -> str:
    """The reason string for an article, or "" when tests/test_golden.py would pass it."""
    why = [
        f"must_not broken: {v.rule} (event dated {v.event_date}, {v.fatalities} dead)" for v in match.violations
    ]
    if not sample.conflict:
        if n_events:
            why.append(f"false alarm: {n_events} event(s) coded")
    elif sample.split != "heldout":
        for row in match.events:
            if not row.found:
                why.append(f"{row.key} not found")
            elif not row.core_ok:
                wrong = [k for k in ("event_type", "date", "place") if not row.fields.get(k)]
                why.append(f"{row.key} wrong {'/'.join(wrong)}")
        if not match.main_first:
            why.append("main event not first")
    return "; ".join(why)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--add", nargs="*", default=[], help="new article slugs whose failures may be listed")
    args = parser.parse_args(argv)
    doc = json.loads(GAPS.read_text(encoding="utf-8"))
    old: dict[str, str] = doc["gaps"]
    extractor = Extractor()
    now = {}
    for sample in load_samples(ROOT / "samples" / "articles"):
        events = extractor.extract(sample.article)
        reason = what_fails(sample, match_article(sample.gold, events), len(events))
        if reason:
            now[sample.slug] = reason
    passing = sorted(set(old) - set(now))
    regressions = {k: v for k, v in now.items() if k not in old and k not in args.add}
    doc["gaps"] = dict(sorted((k, old.get(k, v)) for k, v in now.items() if k in old or k in args.add))
    GAPS.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(doc['gaps'])} known gaps; now passing (removed): {passing or 'none'}")
    for slug, reason in regressions.items():
        print(f"REGRESSION (not added): {slug}: {reason}", file=sys.stderr)
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main())
