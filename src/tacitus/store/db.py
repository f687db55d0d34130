"""`Store`: one SQLite file in WAL mode, shared by an ingesting process and any number of readers.

Transactions: `ingest` stores one article in one transaction. `ingest_many` pulls `batch_size`
coded articles from its input (coding happens outside any transaction), then writes them in one
transaction, each article inside its own SAVEPOINT: an article that fails to store is rolled back
to its savepoint and reported (`IngestSummary.failed`), the others of the batch are committed.
A killed process loses at most the batch being written; every committed article is whole and
stored once (the article key is UNIQUE), so re-running the same input completes the job.
If the input iterator itself raises, the articles already pulled are stored, then the error
propagates.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.model import Article, Event
from tacitus.store import exports, queries, schema, summary
from tacitus.store import incidents as inc
from tacitus.store.ingest import IngestResult, store_article

DEFAULT_DB = "tacitus.db"


class StoreError(RuntimeError):
    """A store that cannot be opened or used; the message is one line for the user."""


def resolve_path(path: str | os.PathLike[str] | None = None) -> str:
    """Explicit path, else $TACITUS_DB, else tacitus.db in the working directory."""
    if path is not None and str(path) != "":
        return str(path)
    return os.environ.get("TACITUS_DB") or DEFAULT_DB


@dataclass
class IngestSummary:
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    batches: int = 0
    failed: list[IngestResult] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.inserted + self.replaced + self.unchanged + len(self.failed)

    def add(self, result: IngestResult) -> None:
        if result.status == "failed":
            self.failed.append(result)
            return
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.events += result.events if result.status != "unchanged" else 0


class Store:
    """The event store. Open with `open_store(path)` / `tacitus.open(path)`; close or use `with`."""

    def __init__(self, path: str, create: bool = True, timeout: float = 60.0) -> None:
        self.path = path
        if path != ":memory:" and not create and not Path(path).exists():
            raise StoreError(f"no database at {path} (create one with: tacitus ingest PATH --db {path})")
        if path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(f"cannot create {path}: folder {Path(path).parent} does not exist")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=timeout, check_same_thread=False)
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if path != ":memory:" and mode.lower() != "wal":
                raise StoreError(f"{path}: could not switch to WAL mode (got {mode})")
            self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: safe against process crashes
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB page cache (default 2 MB thrashes)
            self.schema_version_before = schema.migrate(self.conn)
        except schema.SchemaError as exc:
            self._close_quietly()
            raise StoreError(f"{path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise StoreError(f"{path}: cannot open as an SQLite database ({exc})") from None

    def _close_quietly(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema.current_version(self.conn)

    @property
    def incident_rule(self) -> inc.IncidentRule:
        return inc.load_rule(self.conn)

    # -- writing -----------------------------------------------------------------------------------
    def ingest(self, article: Article, events: list[Event], replace: bool = False) -> IngestResult:
        """Store one article and its events in one transaction (raises on failure, nothing stored)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            result = store_article(self.conn, article, list(events), inc.load_rule(self.conn), replace)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return result

    def ingest_many(
        self,
        pairs: Iterable[tuple[Article, list[Event]]],
        batch_size: int = 200,
        replace: bool = False,
        progress: Callable[[IngestResult], None] | None = None,
    ) -> IngestSummary:
        """Store (article, events) pairs, one transaction per batch, one savepoint per article."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        total = IngestSummary()
        it = iter(pairs)
        while True:
            batch: list[tuple[Article, list[Event]]] = []
            error: BaseException | None = None
            try:
                for pair in it:
                    batch.append(pair)
                    if len(batch) >= batch_size:
                        break
            except BaseException as exc:  # the input failed: store what we have, then re-raise
                error = exc
            if batch:
                for result in self._write_batch(batch, replace):
                    total.add(result)
                    if progress:
                        progress(result)
                total.batches += 1
            if error is not None:
                raise error
            if len(batch) < batch_size:
                return total

    def _write_batch(self, batch: list[tuple[Article, list[Event]]], replace: bool) -> list[IngestResult]:
        conn = self.conn
        results: list[IngestResult] = []
        conn.execute("BEGIN IMMEDIATE")
        try:
            rule = inc.load_rule(conn)
            for pair in batch:
                conn.execute("SAVEPOINT article")
                try:
                    article, events = pair
                    result = store_article(conn, article, list(events), rule, replace)
                except Exception as exc:
                    conn.execute("ROLLBACK TO article")
                    conn.execute("RELEASE article")
                    name = _name_of(pair)
                    result = IngestResult(key="", article_pk=None, status="failed",
                                          error=f"{type(exc).__name__}: {exc}", name=name)
                except BaseException:
                    conn.execute("ROLLBACK TO article")
                    conn.execute("RELEASE article")
                    raise
                else:
                    conn.execute("RELEASE article")
                results.append(result)
        except BaseException:
            # Only whole articles are in the transaction: keep them, unless committing fails too.
            try:
                conn.execute("COMMIT")
            except sqlite3.Error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return results

    def rebuild_incidents(self, rule: inc.IncidentRule | None = None) -> int:
        """Recompute all incidents with `rule` (stored as the rule future ingests use)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            n = inc.rebuild_incidents(self.conn, rule or inc.load_rule(self.conn))
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return n

    def rebuild_summary(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            summary.rebuild_summary(self.conn)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- reading -----------------------------------------------------------------------------------
    def events(
        self,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        root: str | int | None = None,
        quad: int | None = None,
        since: Any = None,
        until: Any = None,
        text: str | None = None,
        limit: int | None = 1000,
        after_id: int | None = None,
        one_a_day: bool = False,
        **more: Any,
    ) -> list[dict[str, Any]]:
        """Events as flat dicts (one key per column), in id order.

        actor matches either side; an actor value matches a country (RUS) or any code starting
        with it (RUS → RUSGOV, RUSSPY). root is the two-digit CAMEO root; quad the GDELT QuadClass;
        since/until ISO days (inclusive) on the event's day; text a case-insensitive substring of
        the sentence or evidence. Page with `after_id` = the last id seen. More filters: code
        (CAMEO code prefix), negated (bool), incident (id), article (store id).
        """
        cur = queries.select_events(
            self.conn, limit=limit, after_id=after_id, one_a_day=one_a_day, actor=actor, source=source,
            target=target, root=root, quad=quad, since=since, until=until, text=text, **more,
        )
        return list(queries.rows_as_dicts(cur))

    def event_records(self, **filters: Any) -> list[dict[str, Any]]:
        """Like `events` but each event as the nested JSON event record."""
        return [queries.event_record(r) for r in self.events(**filters)]

    def events_frame(self, kind: str = "pandas", **filters: Any) -> Any:
        return _frame(self.events(**filters), kind)

    def dyad(self, a: str, b: str, by: str = "month", since: Any = None, until: Any = None) -> list[dict[str, Any]]:
        return queries.dyad(self.conn, a, b, by=by, since=since, until=until)

    def dyad_frame(self, a: str, b: str, by: str = "month", kind: str = "pandas", **kw: Any) -> Any:
        return _frame(self.dyad(a, b, by=by, **kw), kind)

    def incidents(self, **filters: Any) -> list[dict[str, Any]]:
        """Incidents with counts and, unless with_events=False, their events and evidence.

        Filters: source, target (countries), root, since, until, min_articles, limit, after_id.
        """
        return inc.list_incidents(self.conn, **filters)

    def incidents_frame(self, kind: str = "pandas", **filters: Any) -> Any:
        return _frame(self.incidents(with_events=False, **filters), kind)

    def reciprocity(self, days: int = 30, **kw: Any) -> list[dict[str, Any]]:
        return queries.reciprocity(self.conn, days=days, **kw)

    def reciprocity_frame(self, days: int = 30, kind: str = "pandas", **kw: Any) -> Any:
        return _frame(self.reciprocity(days=days, **kw), kind)

    def article(self, ident: int | str) -> dict[str, Any] | None:
        """An article by store id, URL, key or reader id, with its event records; None if absent."""
        if isinstance(ident, int) or (isinstance(ident, str) and ident.isdigit()):
            cur = self.conn.execute("SELECT * FROM articles WHERE id = ?", (int(ident),))
        else:
            cur = self.conn.execute(
                "SELECT * FROM articles WHERE url = ? OR key = ? OR article_id = ? ORDER BY id LIMIT 1",
                (ident, ident, ident),
            )
        row = cur.fetchone()
        if row is None:
            return None
        art = dict(zip([d[0] for d in cur.description], row))
        art["events"] = self.event_records(article=art["id"], limit=None)
        return art

    def stats(self) -> dict[str, Any]:
        def count(table: str) -> int:
            return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # fixed table names

        size = 0
        if self.path != ":memory:":
            size = sum(Path(p).stat().st_size for p in (self.path, self.path + "-wal") if Path(p).exists())
        return {
            "path": self.path, "schema_version": self.schema_version, "articles": count("articles"),
            "events": count("events"), "incidents": count("incidents"), "places": count("places"),
            "bytes": size,
        }

    def export(self, fmt: str, out_path: str | Path, header: bool = True) -> int:
        """Write all events as gdelt | plover | csv | parquet | jsonl; returns the number of rows."""
        return exports.export(self.conn, fmt, out_path, header=header)


def _name_of(pair: Any) -> str:
    try:
        a = pair[0]
        return a.id or a.url or a.source or "?"
    except Exception:
        return repr(pair)[:80]


def _frame(rows: list[dict[str, Any]], kind: str) -> Any:
    if kind == "pandas":
        import pandas as pd

        return pd.DataFrame.from_records(rows)
    if kind == "polars":
        import polars as pl

        return pl.DataFrame(rows, infer_schema_length=None)
    raise ValueError(f"kind must be 'pandas' or 'polars', not {kind!r}")


def open_store(path: str | os.PathLike[str] | None = None, create: bool = True) -> Store:
    """Open (creating or migrating as needed) the store at `path`, $TACITUS_DB or ./tacitus.db."""
    return Store(resolve_path(path), create=create)
