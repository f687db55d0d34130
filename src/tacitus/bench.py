"""`tacitus bench`: the bare spaCy parse against full Tacitus coding, on the same text in one run.

(a) parse: the coder's own spaCy pipeline (same components and configuration) over the texts with
    `nlp.pipe`, through the same engine and number of workers as (b);
(b) tacitus: `scale.code_batch` (parse + actors, events, places, dates, flat rows).

ratio = (b) time / (a) time. Peak RSS is sampled every 50 ms over this process and all its children.
The last line is machine-readable:
    BENCH parse_wps=… tacitus_wps=… ratio=… articles_per_s=… peak_rss_mb=…
"""

from __future__ import annotations

import glob
import os
import resource
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psutil

from tacitus import scale

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


class RssSampler:
    """Peak resident memory of this process plus its children (recursively), sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._me = psutil.Process()

    def cpu_seconds(self) -> float:
        """User + system CPU time of this process, its live children, and the children that have
        already exited (a recycled or finished pool worker's time would otherwise vanish)."""
        own = resource.getrusage(resource.RUSAGE_SELF)
        gone = resource.getrusage(resource.RUSAGE_CHILDREN)
        total = own.ru_utime + own.ru_stime + gone.ru_utime + gone.ru_stime
        for proc in self._me.children(recursive=True):
            try:
                t = proc.cpu_times()
                total += t.user + t.system
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total

    def current(self) -> int:
        total = 0
        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())

    @property
    def peak_mb(self) -> float:
        return self.peak / 2**20


def default_corpus() -> list[str]:
    return sorted(glob.glob(str(DEFAULT_CORPUS / "*.jsonl")))


def load_records(paths: Sequence[str], limit: int | None) -> tuple[list[dict[str, Any]], int]:
    records: list[dict[str, Any]] = []
    problems = 0
    for item in scale.read_articles(paths):
        if isinstance(item, scale.ReadProblem):
            problems += 1
            continue
        records.append(scale.article_record(item))
        if limit and len(records) >= limit:
            break
    return records, problems


def run(paths: Sequence[str], limit: int | None = None, workers: int = 1, batch_size: int = scale.DEFAULT_BATCH,
        config: scale.CoderConfig | None = None, say: Any = print) -> dict[str, Any]:
    config = config or scale.CoderConfig()
    with RssSampler() as rss:
        t0 = time.perf_counter()
        records, problems = load_records(paths, limit)
        read_s = time.perf_counter() - t0
        words = sum(len(r["text"].split()) for r in records)
        if not records:
            return {"articles": 0}
        say(f"corpus: {len(records):,} articles, {words:,} words ({problems} unreadable skipped); "
            f"read and cleaned in {read_s:.1f} s")
        t0 = time.perf_counter()
        with scale.LocalEngine(workers, config, batch_size) as engine:
            startup_s = time.perf_counter() - t0
            say(f"startup: {startup_s:.2f} s ({workers} worker{'s' if workers > 1 else ''}: import and model load)")
            batches = [records[i:i + batch_size] for i in range(len(records))[::batch_size]]

            c0, t0 = rss.cpu_seconds(), time.perf_counter()
            tokens = sentences = 0
            for _, (tok, sent) in engine.map("parse", batches):
                tokens += tok
                sentences += sent
            parse_s, parse_cpu = time.perf_counter() - t0, rss.cpu_seconds() - c0

            c0, t0 = rss.cpu_seconds(), time.perf_counter()
            events = 0
            for _, rows in engine.map("code", batches):
                events += len(rows)
            code_s, code_cpu = time.perf_counter() - t0, rss.cpu_seconds() - c0
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    n = len(records)
    result = {
        "articles": n, "words": words, "tokens": tokens, "sentences": sentences, "events": events,
        "workers": workers, "startup_s": startup_s,
        "parse_s": parse_s, "parse_wps": words / parse_s, "parse_sps": sentences / parse_s, "parse_aps": n / parse_s,
        "tacitus_s": code_s, "tacitus_wps": words / code_s, "tacitus_sps": sentences / code_s,
        "articles_per_s": n / code_s, "ratio": code_s / parse_s, "peak_rss_mb": rss.peak_mb,
        "parse_cpu_s": parse_cpu, "tacitus_cpu_s": code_cpu, "load": load,
    }
    say(f"(a) spaCy parse : {parse_s:7.1f} s  {result['parse_wps']:8,.0f} words/s  "
        f"{result['parse_sps']:6,.0f} sentences/s  {result['parse_aps']:6,.1f} articles/s")
    say(f"(b) Tacitus     : {code_s:7.1f} s  {result['tacitus_wps']:8,.0f} words/s  "
        f"{result['tacitus_sps']:6,.0f} sentences/s  {result['articles_per_s']:6,.1f} articles/s  ({events:,} events)")
    say(f"ratio (b)/(a): {result['ratio']:.3f}   peak RSS (all processes): {rss.peak_mb:,.0f} MB")
    say(f"CPU time (all processes): parse {parse_cpu:.1f} s = {words / max(parse_cpu, 1e-9):,.0f} words per CPU-second; "
        f"Tacitus {code_cpu:.1f} s = {words / max(code_cpu, 1e-9):,.0f} words per CPU-second; CPU ratio "
        f"{code_cpu / max(parse_cpu, 1e-9):.3f}; 1-min load average at the end {load:.2f} on {os.cpu_count()} CPUs "
        f"(other processes on the machine lower the wall-clock figures)")
    say(machine_line(result))
    return result


def machine_line(r: dict[str, Any]) -> str:
    return (f"BENCH parse_wps={r['parse_wps']:.0f} tacitus_wps={r['tacitus_wps']:.0f} ratio={r['ratio']:.3f} "
            f"articles_per_s={r['articles_per_s']:.2f} peak_rss_mb={r['peak_rss_mb']:.0f}")
