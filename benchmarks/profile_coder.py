"""Where the time goes: each spaCy component, then each Tacitus stage, on the same articles.

    .venv/bin/python benchmarks/profile_coder.py [--limit 300] [--batch-size 32]

spaCy components are timed by running the pipeline one component at a time (`proc.pipe` over the
batch, in pipeline order, exactly what `nlp.pipe` does). Tacitus stages are timed by wrapping the
coder's stage functions in this process only (nothing in the package is changed):
  places      Situator.start (find_places over the doc, dateline)
  events      EventCoder.code_sentence (predicates, actors, coreference)
  situate     ArticleSituation.place_and_date (event location and date per event)
  remember    Coder._remember (mentions for coreference)
  other       the rest of code_doc (sentence loop, ordering)
For function-level hot spots run py-spy on this script (see the report in the README).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from tacitus import bench, scale  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", nargs="*", default=None)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--skip-components", action="store_true")
    ap.add_argument("--patch-span-text", action="store_true",
                    help="experiment: replace actors.resolve._span_text (which rebuilds doc.text, O(doc) per call) "
                         "by a span slice, in this process only, and check the events are identical")
    args = ap.parse_args()
    everything, _ = bench.load_records(args.corpus or bench.default_corpus(), None)
    step = max(1, len(everything) // args.limit) if args.limit else 1
    records = everything[::step][: args.limit or None]  # spread over the whole corpus
    del everything
    words = sum(len(r["text"].split()) for r in records)
    t0 = time.perf_counter()
    coder = scale.get_coder()
    print(f"startup (import + model + dictionaries): {time.perf_counter() - t0:.2f} s")
    nlp = coder.nlp
    print(f"{len(records)} articles, {words:,} words; pipeline: {nlp.pipe_names}")
    texts = [r["text"] for r in records]
    bs = args.batch_size

    comp = defaultdict(float)
    if not args.skip_components:
        for i in range(0, len(texts), bs):
            chunk = texts[i:i + bs]
            t = time.perf_counter()
            docs = [nlp.make_doc(x) for x in chunk]
            comp["tokenizer"] += time.perf_counter() - t
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                if hasattr(proc, "pipe"):
                    docs = list(proc.pipe(docs, batch_size=bs))
                else:
                    docs = [proc(d) for d in docs]
                comp[name] += time.perf_counter() - t
        parse_total = sum(comp.values())
    # Tacitus stages
    from tacitus import pipeline, situating
    from tacitus.events.coder import EventCoder

    stage = defaultdict(float)

    def wrap(owner, attr, key):
        original = getattr(owner, attr)

        def timed(*a, **k):
            t = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                stage[key] += time.perf_counter() - t
        setattr(owner, attr, timed)

    wrap(situating.Situator, "start", "places (Situator.start)")
    wrap(EventCoder, "code_sentence", "events (EventCoder.code_sentence)")
    wrap(situating.ArticleSituation, "place_and_date", "situate (place_and_date)")
    wrap(pipeline.Coder, "_remember", "remember (Coder._remember)")
    docs = list(nlp.pipe(texts, batch_size=bs))
    if args.patch_span_text:
        from tacitus.actors import resolve

        t = time.perf_counter()
        before = [[e.to_dict() for e in coder.code_doc(scale.record_article(r), d)] for r, d in zip(records, docs)]
        t_before = time.perf_counter() - t

        def fast_span_text(tokens):
            first, last = tokens[0], tokens[-1]
            return first.doc[first.i:last.i + 1].text, first.idx, last.idx + len(last.text)

        resolve._span_text = fast_span_text
        t = time.perf_counter()
        after = [[e.to_dict() for e in coder.code_doc(scale.record_article(r), d)] for r, d in zip(records, docs)]
        t_after = time.perf_counter() - t
        print(f"patched _span_text: events identical: {before == after}; "
              f"Tacitus coding {t_before:.2f} s as is, {t_after:.2f} s patched")
        stage.clear()
    t = time.perf_counter()
    n_events = 0
    for rec, doc in zip(records, docs):
        art = scale.record_article(rec)
        n_events += len(coder.code_doc(art, doc))
    code_total = time.perf_counter() - t
    stage_total = sum(stage.values())
    grand = (parse_total if not args.skip_components else 0) + code_total
    print(f"\n{'part':40s} {'seconds':>8s} {'% of all':>8s}")
    if not args.skip_components:
        for name, sec in comp.items():
            print(f"{'spaCy ' + name:40s} {sec:8.2f} {100 * sec / grand:7.1f}%")
        print(f"{'spaCy total':40s} {parse_total:8.2f} {100 * parse_total / grand:7.1f}%")
    for name, sec in stage.items():
        print(f"{'Tacitus ' + name:40s} {sec:8.2f} {100 * sec / grand:7.1f}%")
    print(f"{'Tacitus other (code_doc loop)':40s} {code_total - stage_total:8.2f} {100 * (code_total - stage_total) / grand:7.1f}%")
    print(f"{'Tacitus total':40s} {code_total:8.2f} {100 * code_total / grand:7.1f}%   ({n_events} events)")
    if not args.skip_components:
        print(f"\nwords/s parse only {words / parse_total:,.0f}; parse + code {words / grand:,.0f}; "
              f"ratio {grand / parse_total:.3f}")


if __name__ == "__main__":
    main()
