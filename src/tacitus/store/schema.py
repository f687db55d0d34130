"""The store's SQLite schema, created and migrated by the program.

The database records its schema version in `schema_version` (one row). Opening a file:
- new/empty file: every migration runs, in order;
- older version: the missing migrations run, each in its own transaction, so an interrupted
  upgrade leaves the file at the last completed version and the next open resumes it;
- newer version than this program knows: `SchemaError`, and the file is not touched.

Tables (version 2):

- `articles`: one row per stored article. `key` is its identity: ``url:<url>`` when the article
  has a URL, else ``sha256:<hash of the clean text>``. `content_hash` is the SHA-256 of the clean
  text (decides "same" vs "updated"). `outlet` is the distinct-source name used by incidents
  (URL host without ``www.``, else the reader's source path without a ``:line`` suffix).
- `events`: one row per coded event, every field of the JSON event record flattened
  (source_*/target_* code/country/agents/text, cameo_*, plover_*, loc_*, evidence_*,
  reported_by_*, negated, modality, confidence, rule), plus `day` (the event's ISO day, else the
  article's date, else NULL), `counted` (1 when the event enters the analysis: not negated and
  not hypothetical) and `incident_id`.
- `places`: the distinct places events happen at (geonameid, else name+country, is the key).
- `incidents`: events linked across articles (see `tacitus.store.incidents`).
- `dyad_summary`: counts by (source country, target country, period, period start) with
  QuadClass counts and the Goldstein sum/count, maintained on ingest for instant dyad views.
- `meta`: key/value settings (e.g. the incident rule used on ingest).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 2


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would COMMIT first)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


class SchemaError(RuntimeError):
    """The database file cannot be used by this version of Tacitus."""


def _v1(conn: sqlite3.Connection) -> None:
    """Version 1: articles, places, events and their indexes."""
    _script(
        conn,
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL DEFAULT '',
            url TEXT,
            content_hash TEXT NOT NULL,
            title TEXT,
            date TEXT,
            source TEXT NOT NULL DEFAULT '',
            outlet TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX articles_url ON articles(url);
        CREATE INDEX articles_article_id ON articles(article_id);

        CREATE TABLE places (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            country TEXT NOT NULL DEFAULT '',
            admin1 TEXT NOT NULL DEFAULT '',
            lat REAL,
            lon REAL,
            geonameid INTEGER,
            feature TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            article_pk INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL DEFAULT '',
            sentence_index INTEGER,
            sentence TEXT NOT NULL DEFAULT '',
            evidence_start INTEGER,
            evidence_end INTEGER,
            evidence_text TEXT NOT NULL DEFAULT '',
            date TEXT,
            date_precision TEXT,
            day TEXT,
            source_text TEXT NOT NULL DEFAULT '',
            source_code TEXT NOT NULL DEFAULT '',
            source_country TEXT NOT NULL DEFAULT '',
            source_agents TEXT NOT NULL DEFAULT '',
            target_text TEXT NOT NULL DEFAULT '',
            target_code TEXT NOT NULL DEFAULT '',
            target_country TEXT NOT NULL DEFAULT '',
            target_agents TEXT NOT NULL DEFAULT '',
            cameo_code TEXT NOT NULL,
            cameo_root TEXT NOT NULL,
            cameo_label TEXT NOT NULL DEFAULT '',
            quad_class INTEGER,
            goldstein REAL,
            plover_type TEXT,
            plover_mode TEXT,
            plover_context TEXT NOT NULL DEFAULT '',
            place_id INTEGER REFERENCES places(id),
            loc_name TEXT,
            loc_country TEXT,
            loc_admin1 TEXT,
            loc_lat REAL,
            loc_lon REAL,
            loc_geonameid INTEGER,
            reported_by_text TEXT,
            reported_by_code TEXT,
            negated INTEGER NOT NULL DEFAULT 0,
            modality TEXT NOT NULL DEFAULT 'asserted',
            confidence REAL,
            rule TEXT NOT NULL DEFAULT '',
            counted INTEGER NOT NULL DEFAULT 1,
            incident_id INTEGER,
            UNIQUE (article_pk, event_id)
        );
        CREATE INDEX events_article ON events(article_pk);
        CREATE INDEX events_dyad ON events(source_country, target_country, day);
        CREATE INDEX events_target ON events(target_country, day);
        CREATE INDEX events_source_code ON events(source_code);
        CREATE INDEX events_target_code ON events(target_code);
        CREATE INDEX events_day ON events(day);
        CREATE INDEX events_root ON events(cameo_root, day);
        CREATE INDEX events_incident ON events(incident_id);
        """
    )


def _v2(conn: sqlite3.Connection) -> None:
    """Version 2: incidents, the dyad-by-period summary and meta; both backfilled from events."""
    _script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY,
            source_country TEXT NOT NULL,
            target_country TEXT NOT NULL,
            root TEXT NOT NULL,
            code TEXT NOT NULL,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            place_key TEXT NOT NULL DEFAULT '',
            place_name TEXT NOT NULL DEFAULT '',
            n_mentions INTEGER NOT NULL DEFAULT 0,
            n_articles INTEGER NOT NULL DEFAULT 0,
            n_sources INTEGER NOT NULL DEFAULT 0,
            goldstein REAL,
            quad_class INTEGER
        );
        CREATE INDEX incidents_match ON incidents(source_country, target_country, root, first_day);
        CREATE INDEX incidents_day ON incidents(first_day);

        CREATE TABLE dyad_summary (
            source_country TEXT NOT NULL,
            target_country TEXT NOT NULL,
            period TEXT NOT NULL,
            period_start TEXT NOT NULL,
            n INTEGER NOT NULL DEFAULT 0,
            q1 INTEGER NOT NULL DEFAULT 0,
            q2 INTEGER NOT NULL DEFAULT 0,
            q3 INTEGER NOT NULL DEFAULT 0,
            q4 INTEGER NOT NULL DEFAULT 0,
            goldstein_sum REAL NOT NULL DEFAULT 0,
            goldstein_n INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source_country, target_country, period, period_start)
        ) WITHOUT ROWID;
        CREATE INDEX dyad_summary_period ON dyad_summary(period, period_start);
        """
    )
    # Backfill from whatever events a version-1 file holds.
    from tacitus.store.summary import rebuild_summary

    rebuild_summary(conn)
    from tacitus.store.incidents import IncidentRule, rebuild_incidents

    rebuild_incidents(conn, IncidentRule())


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2}


def current_version(conn: sqlite3.Connection) -> int:
    """The file's schema version; 0 for a new file. Raises SchemaError for a foreign database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "schema_version" not in tables:
        if tables:
            raise SchemaError(
                "not a Tacitus database (it has tables but no schema_version): " + ", ".join(sorted(tables)[:5])
            )
        return 0
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the file up to `target`; returns the version it had before.

    `conn` must be in autocommit mode (isolation_level=None); each step is its own transaction.
    """
    if target > SCHEMA_VERSION:
        raise ValueError(f"unknown schema version {target}")
    # The common case reads the version without taking the write lock, so a reader opening the
    # store while an ingest holds a long write transaction does not wait for it.
    seen = current_version(conn)
    if seen > SCHEMA_VERSION:
        raise SchemaError(
            f"the database has schema version {seen}, newer than this Tacitus knows "
            f"({SCHEMA_VERSION}); upgrade Tacitus to open it"
        )
    if seen >= target:
        return seen
    conn.execute("BEGIN IMMEDIATE")  # one migrating process at a time; others wait, then see it done
    try:
        before = current_version(conn)
        if before > SCHEMA_VERSION:
            raise SchemaError(
                f"the database has schema version {before}, newer than this Tacitus knows "
                f"({SCHEMA_VERSION}); upgrade Tacitus to open it"
            )
        if before == 0:
            conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO schema_version (version) VALUES (0)")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    version = before
    while version < target:
        step = version + 1
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) != version:  # another process migrated meanwhile
                version = current_version(conn)
                conn.execute("COMMIT")
                continue
            MIGRATIONS[step](conn)
            conn.execute("UPDATE schema_version SET version = ?", (step,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = step
    return before
