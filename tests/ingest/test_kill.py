"""A real process is killed with SIGKILL in the middle of a batch; a rerun loses nothing and
duplicates nothing (each article is one transaction; the store is idempotent)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from textwrap import dedent

from sqlalchemy import create_engine, text

SCRIPT = dedent('''
    import sys, time
    from datetime import date
    from conflictwatch.ingest.service import IngestService
    from conflictwatch.models import Event
    from conflictwatch.store import open_store

    class SlowExtractor:
        """Two events an article, the second reported again by the next article (so fusion runs)."""
        def extract(self, article):
            time.sleep(0.05)
            n = int(article.id.split("-")[1])
            def ev(k, lat):
                return Event(event_date=date(2024, 1, 1 + k % 28), event_type="Battles",
                             sub_event_type="Armed clash", actor1="JNIM", country="Mali",
                             location=f"Place {k}", latitude=lat, longitude=-4.0, fatalities=n % 5)
            return [ev(n, 10 + n * 0.5), ev(1000 + n // 2, 30 + (n // 2) * 0.5)]

    store = open_store(sys.argv[1])
    IngestService(store, SlowExtractor()).ingest([sys.argv[2]])
''')


def _count(url: str, sql: str) -> int:
    eng = create_engine(url.replace("postgresql+psycopg", "postgresql+psycopg"))
    try:
        with eng.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    except Exception:  # the table may not exist yet while the child migrates
        return 0
    finally:
        eng.dispose()


def test_kill_9_mid_batch_then_rerun(db_url, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    n_articles = 40
    for i in range(n_articles):
        (docs / f"art-{i:03d}.txt").write_text(
            f"Report {i}: soldiers and the militants clashed in the area on the day, and the army said that "
            f"the fighting went on for hours according to the residents of the town number {i}.", encoding="utf-8")
    script = tmp_path / "run_ingest.py"
    script.write_text(SCRIPT, encoding="utf-8")
    cmd = [sys.executable, str(script), db_url, str(docs)]

    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db_url, "select count(*) from articles") < 8:
        assert child.poll() is None, child.stderr.read().decode()
        assert time.monotonic() < deadline, "the child stored nothing in 120 s"
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    killed_at = _count(db_url, "select count(*) from articles")
    assert 8 <= killed_at < n_articles, "the kill should land mid-batch"

    done = subprocess.run(cmd, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()

    assert _count(db_url, "select count(*) from articles") == n_articles
    # article i reports place i and place 1000 + i // 2 (shared by articles 2k and 2k+1: fused)
    assert _count(db_url, "select count(*) from events") == n_articles + n_articles // 2
    assert _count(db_url, "select count(*) from event_sources") == 2 * n_articles
    assert _count(db_url, "select count(*) from (select event_id, ref from event_sources "
                          "group by event_id, ref having count(*) > 1) d") == 0
    assert _count(db_url, "select count(*) from events where n_sources = 2") == n_articles // 2
