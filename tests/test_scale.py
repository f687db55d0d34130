"""Batch coding at scale: engines agree, resumed runs equal uninterrupted ones, Parquet input, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tacitus import scale

ARTICLES = [
    ("a1", "2022-09-27", "Russia expelled a Japanese diplomat on Monday, the foreign ministry in Moscow said.\n\n"
     "Japan protested the expulsion and summoned the Russian ambassador in Tokyo."),
    ("a2", "2019-10-14", "Turkish troops attacked Kurdish fighters in northern Syria on Sunday. "
     "The United States condemned the offensive."),
    ("a3", "2021-03-02", "The weather was mild and the markets were quiet."),
    ("a4", "2020-01-08", "Iran fired missiles at bases in Iraq that host American troops. "
     "President Trump said the United States would impose new sanctions on Iran."),
    ("a5", "2018-06-12", "North Korea and the United States signed an agreement in Singapore. "
     "China welcomed the summit and praised both leaders."),
    ("a6", "2022-02-24", "Ukraine accused Russia of shelling Kharkiv. Germany promised aid to Ukraine."),
    ("a7", "2017-05-01", "France and Germany met in Paris to discuss trade with China."),
]


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    return _write_jsonl(folder / "news.jsonl", [{"id": i, "date": d, "text": t} for i, d, t in ARTICLES])


@pytest.fixture(scope="module")
def engine():
    with scale.LocalEngine(workers=1) as eng:
        yield eng


def _sorted_rows(out: Path) -> list[dict]:
    rows = scale.read_events(out).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


@pytest.fixture(scope="module")
def reference(corpus, engine, tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("ref") / "events.parquet"
    stats = scale.run_batch([str(corpus)], out, engine=engine, chunk_size=3, batch_size=2)
    assert stats.articles == len(ARTICLES) and not stats.problems
    rows = _sorted_rows(out)
    assert rows, "the constructed corpus should give some events"
    return rows


def test_code_batch_matches_the_coder(coder):
    from tacitus.readers import article_from_text

    articles = [article_from_text(t, date=d, article_id=i) for i, d, t in ARTICLES]
    rows = scale.code_batch([scale.article_record(a) for a in articles])
    expected = [e.to_dict() for a in articles for e in coder.code_article(a)]
    assert [r["event_id"] for r in rows] == [e["event_id"] for e in expected]
    assert rows and all(set(r) == set(scale.EVENT_COLUMNS) for r in rows)
    assert [r["confidence"] for r in rows] == [e["confidence"] for e in expected]


def test_rows_round_trip_to_events(reference):
    for row in reference:
        event = scale.row_event(row)
        assert event.event_id == row["event_id"]


def test_parts_manifests_and_schema(corpus, engine, tmp_path):
    out = tmp_path / "events.parquet"
    scale.run_batch([str(corpus)], out, engine=engine, chunk_size=2, batch_size=2)
    parts = sorted(out.glob("part-*.parquet"))
    manifests = sorted((out / scale.MANIFESTS).glob("part-*.json"))
    assert len(parts) == len(manifests) == 4  # 7 articles in parts of 2 (batches of 2)
    ids = [a for m in manifests for a in json.loads(m.read_text())["articles"]]
    assert ids == [a[0] for a in ARTICLES]  # articles without events are recorded too
    for part in parts:
        assert pq.read_schema(part).equals(scale.EVENT_SCHEMA)
    assert not list(out.glob(".*.tmp"))


def test_resumed_run_equals_uninterrupted(corpus, engine, reference, tmp_path):
    out = tmp_path / "events.parquet"
    first = scale.run_batch([str(corpus)], out, engine=engine, chunk_size=2, batch_size=2, limit=3)
    assert first.stopped_early and first.articles == 3
    # a run killed mid-write leaves a tmp file and a part with no manifest: both are dropped on resume
    (out / ".part-00009.parquet.tmp").write_bytes(b"half")
    pq.write_table(scale.EVENT_SCHEMA.empty_table(), out / "part-00009.parquet")
    second = scale.run_batch([str(corpus)], out, engine=engine, chunk_size=2, batch_size=2)
    assert second.skipped == 3 and second.articles == len(ARTICLES) - 3
    assert not (out / "part-00009.parquet").exists() and not (out / ".part-00009.parquet.tmp").exists()
    assert _sorted_rows(out) == reference
    third = scale.run_batch([str(corpus)], out, engine=engine)
    assert third.articles == 0 and third.skipped == len(ARTICLES)
    assert _sorted_rows(out) == reference


def test_interrupted_process_resumes(corpus, reference, tmp_path):
    """A real process killed after its first part; the re-run completes to the same output."""
    out = tmp_path / "events.parquet"
    code = (
        "import os, sys\n"
        "from tacitus import scale\n"
        "eng = scale.LocalEngine(1)\n"
        "class Stop(scale.PartWriter):\n"
        "    def write(self, ids, rows):\n"
        "        path = super().write(ids, rows)\n"
        "        os._exit(9)\n"
        "scale.PartWriter = Stop\n"
        f"scale.run_batch([{str(corpus)!r}], {str(out)!r}, engine=eng, chunk_size=2, batch_size=2)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    assert len(list(out.glob("part-*.parquet"))) == 1
    with scale.LocalEngine(1) as eng:
        stats = scale.run_batch([str(corpus)], out, engine=eng, chunk_size=2, batch_size=2)
    assert stats.skipped == 2 and stats.articles == len(ARTICLES) - 2
    assert _sorted_rows(out) == reference


def test_parquet_input_with_text_column(engine, reference, tmp_path):
    table = pa.table({
        "id": [a[0] for a in ARTICLES],
        "date": [a[1] for a in ARTICLES],
        "text": [a[2] for a in ARTICLES],
        "title": ["t"] * len(ARTICLES),
    })
    path = tmp_path / "news.parquet"
    pq.write_table(table, path)
    out = tmp_path / "events.parquet"
    stats = scale.run_batch([str(path)], out, engine=engine, batch_size=3)
    assert stats.articles == len(ARTICLES) and not stats.problems
    assert _sorted_rows(out) == reference


def test_bad_inputs_reported_and_the_rest_coded(corpus, engine, tmp_path):
    bad_jsonl = _write_jsonl(tmp_path / "mixed.jsonl", [{"id": "x1", "text": ""}, {"id": "x2", "nope": 1}])
    with bad_jsonl.open("a") as fh:
        fh.write("{not json\n")
    no_text = tmp_path / "notext.parquet"
    pq.write_table(pa.table({"body": ["Russia expelled a diplomat."]}), no_text)
    null_text = tmp_path / "nulltext.parquet"
    pq.write_table(pa.table({"id": ["n1", "n2"], "text": [None, ARTICLES[0][2]]}), null_text)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not parquet")
    out = tmp_path / "events.parquet"
    inputs = [str(bad_jsonl), str(no_text), str(tmp_path / "missing.jsonl"), str(broken), str(null_text), str(corpus)]
    stats = scale.run_batch(inputs, out, engine=engine)
    assert stats.articles == len(ARTICLES) + 1
    sources = " | ".join(str(p) for p in stats.problems)
    assert len(stats.problems) == 7, sources
    assert "mixed.jsonl:1" in sources and "malformed JSON" in sources and 'no "text" column' in sources
    assert "no such file" in sources and "not a readable Parquet" in sources and "nulltext.parquet:1" in sources


def test_duplicate_ids_are_coded_once(corpus, engine, tmp_path):
    out = tmp_path / "events.parquet"
    stats = scale.run_batch([str(corpus), str(corpus)], out, engine=engine)
    assert stats.articles == len(ARTICLES) and stats.duplicates == len(ARTICLES)


def test_store_receives_articles_and_events(corpus, engine, reference, tmp_path):
    from tacitus.store import open_store

    with open_store(tmp_path / "t.db") as store:
        scale.run_batch([str(corpus)], tmp_path / "events.parquet", engine=engine, store=store)
        stats = store.stats()
    assert stats["articles"] == len(ARTICLES)
    assert stats["events"] == len({r["event_id"] for r in reference})


def test_process_pool_engine_matches_in_process(corpus, reference, tmp_path):
    out = tmp_path / "events.parquet"
    with scale.LocalEngine(workers=2) as eng:
        scale.run_batch([str(corpus)], out, engine=eng, chunk_size=3, batch_size=2)
    assert _sorted_rows(out) == reference


def test_dask_engine_matches_local(corpus, reference, tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "events.parquet"
    with scale.DaskEngine(workers=2, batch_size=2) as eng:
        assert eng.workers == 2
        stats = scale.run_batch([str(corpus)], out, engine=eng, chunk_size=3, batch_size=2)
    assert stats.articles == len(ARTICLES)
    assert _sorted_rows(out) == reference


def test_batch_command(corpus, tmp_path):
    """The CLI end to end in a subprocess (spawned workers need a real entry point)."""
    out = tmp_path / "events.parquet"
    env = {**os.environ, "COLUMNS": "100"}
    tacitus = Path(sys.executable).with_name("tacitus")
    proc = subprocess.run([str(tacitus), "batch", str(corpus), "--out", str(out), "--workers", "1", "-q"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert f"coded {len(ARTICLES)} articles" in proc.stderr
    again = subprocess.run([str(tacitus), "batch", str(corpus), "--out", str(out), "--workers", "1", "-q"],
                           capture_output=True, text=True, timeout=120, env=env)
    assert again.returncode == 0 and f"skipped {len(ARTICLES)} already coded" in again.stderr
