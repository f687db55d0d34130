"""Load run against the HTTP API on loopback: requests/s and p50/p99 latency.

    .venv/bin/python benchmarks/load_api.py [--code-requests 100] [--events-requests 200] [--threads 4]

Starts `uvicorn tacitus.api:create_app` in a subprocess on 127.0.0.1 (a free port) over a temporary
database, stores a few BBC politics articles so GET /v1/events has rows to page through, then runs
two bounded phases with httpx and a small thread pool:
  - POST /v1/code on a ~600-word article (from ../shared/corpus/bbc_news.jsonl, field "text");
  - GET /v1/events?limit=50, paging through the store with the cursor.
Each phase stops after its request count or its share of --deadline seconds, whichever is first.
Only loopback traffic. Prints one line per phase and a machine-readable LOAD line at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news.jsonl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_articles() -> tuple[dict, list[dict]]:
    """The politics article closest to 600 words, and 40 other politics articles to store."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    politics = [r for r in rows if r.get("category") == "politics"] or rows
    target = min(politics, key=lambda r: abs(len(r["text"].split()) - 600))
    others = [r for r in politics if r is not target][:40]
    return target, others


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def run_phase(name: str, n: int, threads: int, seconds: float, call) -> dict:
    latencies: list[float] = []
    errors = 0
    stop_at = time.monotonic() + seconds

    def one(i: int) -> tuple[float, bool] | None:
        if time.monotonic() > stop_at:
            return None
        t0 = time.perf_counter()
        ok = call(i)
        return time.perf_counter() - t0, ok

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for result in pool.map(one, range(n)):
            if result is None:
                continue
            latencies.append(result[0])
            errors += not result[1]
    wall = time.perf_counter() - started
    stats = {
        "phase": name, "requests": len(latencies), "errors": errors, "threads": threads, "seconds": round(wall, 2),
        "rps": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1), "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
    }
    print(f"{name:<28} {stats['requests']:>4} requests  {stats['threads']} threads  {stats['rps']:>7.1f} req/s  "
          f"p50 {stats['p50_ms']:>7.1f} ms  p99 {stats['p99_ms']:>7.1f} ms  errors {errors}", flush=True)
    return stats


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--code-requests", type=int, default=100)
    ap.add_argument("--events-requests", type=int, default=200)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--deadline", type=float, default=60.0, help="seconds for both load phases together")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (../shared/corpus is not beside this clone)")
        return 0
    article, others = load_articles()
    words = len(article["text"].split())

    tmp = tempfile.TemporaryDirectory(prefix="tacitus-load-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, TACITUS_DB=str(Path(tmp.name) / "load.db"), TACITUS_API_KEY="")
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "tacitus.api:create_app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", "--no-access-log"],
        env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    print("server did not start:", server.stderr.read().decode()[-2000:] if server.stderr else "")
                    return 1
                time.sleep(0.1)
            # Warm-up (loads spaCy and the dictionaries: not counted), then some rows to read.
            t0 = time.perf_counter()
            r = client.post("/v1/code", json={"text": article["text"], "date": "2005-02-01"})
            r.raise_for_status()
            warm = time.perf_counter() - t0
            n_events = len(r.json()["events"])
            r = client.post("/v1/articles", json=[{"text": a["text"], "title": a.get("title"), "date": "2005-02-01",
                                                   "id": a.get("id")} for a in others])
            r.raise_for_status()
            stored = client.get("/healthz").json()
            print(f"server: uvicorn, 1 worker, 127.0.0.1:{port}; first /v1/code (loads the model) {warm:.1f} s; "
                  f"article {article.get('id')} ({words} words, {n_events} events); store {stored['articles']} "
                  f"articles, {stored['events']} events", flush=True)

        local = __import__("threading").local()

        def client_for_thread() -> httpx.Client:
            c = getattr(local, "client", None)
            if c is None:
                c = local.client = httpx.Client(base_url=base, timeout=60)
            return c

        payload = {"text": article["text"], "date": "2005-02-01"}

        def code_call(i: int) -> bool:
            return client_for_thread().post("/v1/code", json=payload).status_code == 200

        cursors: list[str | None] = [None]

        def events_call(i: int) -> bool:
            cursor = cursors[-1]
            r = client_for_thread().get("/v1/events", params={"limit": 50, **({"cursor": cursor} if cursor else {})})
            if r.status_code != 200:
                return False
            cursors.append(r.json()["next_cursor"])  # walk the pages, wrapping to the start at the end
            return True

        budget = args.deadline
        results = [
            run_phase(f"POST /v1/code ({words} words)", args.code_requests, args.threads, budget * 0.75, code_call),
            run_phase("GET /v1/events?limit=50", args.events_requests, args.threads, budget * 0.25, events_call),
        ]
        code_stats, ev_stats = results
        print(f"LOAD code_rps={code_stats['rps']} code_p50_ms={code_stats['p50_ms']} code_p99_ms={code_stats['p99_ms']} "
              f"events_rps={ev_stats['rps']} events_p50_ms={ev_stats['p50_ms']} events_p99_ms={ev_stats['p99_ms']} "
              f"errors={code_stats['errors'] + ev_stats['errors']} threads={args.threads} words={words}")
        return 1 if code_stats["errors"] + ev_stats["errors"] else 0
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
