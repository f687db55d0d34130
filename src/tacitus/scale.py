"""Coding a large corpus: one engine-neutral batch function, two engines, resumable chunked Parquet.

The pieces:

- `article_records(paths)` streams *records* (plain dicts: id, text, date, title, url, source) from
  anything `readers.read_inputs` reads plus Parquet files with a `text` column (and optional
  id/date/title/url columns), and `ReadProblem`s for bad inputs. The text of a record is already the
  clean article text (the readers clean it); nothing holds more than one batch of articles.
- `code_batch(records) -> rows` is the one engine-neutral function: a batch of records in, flat event
  rows out (one dict per event, the columns of `EVENT_SCHEMA`). It loads the coder once per process
  (a module-level cache), so it can run unchanged in a process pool, on a Dask worker, or in anything
  else that maps a Python function over lists of dicts.
- Engines map `code_batch` over batches with a bounded window of batches in flight (memory stays flat
  whatever the corpus size) and give results back in input order: `LocalEngine` (a 'spawn' process pool,
  or in-process with one worker) and `DaskEngine` (dask.distributed; LocalCluster by default).
- `PartWriter` writes the output: a *directory* of Parquet part files (`part-00000.parquet`, ...) each
  written atomically (tmp file then rename), plus a manifest per part under `_manifests/` naming the
  article ids the part covers (articles with no events included). A re-run skips every article id named
  in a manifest, so an interrupted run resumes where it stopped. Part files without a manifest (a run
  killed between the two renames) and leftover tmp files are removed on resume. Read the output with
  `polars.read_parquet("events.parquet/*.parquet")`, `pyarrow.dataset.dataset("events.parquet")`
  (underscore-prefixed paths are ignored), DuckDB `read_parquet('events.parquet/*.parquet')`, or
  `read_events(path)` here.

Each article id is coded once per output: a second article with an id already coded (in this run or
an earlier one) is skipped and counted as a duplicate.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tacitus.model import ActorRef, Article, Cameo, Event, Place
from tacitus.readers import InputError, ReadProblem, article_from_text, read_inputs

PARQUET_SUFFIXES = {".parquet", ".pq"}
DEFAULT_BATCH = 8  # articles per task (one nlp.pipe call): long articles in big batches cost memory, not speed
DEFAULT_CHUNK = 1000  # articles per output part
DEFAULT_RECYCLE = 60  # batches a pool worker codes before it is replaced (memory stays flat)
MANIFESTS = "_manifests"

_STR = pa.string()
_STRS = pa.list_(pa.string())
EVENT_SCHEMA = pa.schema([
    ("event_id", _STR), ("article_id", _STR), ("sentence_index", pa.int32()), ("sentence", _STR),
    ("evidence_start", pa.int32()), ("evidence_end", pa.int32()), ("evidence_text", _STR),
    ("trigger_start", pa.int32()), ("date", _STR), ("date_precision", _STR), ("article_date", _STR),
    ("source_text", _STR), ("source_code", _STR), ("source_country", _STR), ("source_agents", _STRS),
    ("target_text", _STR), ("target_code", _STR), ("target_country", _STR), ("target_agents", _STRS),
    ("cameo_code", _STR), ("cameo_root", _STR), ("cameo_label", _STR), ("goldstein", pa.float64()),
    ("quad_class", pa.int8()), ("plover_type", _STR), ("plover_mode", _STR), ("plover_context", _STRS),
    ("loc_name", _STR), ("loc_country", _STR), ("loc_admin1", _STR), ("loc_lat", pa.float64()),
    ("loc_lon", pa.float64()), ("loc_geonameid", pa.int64()), ("reported_by_text", _STR),
    ("reported_by_code", _STR), ("negated", pa.bool_()), ("modality", _STR), ("confidence", pa.float64()),
    ("rule", _STR),
])
EVENT_COLUMNS = tuple(EVENT_SCHEMA.names)


# -- configuration and the per-process coder cache --------------------------------------------------

@dataclass(frozen=True)
class CoderConfig:
    """What a worker needs to build the same coder as the client (picklable, hashable)."""

    model: str | None = None
    actors: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    keep_partial: bool = False
    all_modalities: bool = False
    bare_roles: bool = False

    def build(self) -> Any:
        from tacitus.pipeline import Coder

        return Coder(model=self.model, actors_extra=tuple(Path(p) for p in self.actors),
                     lexicon_extra=tuple(Path(p) for p in self.lexicon),
                     keep_partial=self.keep_partial, all_modalities=self.all_modalities, bare_roles=self.bare_roles)


_CODERS: dict[CoderConfig, Any] = {}
_CODER_LOCK = threading.Lock()


def get_coder(config: CoderConfig | None = None) -> Any:
    """The coder for this configuration, built once per process (a worker-level cache)."""
    config = config or CoderConfig()
    coder = _CODERS.get(config)
    if coder is None:
        with _CODER_LOCK:  # a Dask worker may run tasks on several threads
            coder = _CODERS.get(config)
            if coder is None:
                coder = _CODERS[config] = config.build()
    return coder


def _init_worker(config: CoderConfig) -> None:
    get_coder(config)


def _init_pool_worker(config: CoderConfig) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle (it keeps the finished articles, then stops us)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    get_coder(config)


# -- records and rows -------------------------------------------------------------------------------

def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, Date):
        return value.isoformat()
    return str(value)


def article_record(article: Article) -> dict[str, Any]:
    return {"id": article.id, "text": article.text, "date": _iso(article.date), "title": article.title,
            "url": article.url, "source": article.source}


def record_article(record: dict[str, Any]) -> Article:
    """A record back to an Article; its text is used as is (already clean)."""
    day = record.get("date")
    parsed = Date.fromisoformat(day[:10]) if isinstance(day, str) and day else None
    return Article(id=str(record["id"]), text=record["text"], date=parsed, title=record.get("title"),
                   url=record.get("url"), source=record.get("source") or "")


def event_row(event: Event, article: Article) -> dict[str, Any]:
    """One event as a flat row (from `Event.to_dict`, the public record)."""
    d = event.to_dict()
    loc = d["location"] or {}
    rep = d["reported_by"] or {}
    row = {
        "event_id": d["event_id"], "article_id": d["article_id"], "sentence_index": d["sentence_index"],
        "sentence": d["sentence"], "evidence_start": d["evidence"]["start"], "evidence_end": d["evidence"]["end"],
        "evidence_text": d["evidence"]["text"], "trigger_start": d["evidence"]["trigger"], "date": d["date"],
        "date_precision": d["date_precision"], "article_date": _iso(article.date),
        "cameo_code": d["cameo"]["code"], "cameo_root": d["cameo"]["root"], "cameo_label": d["cameo"]["label"],
        "goldstein": d["cameo"]["goldstein"], "quad_class": d["cameo"]["quad_class"],
        "plover_type": d["plover"]["type"], "plover_mode": d["plover"]["mode"],
        "plover_context": list(d["plover"]["context"]),
        "loc_name": loc.get("name"), "loc_country": loc.get("country"), "loc_admin1": loc.get("admin1"),
        "loc_lat": loc.get("lat"), "loc_lon": loc.get("lon"), "loc_geonameid": loc.get("geonameid"),
        "reported_by_text": rep.get("text"), "reported_by_code": rep.get("code"),
        "negated": d["negated"], "modality": d["modality"], "confidence": d["confidence"], "rule": d["rule"],
    }
    for side in ("source", "target"):
        actor = d[side]
        row[f"{side}_text"], row[f"{side}_code"] = actor["text"], actor["code"]
        row[f"{side}_country"], row[f"{side}_agents"] = actor["country"], list(actor["agents"])
    return row


def row_event(row: dict[str, Any]) -> Event:
    """A flat row back to an Event (for the SQLite store); the event id comes out the same."""
    def actor(side: str) -> ActorRef:
        return ActorRef(text=row[f"{side}_text"] or "", code=row[f"{side}_code"] or "",
                        country=row[f"{side}_country"] or "", agents=list(row[f"{side}_agents"] or []))

    place = None
    if row["loc_name"] is not None:
        place = Place(name=row["loc_name"], country=row["loc_country"] or "", admin1=row["loc_admin1"] or "",
                      lat=row["loc_lat"], lon=row["loc_lon"], geonameid=row["loc_geonameid"])
    reported = None
    if row["reported_by_text"] is not None or row["reported_by_code"] is not None:
        reported = ActorRef(text=row["reported_by_text"] or "", code=row["reported_by_code"] or "")
    return Event(
        article_id=row["article_id"], sentence_index=row["sentence_index"], sentence=row["sentence"],
        evidence_start=row["evidence_start"], evidence_end=row["evidence_end"], evidence_text=row["evidence_text"],
        source=actor("source"), target=actor("target"),
        cameo=Cameo(code=row["cameo_code"], root=row["cameo_root"], label=row["cameo_label"],
                    goldstein=row["goldstein"], quad_class=row["quad_class"]),
        plover_type=row["plover_type"], plover_mode=row["plover_mode"],
        plover_context=list(row["plover_context"] or []), date=row["date"], date_precision=row["date_precision"],
        location=place, reported_by=reported, negated=bool(row["negated"]), modality=row["modality"],
        confidence=row["confidence"], rule=row["rule"], trigger_start=row["trigger_start"],
    )


# -- the engine-neutral function -------------------------------------------------------------------

def code_batch(records: list[dict[str, Any]], config: CoderConfig | None = None,
               batch_size: int = DEFAULT_BATCH) -> list[dict[str, Any]]:
    """A batch of article records in, flat event rows out (in article order).

    Records are dicts with `id` and `text` (clean article text) and optional `date` (ISO), `title`,
    `url`, `source`. The coder is loaded once per process and spaCy parses the batch with `nlp.pipe`.
    """
    coder = get_coder(config)
    rows: list[dict[str, Any]] = []
    articles = (record_article(r) for r in records)
    for article, events in coder.code_articles(articles, batch_size=batch_size):
        rows.extend(event_row(e, article) for e in events)
    return rows


def parse_batch(records: list[dict[str, Any]], config: CoderConfig | None = None,
                batch_size: int = DEFAULT_BATCH) -> tuple[int, int]:
    """The bare spaCy parse of a batch with the coder's own pipeline (for the benchmark): (tokens, sentences)."""
    nlp = get_coder(config).nlp
    tokens = sentences = 0
    for doc in nlp.pipe((r["text"] for r in records), batch_size=batch_size):
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)
    return tokens, sentences


def _task(kind: str, records: list[dict[str, Any]], config: CoderConfig, batch_size: int) -> Any:
    return (parse_batch if kind == "parse" else code_batch)(records, config, batch_size)


# -- reading ----------------------------------------------------------------------------------------

def _parquet_records(path: Path, date: Date | None) -> Iterator[Article | ReadProblem]:
    """Rows of a Parquet file with a `text` column (optional id/date/title/url) → articles, streamed."""
    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield ReadProblem(str(path), f"not a readable Parquet file ({exc})")
        return
    names = set(handle.schema_arrow.names)
    if "text" not in names:
        yield ReadProblem(str(path), 'Parquet file has no "text" column')
        return
    columns = [c for c in ("id", "text", "date", "title", "url") if c in names]
    number = 0
    try:
        for batch in handle.iter_batches(batch_size=256, columns=columns):
            for row in batch.to_pylist():
                number += 1
                where = f"{path}:{number}"
                try:
                    text = row.get("text")
                    if not isinstance(text, str):
                        raise InputError("no text (null)")
                    day = row.get("date")
                    if isinstance(day, datetime):
                        day = day.date()
                    yield article_from_text(
                        text, date=day if day not in (None, "") else date, title=row.get("title"), url=row.get("url"),
                        article_id=str(row["id"]) if row.get("id") is not None else None, source=where)
                except InputError as exc:
                    yield ReadProblem(where, str(exc))
    except (OSError, pa.ArrowException) as exc:
        yield ReadProblem(str(path), f"Parquet read failed after row {number} ({exc})")


def _is_parquet(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in PARQUET_SUFFIXES


def read_articles(paths: Sequence[str], date: Date | None = None) -> Iterator[Article | ReadProblem]:
    """`read_inputs` plus Parquet files (also inside folders), in order, streamed."""
    for name in paths:
        path = Path(name)
        if name != "-" and _is_parquet(path):
            yield from _parquet_records(path, date)
        elif name != "-" and path.is_dir():
            parquets = sorted(p for p in path.rglob("*") if _is_parquet(p) and not p.name.startswith("."))
            others = [p for p in path.rglob("*") if p.is_file() and not _is_parquet(p) and not p.name.startswith(".")]
            if others or not parquets:
                yield from read_inputs([name], date)
            for p in parquets:
                yield from _parquet_records(p, date)
        else:
            yield from read_inputs([name], date)


def count_inputs(paths: Sequence[str]) -> int | None:
    """A quick estimate of the number of articles (JSONL lines, Parquet rows, files); None if unknown."""
    total = 0

    def one(path: Path) -> int:
        suffix = path.suffix.lower()
        if suffix in PARQUET_SUFFIXES:
            try:
                return pq.ParquetFile(path).metadata.num_rows
            except (OSError, pa.ArrowException):
                return 0
        if suffix in (".jsonl", ".ndjson"):
            n, last = 0, b"\n"
            with path.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    n += chunk.count(b"\n")
                    last = chunk[-1:]
            return n + (last != b"\n")
        return 1

    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            total += sum(one(p) for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                         and p.suffix.lower() in {".txt", ".text", ".md", "", ".html", ".htm", ".xhtml", ".jsonl",
                                                  ".ndjson", *PARQUET_SUFFIXES})
        elif path.is_file():
            total += one(path)
    return total


# -- engines ----------------------------------------------------------------------------------------

class Engine:
    """Maps a task over batches of records, a bounded number in flight, results in input order."""

    workers: int = 1

    def map(self, kind: str, batches: Iterable[Any], records_of: Callable[[Any], list[dict[str, Any]]],
            ) -> Iterator[tuple[Any, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class _WindowEngine(Engine):
    """Shared windowing: submit(kind, records) -> future with .result()."""

    window: int = 4

    def submit(self, kind: str, records: list[dict[str, Any]]) -> Any:
        raise NotImplementedError

    def map(self, kind, batches, records_of=lambda b: b):
        pending: deque[tuple[Any, Any]] = deque()
        for batch in batches:
            pending.append((batch, self.submit(kind, records_of(batch))))
            while len(pending) >= self.window:
                item, fut = pending.popleft()
                yield item, fut.result()
        while pending:
            item, fut = pending.popleft()
            yield item, fut.result()


class _Done:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class LocalEngine(_WindowEngine):
    """A process pool ('spawn' context): each worker loads the coder once (initializer) and codes
    whole batches with nlp.pipe. One worker runs in this process."""

    def __init__(self, workers: int = 1, config: CoderConfig | None = None, batch_size: int = DEFAULT_BATCH,
                 start_method: str = "spawn", recycle: int | None = DEFAULT_RECYCLE) -> None:
        self.workers = max(1, workers)
        self.config = config or CoderConfig()
        self.batch_size = batch_size
        self.window = 2 * self.workers + 1
        self.pool = None
        if self.workers == 1:
            get_coder(self.config)
        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            ctx = multiprocessing.get_context(start_method)
            # A worker's memory creeps up over thousands of articles (spaCy's string store, allocator
            # fragmentation): replacing it after `recycle` batches keeps the peak flat at the cost of
            # one model load (~3 s) per worker per `recycle` batches.
            self.pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_pool_worker,
                                            initargs=(self.config,), max_tasks_per_child=recycle or None)
            # Start every worker now (and load its model) so the first batches don't wait in turn.
            for f in [self.pool.submit(_init_worker, self.config) for _ in range(self.workers)]:
                f.result()

    def submit(self, kind, records):
        if self.pool is None:
            return _Done(_task(kind, records, self.config, self.batch_size))
        return self.pool.submit(_task, kind, records, self.config, self.batch_size)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class DaskEngine(_WindowEngine):
    """dask.distributed: a LocalCluster of `workers` processes with one thread each by default, or the
    scheduler at `scheduler` (or $DASK_SCHEDULER_ADDRESS). Each task is `code_batch` on a partition of
    records; the coder is cached per worker process (`get_coder`). Results come back to this client,
    which writes the Parquet parts, so only the client needs the output path."""

    def __init__(self, workers: int = 2, config: CoderConfig | None = None, batch_size: int = DEFAULT_BATCH,
                 scheduler: str | None = None, window: int | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # the optional extra
            raise RuntimeError("the Dask engine needs the dask extra: pip install 'tacitus[dask]'") from exc
        self.config = config or CoderConfig()
        self.batch_size = batch_size
        address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
        self.cluster = None
        if address:
            self.client = Client(address)
        else:
            self.cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        info = self.client.scheduler_info()
        threads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or max(1, workers)
        self.workers = threads
        self.window = window or 2 * threads + 1
        # Warm every worker (model loaded once per worker process).
        self.client.run(_init_worker, self.config)

    def submit(self, kind, records):
        return self.client.submit(_task, kind, records, self.config, self.batch_size, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, workers: int, config: CoderConfig | None = None, batch_size: int = DEFAULT_BATCH,
                scheduler: str | None = None, recycle: int | None = DEFAULT_RECYCLE) -> Engine:
    if engine == "local":
        return LocalEngine(workers, config, batch_size, recycle=recycle)
    if engine == "dask":
        return DaskEngine(workers, config, batch_size, scheduler)
    raise ValueError(f"unknown engine {engine!r}: choose local or dask")


# -- output -----------------------------------------------------------------------------------------

def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class PartWriter:
    """A directory of Parquet parts plus one manifest of article ids per part; resumable."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        if self.out.exists() and not self.out.is_dir():
            raise ValueError(f"{self.out} exists and is not a directory of parts (remove it or choose another --out)")
        self.manifests = self.out / MANIFESTS
        self.manifests.mkdir(parents=True, exist_ok=True)
        self.done: set[str] = set()
        self.next_part = 0
        self.resumed_parts = 0
        self.resumed_events = 0
        self._recover()

    def _recover(self) -> None:
        """Read the manifests; drop tmp files and parts that have none (an interrupted write)."""
        for stray in [*self.out.glob(".*.tmp"), *self.manifests.glob(".*.tmp")]:
            stray.unlink(missing_ok=True)
        numbers = set()
        for manifest in sorted(self.manifests.glob("part-*.json")):
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest.unlink(missing_ok=True)  # unreadable: the part will be coded again
                continue
            if not (self.out / data["part"]).is_file():
                manifest.unlink(missing_ok=True)
                continue
            numbers.add(int(manifest.stem.split("-")[1]))
            self.done.update(data["articles"])
            self.resumed_parts += 1
            self.resumed_events += int(data.get("events", 0))
        for part in self.out.glob("part-*.parquet"):
            number = int(part.stem.split("-")[1])
            if number not in numbers:
                part.unlink(missing_ok=True)
        self.next_part = max(numbers, default=-1) + 1

    def write(self, article_ids: list[str], rows: list[dict[str, Any]]) -> Path:
        name = f"part-{self.next_part:05d}.parquet"
        table = pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, compression="zstd")
        path = self.out / name
        _atomic_write_bytes(path, sink.getvalue().to_pybytes())
        manifest = {"part": name, "events": len(rows), "articles": article_ids,
                    "written": datetime.now().isoformat(timespec="seconds")}
        _atomic_write_bytes(self.manifests / f"part-{self.next_part:05d}.json",
                            json.dumps(manifest).encode("utf-8"))
        self.done.update(article_ids)
        self.next_part += 1
        return path


def read_events(out: str | Path) -> pa.Table:
    """All events of an output directory as one Arrow table (parts in order)."""
    parts = sorted(Path(out).glob("part-*.parquet"))
    if not parts:
        return EVENT_SCHEMA.empty_table()
    return pa.concat_tables(pq.read_table(p, schema=EVENT_SCHEMA) for p in parts)


# -- the batch run ----------------------------------------------------------------------------------

@dataclass
class BatchStats:
    articles: int = 0  # coded in this run
    events: int = 0
    skipped: int = 0  # already coded by an earlier run
    duplicates: int = 0  # same article id twice in the input
    problems: list[ReadProblem] = field(default_factory=list)
    parts: int = 0
    resumed_parts: int = 0
    seconds: float = 0.0
    stopped_early: bool = False


def run_batch(
    paths: Sequence[str],
    out: str | Path,
    *,
    engine: Engine,
    date: Date | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    batch_size: int = DEFAULT_BATCH,
    store: Any = None,
    limit: int | None = None,
    on_problem: Callable[[ReadProblem], None] | None = None,
    on_progress: Callable[[BatchStats, int], None] | None = None,
) -> BatchStats:
    """Code every article of `paths` not already in `out` with `engine`; parts of `chunk_size` articles.

    `limit` stops after that many newly coded articles (a deliberate interruption: re-run to resume).
    `store` (a tacitus Store) also receives every article and its events.
    `on_progress(stats, n)` is called after each batch with the number of inputs it advanced by.
    """
    writer = PartWriter(out)
    stats = BatchStats(resumed_parts=writer.resumed_parts)
    started = time.perf_counter()
    seen: set[str] = set()

    def batches() -> Iterator[list[dict[str, Any]]]:
        batch: list[dict[str, Any]] = []
        taken = 0
        for item in read_articles(paths, date):
            if isinstance(item, ReadProblem):
                stats.problems.append(item)
                if on_problem:
                    on_problem(item)
                if on_progress:
                    on_progress(stats, 1)
                continue
            if item.id in writer.done or item.id in seen:
                if item.id in writer.done and item.id not in seen:
                    stats.skipped += 1
                else:
                    stats.duplicates += 1
                if on_progress:
                    on_progress(stats, 1)
                continue
            if limit is not None and taken >= limit:
                stats.stopped_early = True
                break
            seen.add(item.id)
            taken += 1
            batch.append(article_record(item))
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    part_ids: list[str] = []
    part_rows: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal part_ids, part_rows
        if part_ids:
            writer.write(part_ids, part_rows)
            stats.parts += 1
            part_ids, part_rows = [], []

    try:
        for records, rows in engine.map("code", batches()):
            if store is not None:
                by_article: dict[str, list[Event]] = {}
                for row in rows:
                    by_article.setdefault(row["article_id"], []).append(row_event(row))
                store.ingest_many(((record_article(r), by_article.get(str(r["id"]), [])) for r in records))
            part_ids.extend(str(r["id"]) for r in records)
            part_rows.extend(rows)
            stats.articles += len(records)
            stats.events += len(rows)
            if on_progress:
                on_progress(stats, len(records))
            if len(part_ids) >= chunk_size:
                flush()
        flush()
    except BaseException:
        flush()  # whatever was fully coded before an interruption is kept; a re-run resumes after it
        raise
    finally:
        stats.seconds = time.perf_counter() - started
    return stats
