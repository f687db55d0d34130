"""`tacitus batch` and `tacitus bench`; `register(app)` adds them to the Tacitus Typer app.

    tacitus batch INPUT... --out events.parquet [--db FILE] [--workers N] [--engine local|dask]
                  [--scheduler tcp://host:8786] [--chunk-size 1000] [--batch-size 32] [--limit N]
    tacitus bench [--corpus PATH]... [--limit N] [--workers N]

`--out` is a directory of Parquet parts (see tacitus.scale); re-running the same command resumes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

err = Console(stderr=True, highlight=False)


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code)


def batch(
    inputs: Annotated[list[str], typer.Argument(help="files, folders, JSONL, Parquet (a text column), or -")],
    out: Annotated[Path, typer.Option("--out", help="output directory of Parquet parts (resumable)")],
    db: Annotated[Optional[Path], typer.Option("--db", help="also store articles and events in this SQLite store")] = None,
    workers: Annotated[int, typer.Option("--workers", help="worker processes (1 = in this process)")] = max(1, os.cpu_count() or 1),
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (else $DASK_SCHEDULER_ADDRESS, else a LocalCluster)")] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="articles per Parquet part")] = 1000,
    batch_size: Annotated[Optional[int], typer.Option("--batch-size", help="articles per task (one nlp.pipe call; default 8)")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="stop after coding N new articles (re-run to go on)")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="publication date YYYY-MM-DD for inputs without one")] = None,
    model: Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="extra actor dictionary YAML (repeatable)")] = None,
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="extra predicate lexicon YAML (repeatable)")] = None,
    keep_partial: Annotated[bool, typer.Option("--keep-partial", help="keep events whose source or target is unknown")] = False,
    bare_roles: Annotated[bool, typer.Option("--bare-roles", help="keep events whose actor is a role of no known country")] = False,
    all_modalities: Annotated[bool, typer.Option("--all-modalities", help="also emit unasserted events, marked so")] = False,
    recycle: Annotated[int, typer.Option("--recycle", help="local engine: replace a worker after N batches to keep memory flat (0 = never)")] = 60,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Code a large corpus into a directory of Parquet parts, streaming, resumable, on several cores or Dask."""
    from tacitus import scale
    from tacitus.bench import RssSampler
    from tacitus.cli import parse_cli_date

    if engine not in ("local", "dask"):
        _fail(f"--engine {engine!r}: choose local or dask")
    batch_size = batch_size or scale.DEFAULT_BATCH
    if workers < 1 or chunk_size < 1 or batch_size < 1:
        _fail("--workers, --chunk-size and --batch-size must be at least 1")
    for path in [*(actors or []), *(lexicon or [])]:
        if not path.is_file():
            _fail(f"{path}: no such file")
    if "-" not in inputs:
        missing = [p for p in inputs if not Path(p).exists()]
        if len(missing) == len(inputs):
            _fail(f"no such input: {', '.join(missing)}")
    pub_date = parse_cli_date(date)
    config = scale.CoderConfig(model=model, actors=tuple(str(p) for p in actors or ()),
                               lexicon=tuple(str(p) for p in lexicon or ()), keep_partial=keep_partial,
                               all_modalities=all_modalities, bare_roles=bare_roles)
    store = None
    if db is not None:
        from tacitus.store import StoreError, open_store

        try:
            store = open_store(db)
        except StoreError as exc:
            _fail(str(exc))
    total = scale.count_inputs(inputs)
    progress = Progress(
        TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} articles/s  {task.fields[events]:,} events"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=err, disable=quiet, transient=False,
    )
    problems_shown = 0

    def on_problem(problem: scale.ReadProblem) -> None:
        nonlocal problems_shown
        problems_shown += 1
        if problems_shown <= 20:
            progress.console.print(f"[red]error:[/] {problem}")
        elif problems_shown == 21:
            progress.console.print("[red]…more input problems; the count is in the summary[/]")

    from tacitus.nlp import ModelNotFound

    with RssSampler(interval=0.5) as rss:
        try:
            with progress:
                task = progress.add_task("coding", total=total, rate="-", events=0)
                t_engine = scale.time.perf_counter()
                eng = scale.make_engine(engine, workers, config, batch_size, scheduler, recycle=recycle)
                startup = scale.time.perf_counter() - t_engine
                started = scale.time.perf_counter()

                def on_progress(stats: scale.BatchStats, n: int) -> None:
                    elapsed = max(1e-9, scale.time.perf_counter() - started)
                    progress.update(task, advance=n, rate=f"{stats.articles / elapsed:,.1f}", events=stats.events)

                with eng:
                    stats = scale.run_batch(inputs, out, engine=eng, date=pub_date, chunk_size=chunk_size,
                                            batch_size=batch_size, store=store, limit=limit,
                                            on_problem=on_problem, on_progress=on_progress)
        except ModelNotFound as exc:
            _fail(str(exc))
        except ValueError as exc:
            _fail(str(exc))
        finally:
            if store is not None:
                store.close()
    rate = stats.articles / stats.seconds if stats.seconds else 0.0
    err.print(
        f"coded {stats.articles:,} articles ({rate:,.1f}/s), {stats.events:,} events in {stats.parts} new part(s) "
        f"→ {out}/; skipped {stats.skipped:,} already coded ({stats.resumed_parts} earlier part(s)), "
        f"{stats.duplicates:,} duplicate id(s), {len(stats.problems):,} input problem(s); "
        f"engine {engine} × {eng.workers}, startup {startup:.1f} s, peak RSS {rss.peak_mb:,.0f} MB"
        + (f"; stopped at --limit {limit}: re-run to go on" if stats.stopped_early else "")
    )
    if stats.problems:
        raise typer.Exit(1)


def bench(
    corpus: Annotated[Optional[list[str]], typer.Option("--corpus", help="corpus files or folders (default ../shared/corpus/*.jsonl)")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="only the first N articles")] = None,
    workers: Annotated[int, typer.Option("--workers", help="worker processes for both (a) and (b)")] = 1,
    batch_size: Annotated[Optional[int], typer.Option("--batch-size", help="articles per task (default 8)")] = None,
) -> None:
    """Words/s, sentences/s, articles/s of the bare spaCy parse and of full coding; their ratio; peak RSS."""
    from tacitus import bench as bench_mod
    from tacitus import scale
    from tacitus.nlp import ModelNotFound

    paths = corpus or bench_mod.default_corpus()
    if not paths:
        _fail(f"no corpus: {bench_mod.DEFAULT_CORPUS}/*.jsonl not found (../shared/corpus beside the clone); "
              "pass --corpus PATH")
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        _fail(f"no such corpus: {', '.join(missing)}")
    try:
        result = bench_mod.run(paths, limit=limit, workers=workers, batch_size=batch_size or scale.DEFAULT_BATCH, say=print)
    except ModelNotFound as exc:
        _fail(str(exc))
    if not result["articles"]:
        _fail("the corpus holds no readable articles")


def register(app: typer.Typer) -> None:
    app.command(name="batch")(batch)
    app.command(name="bench")(bench)
