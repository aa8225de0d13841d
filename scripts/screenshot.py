"""Refresh docs/img/dashboard.png (the README's picture of the dashboard) on purpose.

    .venv/bin/python scripts/screenshot.py            # runs the browser test, writing the image there
    .venv/bin/python scripts/screenshot.py --out x.png

``make test`` leaves the tracked image alone: the browser test writes its screenshot to
tests/artifacts/ (git-ignored) unless CONFLICTWATCH_SCREENSHOT names another path, which is all
this script does. Needs Debian's chromium (scripts/system-deps.sh).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/web/test_dashboard.py::test_dashboard_offline_filter_and_event_view"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "dashboard.png")
    args = ap.parse_args()
    env = {**os.environ, "CONFLICTWATCH_SCREENSHOT": str(args.out.resolve())}
    rc = subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TEST],
                         cwd=ROOT, env=env)
    if rc == 0:
        print(f"wrote {args.out}")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
