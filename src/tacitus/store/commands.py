"""The store's command-line commands; `register(app)` adds them to the Tacitus Typer app.

    tacitus ingest PATH... [--db FILE] [--date YYYY-MM-DD] [--batch-size N] [--replace]
    tacitus events [--actor RUS] [--source ..] [--target ..] [--root 17] [--quad 4] [--since ..]
                   [--until ..] [--text consulate] [--one-a-day] [--limit 50] [--format table|jsonl|csv]
    tacitus dyad RUS JPN [--by day|week|month]
    tacitus incidents [--source ..] [--target ..] [--root ..] [--min-articles 2] [--format table|jsonl]
    tacitus reciprocity [--days 30] [--actor ..]
    tacitus export --format gdelt|plover|csv|parquet|jsonl OUT

Every command takes --db (default: $TACITUS_DB, else ./tacitus.db). Errors print one line to
standard error and exit non-zero, without a traceback.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from datetime import date as Date
from functools import wraps
from pathlib import Path
from typing import Any, Optional

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from tacitus.store.db import Store, StoreError, open_store, resolve_path
from tacitus.store.exports import FORMATS
from tacitus.store.queries import QueryError

QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}

DbOption = typer.Option(None, "--db", help="Database file (default: $TACITUS_DB, else ./tacitus.db).")


def _fail(message: str, code: int = 1) -> None:
    Console(stderr=True, highlight=False).print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def _clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the errors a user can cause into one line and a non-zero exit."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (StoreError, QueryError, ValueError, OSError) as exc:
            _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        except sqlite3.Error as exc:
            _fail(f"database error: {exc}")

    return wrapper


def _open(db: Optional[str], create: bool = False) -> Store:
    return open_store(resolve_path(db), create=create)


def _parse_date(value: Optional[str], name: str) -> Optional[Date]:
    if not value:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"--{name}: not a date (YYYY-MM-DD): {value!r}") from None


def register(app: typer.Typer) -> None:
    """Add ingest, events, dyad, incidents, reciprocity and export to `app`."""

    @app.command()
    @_clean_errors
    def ingest(
        paths: list[str] = typer.Argument(..., help="Files or folders (.txt, .html, .jsonl), or - for stdin."),
        db: Optional[str] = DbOption,
        date: Optional[str] = typer.Option(None, "--date", help="Publication date for inputs without one."),
        batch_size: int = typer.Option(200, "--batch-size", min=1, help="Articles per transaction."),
        replace: bool = typer.Option(False, "--replace", help="Re-store events of unchanged articles too."),
    ) -> None:
        """Code articles and store them; re-running the same input changes nothing."""
        from tacitus.pipeline import Coder
        from tacitus.readers import read_inputs

        day = _parse_date(date, "date")
        try:
            coder = Coder()
        except Exception as exc:  # the coder's own message, in one line
            _fail(f"cannot start the coder: {type(exc).__name__}: {exc}".splitlines()[0])
        problems: list[str] = []

        def articles() -> Iterator[Any]:
            for item in read_inputs(paths, day):
                if hasattr(item, "message") and not hasattr(item, "text"):  # a ReadProblem
                    problems.append(f"{item.source}: {item.message}")
                    continue
                yield item

        with _open(db, create=True) as store:
            try:
                summary = store.ingest_many(coder.code_articles(articles()), batch_size=batch_size,
                                            replace=replace)
            except Exception as exc:  # the coder failed: what was coded before is stored
                stats = store.stats()
                _fail(f"coding stopped: {type(exc).__name__}: {exc}".splitlines()[0]
                      + f" ({stats['articles']} articles stored in {stats['path']}; re-run to continue)")
            stats = store.stats()
        err = Console(stderr=True, highlight=False)
        for f in summary.failed:
            problems.append(f"{f.name}: could not be stored: {f.error}")
        Console(highlight=False).print(
            f"{summary.articles} articles: {summary.inserted} new, {summary.replaced} updated, "
            f"{summary.unchanged} unchanged, {len(summary.failed)} failed; {summary.events} events stored. "
            f"{stats['path']}: {stats['articles']} articles, {stats['events']} events, "
            f"{stats['incidents']} incidents."
        )
        for p in problems:
            err.print(f"[bold red]error:[/] {p}", soft_wrap=True)
        if problems:
            raise typer.Exit(1)

    @app.command()
    @_clean_errors
    def events(
        db: Optional[str] = DbOption,
        actor: Optional[str] = typer.Option(None, help="Either side: country (RUS) or code prefix (RUSGOV)."),
        source: Optional[str] = typer.Option(None, help="Source actor: country or code prefix."),
        target: Optional[str] = typer.Option(None, help="Target actor: country or code prefix."),
        root: Optional[str] = typer.Option(None, help="CAMEO root, two digits (17)."),
        code: Optional[str] = typer.Option(None, help="CAMEO code or prefix (174)."),
        quad: Optional[int] = typer.Option(None, min=1, max=4, help="GDELT QuadClass 1-4."),
        since: Optional[str] = typer.Option(None, help="First day, YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, help="Last day, YYYY-MM-DD."),
        text: Optional[str] = typer.Option(None, help="Substring of the sentence (case-insensitive)."),
        one_a_day: bool = typer.Option(False, "--one-a-day", help="One event per source, target, code and day."),
        limit: int = typer.Option(50, min=1, help="Most events to show."),
        after_id: Optional[int] = typer.Option(None, "--after", help="Start after this event id (paging)."),
        fmt: str = typer.Option("table", "--format", help="table | jsonl | csv"),
    ) -> None:
        """List stored events matching the filters."""
        if fmt not in ("table", "jsonl", "csv"):
            raise QueryError(f"--format must be table, jsonl or csv, not {fmt!r}")
        with _open(db) as store:
            filters = dict(actor=actor, source=source, target=target, root=root, code=code, quad=quad,
                           since=since, until=until, text=text, limit=limit, after_id=after_id,
                           one_a_day=one_a_day)
            if fmt == "jsonl":
                for rec in store.event_records(**filters):
                    sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
                return
            rows = store.events(**filters)
        if fmt == "csv":
            if rows:
                w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
                w.writeheader()
                w.writerows(rows)
            return
        table = Table(title=f"{len(rows)} events" + (" (limit reached: --limit, --after)" if len(rows) == limit else ""),
                      box=box.SIMPLE_HEAD)
        for col in ("id", "day", "source", "code", "target", "quad", "gs"):
            table.add_column(col, no_wrap=True)
        table.add_column("evidence", ratio=1, min_width=20)
        for r in rows:
            neg = " [red](negated)[/]" if r["negated"] else ""
            table.add_row(
                str(r["id"]), r["day"] or "", r["source_code"] or "-", r["cameo_code"], r["target_code"] or "-",
                str(r["quad_class"] or ""), "" if r["goldstein"] is None else f"{r['goldstein']:+.1f}",
                (r["evidence_text"] or r["sentence"])[:160] + neg,
            )
        Console().print(table)

    @app.command()
    @_clean_errors
    def dyad(
        a: str = typer.Argument(..., help="Country code, e.g. RUS."),
        b: str = typer.Argument(..., help="Country code, e.g. JPN."),
        db: Optional[str] = DbOption,
        by: str = typer.Option("month", "--by", help="day | week | month"),
        since: Optional[str] = typer.Option(None, help="First period start, YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, help="Last period start, YYYY-MM-DD."),
    ) -> None:
        """Events between two countries by period, both directions: QuadClass counts and Goldstein."""
        with _open(db) as store:
            rows = store.dyad(a, b, by=by, since=since, until=until)
        A, B = a.strip().upper(), b.strip().upper()
        console = Console()
        if not rows:
            console.print(f"No events between {A} and {B} in the store.")
            return
        table = Table(title=f"{A} ⇄ {B} by {by}", box=box.SIMPLE_HEAD,
                      caption="Q1 verbal cooperation · Q2 material cooperation · Q3 verbal conflict · "
                      "Q4 material conflict (GDELT QuadClass). Goldstein: -10 conflict … +10 cooperation.")
        table.add_column("period", no_wrap=True)
        table.add_column("direction", no_wrap=True)
        for col in ("events", "Q1", "Q2", "Q3", "Q4", "Goldstein Σ", "mean"):
            table.add_column(col, justify="right", no_wrap=True)
        totals: dict[str, list[float]] = {}
        for r in rows:
            direction = f"{r['source']} → {r['target']}"
            t = totals.setdefault(direction, [0, 0, 0, 0, 0, 0.0, 0])
            for i, k in enumerate(("events", "q1", "q2", "q3", "q4")):
                t[i] += r[k]
            t[5] += r["goldstein_sum"]
            t[6] += r["events"] if r["goldstein_mean"] is not None else 0
            mean = r["goldstein_mean"]
            style = "red" if mean is not None and mean < 0 else "green" if mean else ""
            table.add_row(r["period_start"], direction, str(r["events"]), str(r["q1"]), str(r["q2"]), str(r["q3"]),
                          str(r["q4"]), f"{r['goldstein_sum']:+.1f}",
                          f"[{style}]{mean:+.2f}[/]" if mean is not None else "")
        table.add_section()
        for direction, t in totals.items():
            mean = t[5] / t[6] if t[6] else None
            table.add_row("[b]total[/]", direction, *(str(int(x)) for x in t[:5]), f"{t[5]:+.1f}",
                          f"{mean:+.2f}" if mean is not None else "", style="bold")
        console.print(table)

    @app.command()
    @_clean_errors
    def incidents(
        db: Optional[str] = DbOption,
        source: Optional[str] = typer.Option(None, help="Source country."),
        target: Optional[str] = typer.Option(None, help="Target country."),
        root: Optional[str] = typer.Option(None, help="CAMEO root (two digits)."),
        since: Optional[str] = typer.Option(None, help="First day, YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, help="Last day, YYYY-MM-DD."),
        min_articles: int = typer.Option(1, "--min-articles", min=1, help="Only incidents reported this often."),
        limit: int = typer.Option(50, min=1),
        fmt: str = typer.Option("table", "--format", help="table | jsonl (jsonl includes events and evidence)"),
    ) -> None:
        """Incidents: the same happening linked across articles, with mentions, articles and sources."""
        if fmt not in ("table", "jsonl"):
            raise QueryError(f"--format must be table or jsonl, not {fmt!r}")
        with _open(db) as store:
            rows = store.incidents(source=source and source.upper(), target=target and target.upper(), root=root,
                                   since=since, until=until, min_articles=min_articles, limit=limit)
        if fmt == "jsonl":
            for r in rows:
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
            return
        table = Table(title=f"{len(rows)} incidents", box=box.SIMPLE_HEAD,
                      caption="men. = events linked; art. = articles; src. = distinct outlets reporting it")
        for col in ("id", "days", "dyad", "code", "place", "men.", "art.", "src."):
            table.add_column(col, no_wrap=True, justify="right" if col.endswith(".") else "left")
        table.add_column("evidence", ratio=1, min_width=20)
        for r in rows:
            days = r["first_day"] if r["first_day"] == r["last_day"] else f"{r['first_day']}…{r['last_day'][5:]}"
            ev = r["events"][0]["evidence_text"] if r["events"] else ""
            table.add_row(str(r["id"]), days, f"{r['source_country'] or '?'}→{r['target_country'] or '?'}", r["code"],
                          r["place_name"], str(r["n_mentions"]), str(r["n_articles"]), str(r["n_sources"]), ev[:120])
        Console().print(table)

    @app.command()
    @_clean_errors
    def reciprocity(
        db: Optional[str] = DbOption,
        days: int = typer.Option(30, "--days", min=0, help="Largest lag between an act and its answer."),
        actor: Optional[str] = typer.Option(None, help="Only pairs involving this country."),
        families: Optional[Path] = typer.Option(None, "--families", help="YAML of code families (see data/reciprocity.yaml)."),
        since: Optional[str] = typer.Option(None, help="First day, YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, help="Last day, YYYY-MM-DD."),
        fmt: str = typer.Option("table", "--format", help="table | jsonl"),
    ) -> None:
        """Tit-for-tat: pairs where the target answers the source in kind within N days."""
        if fmt not in ("table", "jsonl"):
            raise QueryError(f"--format must be table or jsonl, not {fmt!r}")
        with _open(db) as store:
            rows = store.reciprocity(days=days, actor=actor, families=families, since=since, until=until)
        if fmt == "jsonl":
            for r in rows:
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
            return
        if not rows:
            Console().print(f"No reciprocal pairs within {days} days.")
            return
        table = Table(title=f"{len(rows)} reciprocal pairs within {days} days", box=box.SIMPLE_HEAD)
        for col in ("first", "day", "code", "answer", "day ", "code ", "lag", "family"):
            table.add_column(col, no_wrap=True)
        table.add_column("evidence (first / answer)", ratio=1, min_width=20)
        for r in rows:
            table.add_row(f"{r['source']}→{r['target']}", r["first_day"], r["first_code"],
                          f"{r['target']}→{r['source']}", r["response_day"], r["response_code"],
                          f"{r['lag_days']}d", r["family"], f"{r['first_text'][:70]} / {r['response_text'][:70]}")
        Console().print(table)

    @app.command()
    @_clean_errors
    def export(
        out: str = typer.Argument(..., help="Output file ('-' for standard output, except parquet)."),
        fmt: str = typer.Option(..., "--format", help="gdelt | plover | csv | parquet | jsonl"),
        db: Optional[str] = DbOption,
        header: bool = typer.Option(True, "--header/--no-header", help="Column names line (gdelt, csv)."),
    ) -> None:
        """Write every stored event in a standard format (GDELT 2.0 event table, PLOVER, ...)."""
        if fmt not in FORMATS:
            raise QueryError(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        with _open(db) as store:
            n = store.export(fmt, out, header=header)
        if out != "-":
            Console(stderr=True, highlight=False).print(f"{n} events written to {out} ({fmt})")
