"""Build samples/articles/docs.jsonl and gold.jsonl from the per-article files.

Each article is ``<slug>.txt`` (the body) plus ``<slug>.json`` (metadata and gold events). The two
JSONL files follow ../shared/eval/README.md's contract, so the corpus can be scored like any
evaluation set:

    python scripts/build_sample_jsonl.py            # (re)write the two files
    python scripts/build_sample_jsonl.py --check    # exit 1 if they are out of date
    python scripts/build_sample_jsonl.py --split heldout --out /tmp/heldout   # one split only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"


def build(directory: Path, split: str | None = None) -> tuple[str, str]:
    docs, gold = [], []
    for meta_path in sorted(directory.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if split and meta.get("split") != split:
            continue
        text = meta_path.with_suffix(".txt").read_text(encoding="utf-8")
        docs.append({
            "id": meta["id"],
            "text": text,
            "published": meta["published"],
            "title": meta.get("title"),
            "url": meta.get("url"),
            "source": meta.get("source"),
            "language": meta.get("language", "en"),
            "split": meta.get("split", "dev"),
        })
        gold.append({
            "doc_id": meta["id"],
            "published": meta["published"],
            "split": meta.get("split", "dev"),
            "note": meta.get("notes", ""),
            "events": meta.get("events", []),
            "must_not": meta.get("must_not", []),
        })

    def dump(rows: list[dict]) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)

    return dump(docs), dump(gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=SAMPLES, help="the sample folder")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the sample folder)")
    parser.add_argument("--split", choices=["dev", "heldout"], default=None, help="only this split")
    parser.add_argument("--check", action="store_true", help="fail if the files on disk are out of date")
    args = parser.parse_args(argv)
    out = args.out or args.dir
    docs, gold = build(args.dir, args.split)
    targets = {out / "docs.jsonl": docs, out / "gold.jsonl": gold}
    if args.check:
        stale = [str(p) for p, text in targets.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("out of date (run scripts/build_sample_jsonl.py): " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {docs.count(chr(10))} articles to {out}/docs.jsonl and gold.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
