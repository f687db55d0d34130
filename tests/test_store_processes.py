"""The store under real processes: a reader while another process ingests; an ingest killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_store_helpers import summary_from_events, summary_table

from tacitus.store import open_store

TESTS = Path(__file__).resolve().parent

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from test_store_helpers import numbered_pairs
    from tacitus.store import open_store

    db, n, batch, delay = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])

    def slow():
        for pair in numbered_pairs(n):
            if delay:
                time.sleep(delay)
            yield pair

    with open_store(db) as store:
        s = store.ingest_many(slow(), batch_size=batch)
    print("inserted", s.inserted, "unchanged", s.unchanged, flush=True)
    """
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def start_writer(tmp_path: Path, db: Path, n: int, batch: int, delay: float) -> subprocess.Popen:
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(tests=str(TESTS)))
    return subprocess.Popen([sys.executable, str(script), str(db), str(n), str(batch), str(delay)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_articles(db: Path, at_least: int, proc: subprocess.Popen, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    with open_store(db) as store:
        while time.monotonic() < deadline:
            n = store.stats()["articles"]
            if n >= at_least:
                return n
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.01)
    raise AssertionError("the writer stored nothing in time")


def test_reader_works_while_another_process_ingests(tmp_path):
    db = tmp_path / "shared.db"
    open_store(db).close()
    batch = 20
    proc = start_writer(tmp_path, db, n=400, batch=batch, delay=0.003)
    seen: list[int] = []
    reopened = []
    with open_store(db) as reader:
        while proc.poll() is None:
            stats = reader.stats()
            seen.append(stats["articles"])
            assert stats["articles"] % batch == 0  # a batch is visible whole or not at all
            assert stats["events"] == 2 * stats["articles"]
            reader.events(actor="RUS", limit=10)
            reader.dyad("RUS", "JPN", by="month")
            if len(reopened) < 3 and 0 < stats["articles"] < 400:
                t = time.monotonic()
                open_store(db).close()  # a new reader (the dashboard) opens without waiting for the writer
                reopened.append(time.monotonic() - t)
            time.sleep(0.005)
        out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "inserted 400" in out
    assert seen == sorted(seen)  # never goes backwards
    assert len({n for n in seen if 0 < n < 400}) >= 2, "the reader did not overlap the writer"
    assert reopened and max(reopened) < 0.5
    with open_store(db) as store:
        assert store.stats()["articles"] == 400
        assert summary_table(store) == summary_from_events(store)


def test_killed_ingest_leaves_committed_articles_whole_and_rerun_completes(tmp_path):
    db = tmp_path / "killed.db"
    n, batch = 3000, 25
    proc = start_writer(tmp_path, db, n=n, batch=batch, delay=0.001)
    wait_for_articles(db, 100, proc)
    time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with open_store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        k = store.stats()["articles"]
        assert 100 <= k < n, "the kill did not land mid-way"
        assert k % batch == 0  # only whole batches were committed
        per_article = store.conn.execute(
            "SELECT a.article_id, COUNT(e.id) FROM articles a LEFT JOIN events e ON e.article_pk = a.id "
            "GROUP BY a.id").fetchall()
        assert len({aid for aid, _ in per_article}) == k  # each committed article exactly once
        assert {c for _, c in per_article} == {2}  # each with all its events
        assert summary_table(store) == summary_from_events(store)

    proc = start_writer(tmp_path, db, n=n, batch=batch, delay=0)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"inserted {n - k} unchanged {k}" in out
    with open_store(db) as store:
        stats = store.stats()
        assert (stats["articles"], stats["events"]) == (n, 2 * n)
        assert store.conn.execute("SELECT COUNT(DISTINCT key) FROM articles").fetchone()[0] == n
        assert summary_table(store) == summary_from_events(store)
