"""The long fuzz run: hypothesis cases against the readers and cleaner, and a smaller number through the coder.

    .venv/bin/python fuzz/run_fuzz.py [--cases 100000] [--coder-cases 2000] [--seed 0]

`--cases` is split across the three reader targets (text, HTML, raw bytes through `read_bytes`);
`--coder-cases` go through the real coder (text and HTML). Prints, per target, the cases run, the
failures (the first falsifying example, shrunk) and the time; exits 1 if any target failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fuzz"))
sys.path.insert(0, str(ROOT / "tests"))

from strategies import article_text, html_pages, raw_bytes  # noqa: E402


def make_run(body, strategy, n: int, seed_value: int):
    @seed(seed_value)
    @settings(max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              print_blob=True)
    @given(strategy)
    def run(values):
        body(*values)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="reader/cleaner cases in all")
    parser.add_argument("--coder-cases", type=int, default=2_000, help="cases through the coder")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot use

    import test_fuzz as t
    from tacitus.pipeline import Coder

    counts: dict[str, int] = {}

    def counted(name, fn):
        def wrapper(*a):
            counts[name] = counts.get(name, 0) + 1
            return fn(*a)
        return wrapper

    per_reader = max(1, args.cases // 3)
    per_coder = max(1, args.coder_cases // 2)
    coder = Coder()
    targets = [
        ("readers: text", per_reader, st.tuples(article_text), lambda text: t.build(text, html=False)),
        ("readers: html", per_reader, st.tuples(html_pages()), lambda page: t.build(page, html=True)),
        ("readers: bytes", per_reader, st.tuples(raw_bytes, st.sampled_from([None, "text", "html", "jsonl"])),
         lambda data, kind: t.test_readers_never_raise_on_any_bytes.hypothesis.inner_test(data, kind)),
        ("coder: text", per_coder, st.tuples(st.lists(article_text, min_size=1, max_size=4)),
         lambda texts: t.test_the_coder_on_any_text_raises_nothing_and_keeps_spans_inside.hypothesis.inner_test(coder, texts)),
        ("coder: html", per_coder, st.tuples(html_pages()),
         lambda page: t.test_the_coder_on_any_html_raises_nothing_and_keeps_spans_inside.hypothesis.inner_test(coder, page)),
    ]
    failures = 0
    total = 0
    started_all = time.monotonic()
    print(f"{'target':<16} {'cases':>8} {'failures':>8} {'seconds':>8}")
    for name, n, strategy, fn in targets:
        run = make_run(counted(name, fn), strategy, n, args.seed)
        started = time.monotonic()
        failed = 0
        try:
            run()
        except Exception:
            failed = 1
            traceback.print_exc()
        failures += failed
        total += counts.get(name, 0)
        print(f"{name:<16} {counts.get(name, 0):>8} {failed:>8} {time.monotonic() - started:>8.1f}", flush=True)
    print(f"{'total':<16} {total:>8} {failures:>8} {time.monotonic() - started_all:>8.1f}")
    print(f"FUZZ cases={total} failures={failures} seconds={time.monotonic() - started_all:.0f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
