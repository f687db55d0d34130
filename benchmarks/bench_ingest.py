"""Ingest benchmark: code the shared corpora and store them; print articles/s, events, incidents, size.

    .venv/bin/python benchmarks/bench_ingest.py                 # ../shared/corpus/*.jsonl through the coder
    .venv/bin/python benchmarks/bench_ingest.py --synthetic 200000   # the store alone, constructed events

The corpus run times coding and storing separately (storing = time inside `Store.ingest_many`
minus the time spent waiting for the coder), then ingests the same input again to show that a
re-run changes nothing. The synthetic run measures the store without the coder and then times
the queries a dashboard makes (dyad by month, events of an actor, incidents) at that size.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.store import open_store  # noqa: E402


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


class Timed:
    """Wraps the coder's output and adds up the time spent producing it."""

    def __init__(self, pairs: Iterable) -> None:
        self.pairs = iter(pairs)
        self.seconds = 0.0

    def __iter__(self) -> Iterator:
        while True:
            t = time.perf_counter()
            try:
                pair = next(self.pairs)
            except StopIteration:
                self.seconds += time.perf_counter() - t
                return
            self.seconds += time.perf_counter() - t
            yield pair


def corpus_run(files: list[str], db: str, batch_size: int, limit: int | None) -> None:
    from tacitus.readers import read_inputs

    try:
        from tacitus.pipeline import Coder

        t = time.perf_counter()
        coder = Coder()
        load = time.perf_counter() - t
    except Exception as exc:  # the coder is another module's work; say so plainly
        print(f"the coder is not usable yet ({type(exc).__name__}: {exc}); try --synthetic N", file=sys.stderr)
        raise SystemExit(2) from None

    problems: list[str] = []

    def articles() -> Iterator:
        n = 0
        for item in read_inputs(files):
            if not hasattr(item, "text"):
                problems.append(str(item))
                continue
            yield item
            n += 1
            if limit and n >= limit:
                return

    print(f"coder loaded in {load:.1f} s; input: {', '.join(Path(f).name for f in files)}")
    with open_store(db) as store:
        timed = Timed(coder.code_articles(articles()))
        t = time.perf_counter()
        s = store.ingest_many(timed, batch_size=batch_size)
        total = time.perf_counter() - t
        stats = store.stats()
        words = store.conn.execute(
            "SELECT SUM(LENGTH(text) - LENGTH(REPLACE(text, ' ', '')) + 1) FROM articles").fetchone()[0] or 0
        storing = total - timed.seconds
        print(f"articles: {s.articles} ({s.inserted} new, {len(s.failed)} failed, {len(problems)} unreadable)")
        print(f"ingest: {total:.1f} s = {s.articles / total:.1f} articles/s, {words / total:,.0f} words/s "
              f"(coding {timed.seconds:.1f} s, storing {storing:.2f} s = {s.articles / max(storing, 1e-9):,.0f} "
              f"articles/s)")
        print(f"events stored: {stats['events']}; incidents: {stats['incidents']} "
              f"({store.conn.execute('SELECT COUNT(*) FROM incidents WHERE n_articles > 1').fetchone()[0]} "
              f"reported by more than one article); places: {stats['places']}")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"database: {db} {human(Path(db).stat().st_size)}")
        t = time.perf_counter()
        again = store.ingest_many(Timed(coder.code_articles(articles())), batch_size=batch_size)
        print(f"re-run: {again.unchanged} unchanged, {again.inserted} new, {again.replaced} replaced "
              f"in {time.perf_counter() - t:.1f} s (coding again included)")
        top = store.conn.execute(
            "SELECT source_country, target_country, SUM(n) FROM dyad_summary WHERE period = 'month' "
            "AND source_country <> '' AND target_country <> '' AND source_country <> target_country "
            "GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5").fetchall()
        print("top dyads: " + ", ".join(f"{a}→{b} {n}" for a, b, n in top))


def synthetic_run(n: int, db: str, batch_size: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import random
    from datetime import date, timedelta

    from test_store_helpers import CODES, PLACES, article, event

    rng = random.Random(7)
    countries = ["RUS", "UKR", "USA", "CHN", "JPN", "POL", "BLR", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR", "SYR"]
    codes = list(CODES)
    places = list(PLACES) + [None, None]
    start = date(2020, 1, 1)

    def pairs() -> Iterator:
        for i in range(n):
            d = (start + timedelta(days=rng.randrange(1500))).isoformat()
            a = article(f"s{i}", text=f"Synthetic article {i}.", url=f"https://o{i % 50}.example/{i}", day=d)
            evs = []
            for k in range(3):
                s, t = rng.sample(countries, 2)
                evs.append(event(a, s + "GOV", t + "GOV", rng.choice(codes), sentence_index=k, start=k * 40,
                                 place=rng.choice(places)))
            yield a, evs

    with open_store(db) as store:
        t = time.perf_counter()
        s = store.ingest_many(pairs(), batch_size=batch_size)
        dt = time.perf_counter() - t
        stats = store.stats()
        print(f"synthetic: {s.articles} articles, {stats['events']} events in {dt:.1f} s = "
              f"{s.articles / dt:,.0f} articles/s, {stats['events'] / dt:,.0f} events/s; "
              f"incidents {stats['incidents']}")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"database: {human(Path(db).stat().st_size)}")
        for label, fn in (
            ("dyad RUS UKR by month", lambda: store.dyad("RUS", "UKR", by="month")),
            ("dyad RUS UKR by day", lambda: store.dyad("RUS", "UKR", by="day")),
            ("events actor=RUS root=17 limit 100", lambda: store.events(actor="RUS", root="17", limit=100)),
            ("events text='did expel' limit 100", lambda: store.events(text="did expel", limit=100)),
            ("incidents min_articles=2 limit 50", lambda: store.incidents(min_articles=2, limit=50)),
            ("reciprocity days=30 (actor RUS)", lambda: store.reciprocity(days=30, actor="RUS")),
        ):
            t = time.perf_counter()
            rows = fn()
            print(f"  {label}: {len(rows)} rows in {(time.perf_counter() - t) * 1000:.1f} ms")
        t = time.perf_counter()
        out = Path(db).with_suffix(".parquet")
        rows = store.export("parquet", out)
        print(f"  export parquet: {rows} rows in {time.perf_counter() - t:.1f} s ({human(out.stat().st_size)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"), help="folder of *.jsonl")
    ap.add_argument("--db", default=None, help="database file (default: a fresh temporary file)")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--synthetic", type=int, default=0, help="store N constructed articles instead (no coder)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or os.path.join(tmp, "bench.db")
        if args.synthetic:
            synthetic_run(args.synthetic, db, args.batch_size)
            return
        files = sorted(glob.glob(os.path.join(args.corpus, "*.jsonl")))
        if not files:
            print(f"skipped: no corpus at {args.corpus} (*.jsonl)")
            return
        corpus_run(files, db, args.batch_size, args.limit)


if __name__ == "__main__":
    main()
