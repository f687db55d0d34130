"""`tacitus ingest` killed with SIGKILL at random moments, five times, then run to the end.

After every kill: the database opens, `PRAGMA integrity_check` is ok, every article that was
committed before the kill is there exactly once and whole (all its events), and nothing is stored
twice. The final re-run completes and the store equals a clean ingest of the same corpus.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tacitus.readers import read_inputs
from tacitus.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

TACITUS = Path(sys.executable).parent / "tacitus"
KILLS = 5
ARTICLES = 600
BATCH = 10

PAIRS = [("Poland", "Belarusian", "Warsaw"), ("Russia", "Japanese", "Moscow"), ("Japan", "Russian", "Tokyo"),
         ("Ukraine", "Russian", "Kyiv"), ("Lithuania", "Belarusian", "Vilnius"), ("France", "Iranian", "Paris")]
VERBS = ["expelled a {dem} diplomat", "summoned the {dem} ambassador", "condemned the {dem} government",
         "arrested a {dem} citizen", "accused the {dem} army of shelling border villages"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            country, dem, capital = PAIRS[i % len(PAIRS)]
            verb = VERBS[(i // len(PAIRS)) % len(VERBS)].format(dem=dem)
            text = (f"{country} {verb} on {DAYS[i % 5]}, officials in {capital} said in statement number {i}. "
                    f"The foreign ministry said talks would continue next week.")
            out.write(json.dumps({"id": f"a{i}", "url": f"https://news.example/{i}", "date": "2024-03-08",
                                  "text": text}) + "\n")


def committed(db: Path) -> dict[str, int]:
    """article_id → stored events, as a new reader sees the database now."""
    if not db.exists():
        return {}
    conn = sqlite3.connect(db, timeout=30)
    try:
        rows = conn.execute("SELECT a.article_id, COUNT(e.id) FROM articles a LEFT JOIN events e "
                            "ON e.article_pk = a.id GROUP BY a.id").fetchall()
    except sqlite3.OperationalError:  # the schema is not there yet: nothing committed
        rows = []
    finally:
        conn.close()
    return dict(rows)


def check_store(db: Path, must_hold: dict[str, int], reference: dict[str, int]) -> dict[str, int]:
    with open_store(db) as store:
        conn = store.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT a.article_id, COUNT(e.id) FROM articles a LEFT JOIN events e "
                            "ON e.article_pk = a.id GROUP BY a.id").fetchall()
        assert conn.execute("SELECT COUNT(*) - COUNT(DISTINCT key) FROM articles").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) - COUNT(DISTINCT event_id) FROM events").fetchone()[0] == 0
    stored = dict(rows)
    assert len(stored) == len(rows), "an article stored twice"
    assert must_hold.keys() <= stored.keys(), "an article committed before the kill is gone"
    for article_id, events in stored.items():
        assert events == reference[article_id], f"{article_id} stored with {events} of {reference[article_id]} events"
    return stored


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, coder) -> tuple[Path, dict[str, int]]:
    """The corpus and what a clean ingest stores: article_id → events."""
    folder = tmp_path_factory.mktemp("kill")
    path = folder / "corpus.jsonl"
    write_corpus(path, ARTICLES)
    ref_db = folder / "reference.db"
    with open_store(ref_db) as store:
        store.ingest_many(coder.code_articles(a for a in read_inputs([str(path)])), batch_size=50)
    reference = committed(ref_db)
    assert len(reference) == ARTICLES and sum(reference.values()) >= ARTICLES
    return path, reference


def ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([str(TACITUS), "ingest", str(corpus), "--db", str(db), "--batch-size", str(BATCH)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_ingest_survives_five_random_kills_and_completes(corpus, tmp_path):
    path, reference = corpus
    db = tmp_path / "killed.db"
    rnd = random.Random(int(os.environ.get("TACITUS_KILL_SEED", "2024")))
    history: list[tuple[int, int]] = []  # (articles committed before the kill, articles found after it)
    held: dict[str, int] = {}
    for round_ in range(KILLS):
        before = len(held)
        proc = ingest(path, db)
        deadline = time.monotonic() + 180
        # Let this run commit something new, then kill it a random moment later (mid-batch or between).
        while len(committed(db)) <= before:
            assert proc.poll() is None, f"ingest ended before the kill: {proc.communicate()}"
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.02)
        time.sleep(rnd.uniform(0.0, 0.4))
        snapshot = committed(db)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        assert proc.returncode == -signal.SIGKILL, "the process ended before the kill"
        held = check_store(db, snapshot, reference)
        assert len(held) < ARTICLES, "the kill did not land mid-way"
        history.append((len(snapshot), len(held)))
    assert [after for _, after in history] == sorted(after for _, after in history)

    proc = ingest(path, db)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    k = len(held)
    assert re.search(rf"{ARTICLES} articles: {ARTICLES - k} new, 0 updated, {k} unchanged, 0 failed", out), out
    final = check_store(db, held, reference)
    assert final == reference
    print(f"KILLS {KILLS} survived; articles held after each kill: {[a for _, a in history]} of {ARTICLES}")
