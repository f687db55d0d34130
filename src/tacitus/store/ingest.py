"""Storing one coded article: identity, idempotence, replacement of updated articles.

Identity: ``url:<url>`` when the article has a URL, else ``sha256:<SHA-256 of its clean text>``.
- an article not stored yet: inserted with its events;
- the same key with the same clean text: nothing changes (``unchanged``), whatever the events —
  pass ``replace=True`` to store newly coded events for unchanged text (after a lexicon change);
- the same URL with different text: the article row is updated and its events replaced; the
  dyad summary and incidents are adjusted (``replaced``).

`store_article` runs inside the caller's transaction/savepoint and leaves the database as it
found it if it raises, provided the caller rolls back to its savepoint (see `Store.ingest_many`).
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from tacitus.model import Article, Event, Place
from tacitus.store import incidents as inc
from tacitus.store import summary

#: Modalities whose events do not enter dyad counts, incidents or reciprocity.
NOT_COUNTED_MODALITIES = frozenset({"hypothetical"})


@dataclass
class IngestResult:
    key: str
    article_pk: int | None
    status: str  # inserted | replaced | unchanged | failed
    events: int = 0
    error: str | None = None
    name: str = ""  # the article's id or source, to report failures by name


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(article: Article) -> str:
    if article.url:
        return "url:" + article.url.strip()
    return "sha256:" + content_hash(article.text)


def outlet(article: Article) -> str:
    """The distinct-source name: URL host without www., else the input file without :line."""
    if article.url:
        host = urlsplit(article.url.strip()).hostname or ""
        if host:
            return host.removeprefix("www.")
    return re.sub(r":\d+$", "", article.source or "")


def _iso_day(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, Date):
        return value.isoformat()
    text = str(value)[:10]
    try:
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def event_day(event: Event, article: Article) -> str | None:
    """The day an event is counted on (dyad series, incidents, reciprocity): its own day; else the
    article's, when the event has no date of its own or its own week, month or year holds the
    article's day ("earlier this month"). None for background: a period over before the article
    ("in 2018", "last month") or with no calendar anchor ("during the war", "previously"), which no
    day can stand for — counting it on the article's day would add a new event each time an old
    one is recalled."""
    own = _iso_day(event.date) if event.date_precision in (None, "day", "article") else None
    if own is not None:
        return own
    published = _iso_day(article.date)
    if event.date is None or event.date_precision == "article":
        return published
    span = _period(str(event.date), event.date_precision)
    if published is None or span is None:
        return None
    return published if span[0] <= published <= span[1] else None


def _period(told: str, precision: str | None) -> tuple[str, str] | None:
    """First and last ISO day of a week ("2022-W38"), month ("2022-09") or year ("2022")."""
    try:
        if precision == "week":
            year, week = told.split("-W")
            monday = Date.fromisocalendar(int(year), int(week), 1)
            return monday.isoformat(), Date.fromisocalendar(int(year), int(week), 7).isoformat()
        if precision == "month":
            year, month = (int(x) for x in told.split("-"))
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
        if precision == "year":
            return f"{int(told):04d}-01-01", f"{int(told):04d}-12-31"
    except ValueError:
        return None
    return None


def place_key(place: Place) -> str:
    if place.geonameid is not None:
        return f"g:{int(place.geonameid)}"
    if place.name:
        return f"n:{place.name.strip().lower()}|{place.country}"
    return ""


def _place_id(conn: sqlite3.Connection, place: Place | None) -> int | None:
    if place is None:
        return None
    key = place_key(place)
    if not key:
        return None
    row = conn.execute("SELECT id FROM places WHERE key = ?", (key,)).fetchone()
    if row:
        return int(row[0])
    cur = conn.execute(
        "INSERT INTO places (key, name, country, admin1, lat, lon, geonameid, feature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (key, place.name, place.country or "", place.admin1 or "", place.lat, place.lon, place.geonameid,
         place.feature or ""),
    )
    return int(cur.lastrowid)


EVENT_COLUMNS = (
    "event_id", "article_pk", "article_id", "sentence_index", "sentence", "evidence_start", "evidence_end",
    "evidence_text", "date", "date_precision", "day",
    "source_text", "source_code", "source_country", "source_agents",
    "target_text", "target_code", "target_country", "target_agents",
    "cameo_code", "cameo_root", "cameo_label", "quad_class", "goldstein",
    "plover_type", "plover_mode", "plover_context",
    "place_id", "loc_name", "loc_country", "loc_admin1", "loc_lat", "loc_lon", "loc_geonameid",
    "reported_by_text", "reported_by_code", "negated", "modality", "confidence", "rule", "counted",
)
_INSERT_EVENT = (
    f"INSERT OR IGNORE INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"
)


def event_row(conn: sqlite3.Connection, event: Event, article: Article, article_pk: int) -> tuple:
    loc = event.location
    code = str(event.cameo.code)
    root = str(event.cameo.root or code[:2])
    counted = int(not event.negated and (event.modality or "asserted") not in NOT_COUNTED_MODALITIES)
    return (
        event.event_id, article_pk, event.article_id or article.id, event.sentence_index, event.sentence or "",
        event.evidence_start, event.evidence_end, event.evidence_text or "",
        event.date, event.date_precision, event_day(event, article),
        event.source.text or "", event.source.code or "", event.source.country or "", " ".join(event.source.agents),
        event.target.text or "", event.target.code or "", event.target.country or "", " ".join(event.target.agents),
        code, root, event.cameo.label or "",
        None if event.cameo.quad_class is None else int(event.cameo.quad_class),
        None if event.cameo.goldstein is None else float(event.cameo.goldstein),
        event.plover_type, event.plover_mode, json.dumps(list(event.plover_context)),
        _place_id(conn, loc),
        loc.name if loc else None, (loc.country or "") if loc else None, (loc.admin1 or "") if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.geonameid if loc else None,
        event.reported_by.text if event.reported_by else None,
        event.reported_by.code if event.reported_by else None,
        int(bool(event.negated)), event.modality or "asserted",
        None if event.confidence is None else float(event.confidence), event.rule or "", counted,
    )


def _delete_events(conn: sqlite3.Connection, article_pk: int) -> None:
    touched = inc.article_incidents(conn, article_pk)
    summary.add_article(conn, article_pk, sign=-1)
    conn.execute("DELETE FROM events WHERE article_pk = ?", (article_pk,))
    inc.refresh(conn, touched)


def store_article(
    conn: sqlite3.Connection,
    article: Article,
    events: list[Event],
    rule: inc.IncidentRule,
    replace: bool = False,
) -> IngestResult:
    """Store one article and its events inside the caller's transaction."""
    if not isinstance(article, Article):
        raise TypeError(f"expected an Article, got {type(article).__name__}")
    if not isinstance(article.text, str):
        raise TypeError("article text must be a string")
    key = article_key(article)
    digest = content_hash(article.text)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    name = article.id or article.url or article.source or key
    row = conn.execute("SELECT id, content_hash FROM articles WHERE key = ?", (key,)).fetchone()
    fields = (article.id or "", article.url, digest, article.title, _iso_day(article.date), article.source or "",
              outlet(article), article.text)
    if row is None:
        cur = conn.execute(
            "INSERT INTO articles (key, article_id, url, content_hash, title, date, source, outlet, text, "
            "ingested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, *fields, now, now),
        )
        pk, status = int(cur.lastrowid), "inserted"
    else:
        pk = int(row[0])
        if row[1] == digest and not replace:
            return IngestResult(key, pk, "unchanged", 0, name=name)
        _delete_events(conn, pk)
        conn.execute(
            "UPDATE articles SET article_id = ?, url = ?, content_hash = ?, title = ?, date = ?, source = ?, "
            "outlet = ?, text = ?, updated_at = ? WHERE id = ?",
            (*fields, now, pk),
        )
        status = "replaced"
    rows = [event_row(conn, e, article, pk) for e in events]
    conn.executemany(_INSERT_EVENT, rows)
    summary.add_article(conn, pk, sign=1)
    inc.link_article(conn, pk, rule)
    stored = conn.execute("SELECT COUNT(*) FROM events WHERE article_pk = ?", (pk,)).fetchone()[0]
    return IngestResult(key, pk, status, int(stored), name=name)
