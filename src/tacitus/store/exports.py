"""Exports: GDELT 2.0 event table, PLOVER JSONL, CSV, Parquet, JSONL of full event records.

Every format streams: rows come from an SQLite cursor in chunks and are written as they come,
so an export never holds the table in memory (Parquet is written in row groups of `chunk` rows).

GDELT 2.0 event table (tab-separated, 61 columns in GDELT's order and with its names). What
Tacitus fills:
- GLOBALEVENTID: the store's event id. SQLDATE/MonthYear/Year/FractionDate: the event's day.
- Actor{1,2}Code/Name/CountryCode: source/target code, mention text, country;
  Actor{1,2}Type{1,2,3}Code: the first three agent roles. KnownGroup/Ethnic/Religion: empty.
- IsRootEvent: 1 when the event is in the article's first sentence (GDELT: lead paragraph), else 0.
- EventCode/EventBaseCode/EventRootCode, QuadClass (GDELT's 1–4), GoldsteinScale.
- NumMentions/NumSources/NumArticles: the counts of the event's incident (1/1/1 without one).
- AvgTone: empty (Tacitus does not score tone).
- ActionGeo_Type/FullName/Lat/Long from the event's place (Type 1 country, 3/2 US city/state,
  4/5 world city/region); ActionGeo_CountryCode, ADM1/ADM2 and FeatureID are empty because GDELT
  uses FIPS 10-4 codes and GNS feature ids and Tacitus holds ISO-3 and geonames ids (both are in
  the csv/jsonl/parquet exports). Actor1Geo_*/Actor2Geo_*: empty.
- DATEADDED: the article's ingest time (YYYYMMDDHHMMSS, UTC). SOURCEURL: the URL, else the input.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date as Date
from pathlib import Path
from typing import IO, Any

from tacitus.store.queries import event_record

FORMATS = ("gdelt", "plover", "csv", "parquet", "jsonl")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]

# Flat columns of csv/parquet exports: the events table plus article and incident fields.
_EXPORT_SQL = """
SELECT e.*, a.url AS article_url, a.title AS article_title, a.date AS article_date, a.outlet AS article_outlet,
       a.ingested_at AS article_ingested_at, a.source AS article_source,
       p.feature AS loc_feature,
       i.n_mentions AS incident_mentions, i.n_articles AS incident_articles, i.n_sources AS incident_sources
FROM events e JOIN articles a ON a.id = e.article_pk
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN incidents i ON i.id = e.incident_id
ORDER BY e.id
"""

_TSV_CLEAN = re.compile(r"[\t\r\n]+")
_DROP_IN_FLAT = {"article_ingested_at", "article_source"}


def _rows(conn: sqlite3.Connection, chunk: int) -> Iterator[dict[str, Any]]:
    cur = conn.execute(_EXPORT_SQL)
    cols = [d[0] for d in cur.description]
    while True:
        batch = cur.fetchmany(chunk)
        if not batch:
            return
        for row in batch:
            yield dict(zip(cols, row))


@contextmanager
def _text_out(out: str | Path) -> Iterator[IO[str]]:
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def _geo_type(feature: str | None, country: str | None) -> str:
    f = (feature or "").lower()
    us = (country or "") == "USA"
    if f == "country":
        return "1"
    if f in ("city", "town", "village", "capital", "place"):
        return "3" if us else "4"
    if f in ("region", "state", "province", "admin1", "island"):
        return "2" if us else "5"
    return ""


def gdelt_row(r: dict[str, Any]) -> list[str]:
    day = r["day"]
    if day:
        d = Date.fromisoformat(day)
        sqldate, monthyear, year = d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year)
        fraction = f"{d.year + (d.timetuple().tm_yday / 365):.4f}"
    else:
        sqldate = monthyear = year = fraction = ""
    a1 = (r["source_agents"] or "").split()[:3]
    a2 = (r["target_agents"] or "").split()[:3]
    a1 += [""] * (3 - len(a1))
    a2 += [""] * (3 - len(a2))
    added = (r["article_ingested_at"] or "")[:19].replace("-", "").replace(":", "").replace("T", "")
    has_loc = r["loc_name"] is not None
    action_geo = [
        _geo_type(r["loc_feature"], r["loc_country"]) if has_loc else "",
        _s(r["loc_name"]), "", "", "", _s(r["loc_lat"]), _s(r["loc_lon"]), "",
    ]
    return [
        str(r["id"]), sqldate, monthyear, year, fraction,
        r["source_code"], r["source_text"], r["source_country"], "", "", "", "", *a1,
        r["target_code"], r["target_text"], r["target_country"], "", "", "", "", *a2,
        "1" if r["sentence_index"] == 0 else "0",
        r["cameo_code"], r["cameo_code"][:3], r["cameo_root"], _s(r["quad_class"]), _s(r["goldstein"]),
        _s(r["incident_mentions"] or 1), _s(r["incident_sources"] or 1), _s(r["incident_articles"] or 1), "",
        *([""] * 8), *([""] * 8), *action_geo,
        added, r["article_url"] or r["article_source"] or "",
    ]


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style JSON record (PLOVER 2.0 field names: actor/recipient, event, mode, context)."""
    loc = None
    if r["loc_name"] is not None:
        loc = {"name": r["loc_name"], "lat": r["loc_lat"], "lon": r["loc_lon"], "country": r["loc_country"] or None,
               "admin1": r["loc_admin1"] or None, "geonameid": r["loc_geonameid"]}
    return {
        "id": r["event_id"],
        "date": r["day"],
        "actor": r["source_code"],
        "actor_text": r["source_text"],
        "actor_country": r["source_country"] or None,
        "recipient": r["target_code"],
        "recipient_text": r["target_text"],
        "recipient_country": r["target_country"] or None,
        "event": r["plover_type"],
        "mode": r["plover_mode"],
        "context": json.loads(r["plover_context"]) if r["plover_context"] else [],
        "event_loc": loc,
        "event_text": r["evidence_text"],
        "source_text": r["sentence"],
        "cameo": r["cameo_code"],
        "negated": bool(r["negated"]),
        "modality": r["modality"],
        "confidence": r["confidence"],
        "url": r["article_url"],
        "publication_date": r["article_date"],
        "incident_id": r["incident_id"],
    }


def export(conn: sqlite3.Connection, fmt: str, out: str | Path, header: bool = True, chunk: int = 5000) -> int:
    """Write every stored event in `fmt` to `out` ("-" = stdout for text formats); returns the row count.

    `header` applies to gdelt (GDELT's own files have none; the default writes the column names)
    and csv.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "parquet":
        return _parquet(conn, out, chunk)
    with _text_out(out) as fh:
        if fmt == "gdelt":
            # GDELT files are plain tab-separated lines, unquoted: tabs and line breaks become spaces.
            if header:
                fh.write("\t".join(GDELT_COLUMNS) + "\n")
            for r in _rows(conn, chunk):
                fh.write("\t".join(_TSV_CLEAN.sub(" ", v) for v in gdelt_row(r)) + "\n")
                n += 1
        elif fmt == "csv":
            w = None
            for r in _rows(conn, chunk):
                for k in _DROP_IN_FLAT:
                    r.pop(k, None)
                if w is None:
                    w = csv.DictWriter(fh, fieldnames=list(r), lineterminator="\n")
                    if header:
                        w.writeheader()
                w.writerow(r)
                n += 1
            if w is None and header:
                cur = conn.execute(_EXPORT_SQL + " LIMIT 0")
                csv.writer(fh, lineterminator="\n").writerow(
                    [d[0] for d in cur.description if d[0] not in _DROP_IN_FLAT])
        else:
            make = plover_record if fmt == "plover" else _full_record
            for r in _rows(conn, chunk):
                fh.write(json.dumps(make(r), ensure_ascii=False) + "\n")
                n += 1
    return n


def _full_record(r: dict[str, Any]) -> dict[str, Any]:
    rec = event_record(r)
    rec["article"] = {"url": r["article_url"], "title": r["article_title"], "date": r["article_date"],
                      "outlet": r["article_outlet"]}
    rec["incident"] = (
        {"id": r["incident_id"], "mentions": r["incident_mentions"], "articles": r["incident_articles"],
         "sources": r["incident_sources"]} if r["incident_id"] is not None else None
    )
    return rec


def _parquet(conn: sqlite3.Connection, out: str | Path, chunk: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if str(out) == "-":
        raise ValueError("parquet needs a file name, not '-'")
    cur = conn.execute(_EXPORT_SQL)
    cols = [d[0] for d in cur.description if d[0] not in _DROP_IN_FLAT]
    keep = [i for i, d in enumerate(cur.description) if d[0] not in _DROP_IN_FLAT]
    types = {c: pa.string() for c in cols}
    for c in ("id", "article_pk", "sentence_index", "evidence_start", "evidence_end", "quad_class", "place_id",
              "loc_geonameid", "negated", "counted", "incident_id", "incident_mentions", "incident_articles",
              "incident_sources"):
        types[c] = pa.int64()
    for c in ("goldstein", "loc_lat", "loc_lon", "confidence"):
        types[c] = pa.float64()
    schema = pa.schema([(c, types[c]) for c in cols])
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        while True:
            batch = cur.fetchmany(chunk)
            if not batch:
                break
            columns = [[row[i] for row in batch] for i in keep]
            writer.write_table(pa.Table.from_arrays(
                [pa.array(col, type=schema.field(j).type) for j, col in enumerate(columns)], schema=schema))
            n += len(batch)
    return n
