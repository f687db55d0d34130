"""Read-only queries over the store. Every value a user gives travels as an SQL parameter.

Results are lists of plain dicts (what the HTTP API serves); `Store.*_frame` turn them into
pandas or Polars data frames.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from datetime import date as Date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tacitus.store.summary import PERIODS


class QueryError(ValueError):
    """A query argument that cannot be used (bad period, bad date ...)."""


def _day(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value.isoformat()
    text = str(value)
    try:
        return Date.fromisoformat(text[:10]).isoformat() if len(text) >= 10 else _partial(text)
    except ValueError:
        raise QueryError(f"--{name}: not a date (YYYY-MM-DD): {value!r}") from None


def _partial(text: str) -> str:
    """'2022' -> '2022-01-01', '2022-09' -> '2022-09-01' (validated)."""
    parts = text.split("-")
    if len(parts) == 1:
        return Date(int(parts[0]), 1, 1).isoformat()
    if len(parts) == 2:
        return Date(int(parts[0]), int(parts[1]), 1).isoformat()
    raise ValueError(text)


def _actor_clause(side: str, value: str) -> tuple[str, list[Any]]:
    """An actor matches its country or its code, or any code that starts with it (RUS → RUSGOV)."""
    value = value.strip().upper()
    return (
        f"({side}_country = ? OR substr({side}_code, 1, ?) = ?)",
        [value, len(value), value],
    )


def event_filters(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    root: str | int | None = None,
    code: str | None = None,
    quad: int | None = None,
    since: Any = None,
    until: Any = None,
    text: str | None = None,
    negated: bool | None = None,
    incident: int | None = None,
    article: int | None = None,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if actor:
        s_sql, s_par = _actor_clause("source", actor)
        t_sql, t_par = _actor_clause("target", actor)
        where.append(f"({s_sql} OR {t_sql})")
        params += s_par + t_par
    if source:
        sql, par = _actor_clause("source", source)
        where.append(sql)
        params += par
    if target:
        sql, par = _actor_clause("target", target)
        where.append(sql)
        params += par
    if root not in (None, ""):
        r = str(root).strip()
        if r.isdigit() and len(r) == 1:
            r = "0" + r
        where.append("cameo_root = ?")
        params.append(r)
    if code:
        c = str(code).strip()
        where.append("substr(cameo_code, 1, ?) = ?")
        params += [len(c), c]
    if quad is not None:
        where.append("quad_class = ?")
        params.append(int(quad))
    s, u = _day(since, "since"), _day(until, "until")
    if s:
        where.append("day >= ?")
        params.append(s)
    if u:
        where.append("day <= ?")
        params.append(u)
    if text:
        where.append("(instr(lower(sentence), lower(?)) > 0 OR instr(lower(evidence_text), lower(?)) > 0)")
        params += [text, text]
    if negated is not None:
        where.append("negated = ?")
        params.append(int(bool(negated)))
    if incident is not None:
        where.append("incident_id = ?")
        params.append(int(incident))
    if article is not None:
        where.append("article_pk = ?")
        params.append(int(article))
    return where, params


def select_events(
    conn: sqlite3.Connection,
    *,
    limit: int | None = 1000,
    after_id: int | None = None,
    one_a_day: bool = False,
    **filters: Any,
) -> sqlite3.Cursor:
    """A cursor over matching event rows, in id order (a stable cursor for paging with after_id).

    one_a_day keeps one event (the first stored) per source code, target code, CAMEO code and day —
    the classic "one-a-day" de-duplication filter of event datasets.
    """
    where, params = event_filters(**filters)
    cond = " AND ".join(where) or "1"
    if one_a_day:
        base = (
            "SELECT * FROM (SELECT events.*, ROW_NUMBER() OVER (PARTITION BY source_code, target_code, cameo_code, "
            f"COALESCE(day, '') ORDER BY id) AS _rn FROM events WHERE {cond}) WHERE _rn = 1"
        )
    else:
        base = f"SELECT * FROM events WHERE {cond}"
    if after_id is not None:
        base = f"SELECT * FROM ({base}) WHERE id > ?"
        params.append(int(after_id))
    base += " ORDER BY id"
    if limit is not None:
        base += " LIMIT ?"
        params.append(int(limit))
    return conn.execute(base, params)


def rows_as_dicts(cur: sqlite3.Cursor) -> Iterator[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    for row in cur:
        d = dict(zip(cols, row))
        d.pop("_rn", None)
        yield d


def event_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored event row as the JSON event record of DESIGN.md (plus store fields)."""
    loc = None
    if row.get("loc_name") is not None:
        loc = {
            "name": row["loc_name"], "country": row["loc_country"], "admin1": row["loc_admin1"],
            "lat": row["loc_lat"], "lon": row["loc_lon"], "geonameid": row["loc_geonameid"],
        }
    reported = None
    if row.get("reported_by_text") is not None or row.get("reported_by_code") is not None:
        reported = {"text": row["reported_by_text"], "code": row["reported_by_code"]}
    return {
        "event_id": row["event_id"],
        "article_id": row["article_id"],
        "sentence_index": row["sentence_index"],
        "sentence": row["sentence"],
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence_text"]},
        "date": row["date"],
        "date_precision": row["date_precision"],
        "source": {"text": row["source_text"], "code": row["source_code"], "country": row["source_country"],
                   "agents": row["source_agents"].split() if row["source_agents"] else []},
        "target": {"text": row["target_text"], "code": row["target_code"], "country": row["target_country"],
                   "agents": row["target_agents"].split() if row["target_agents"] else []},
        "cameo": {"code": row["cameo_code"], "root": row["cameo_root"], "label": row["cameo_label"],
                  "goldstein": row["goldstein"], "quad_class": row["quad_class"]},
        "plover": {"type": row["plover_type"], "mode": row["plover_mode"],
                   "context": json.loads(row["plover_context"]) if row["plover_context"] else []},
        "location": loc,
        "reported_by": reported,
        "negated": bool(row["negated"]),
        "modality": row["modality"],
        "confidence": row["confidence"],
        "rule": row["rule"],
        "store": {"id": row["id"], "article": row["article_pk"], "day": row["day"],
                  "incident_id": row["incident_id"]},
    }


def dyad(
    conn: sqlite3.Connection, a: str, b: str, by: str = "month", since: Any = None, until: Any = None
) -> list[dict[str, Any]]:
    """Counts by period for both directions of the dyad a–b, from the summary table.

    Each row: period_start, source, target, events, q1..q4 (GDELT QuadClass: verbal cooperation,
    material cooperation, verbal conflict, material conflict), goldstein_sum, goldstein_mean.
    """
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    a, b = a.strip().upper(), b.strip().upper()
    sql = (
        "SELECT period_start, source_country, target_country, n, q1, q2, q3, q4, goldstein_sum, goldstein_n "
        "FROM dyad_summary WHERE period = ? AND ((source_country = ? AND target_country = ?) "
        "OR (source_country = ? AND target_country = ?))"
    )
    params: list[Any] = [by, a, b, b, a]
    s, u = _day(since, "since"), _day(until, "until")
    if s:
        sql += " AND period_start >= ?"
        params.append(s)
    if u:
        sql += " AND period_start <= ?"
        params.append(u)
    sql += " ORDER BY period_start, source_country = ? DESC"
    params.append(a)
    out = []
    for ps, src, tgt, n, q1, q2, q3, q4, gsum, gn in conn.execute(sql, params):
        out.append({
            "period_start": ps, "source": src, "target": tgt, "events": n, "q1": q1, "q2": q2, "q3": q3, "q4": q4,
            "goldstein_sum": round(gsum, 3), "goldstein_mean": round(gsum / gn, 3) if gn else None,
        })
    return out


def load_families(spec: str | Path | Mapping[str, Any] | None = None) -> dict[str, str]:
    """Code → family name from the YAML (the bundled `data/reciprocity.yaml` by default)."""
    if spec is None:
        text = resources.files("tacitus").joinpath("data/reciprocity.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        where = "data/reciprocity.yaml"
    elif isinstance(spec, Mapping):
        data, where = spec, "families"
    else:
        where = str(spec)
        data = yaml.safe_load(Path(spec).read_text(encoding="utf-8"))
    families = (data or {}).get("families") if isinstance(data, Mapping) else None
    if not isinstance(families, Mapping):
        raise QueryError(f"{where}: expected a mapping 'families: {{name: {{codes: [...]}}}}'")
    out: dict[str, str] = {}
    for name, entry in families.items():
        codes = entry.get("codes") if isinstance(entry, Mapping) else entry
        if not isinstance(codes, list) or not codes:
            raise QueryError(f"{where}: family {name!r} needs a non-empty list of codes")
        for code in codes:
            code = str(code).strip()
            if not code.isdigit() or len(code) != 3:
                raise QueryError(f"{where}: family {name!r}: {code!r} is not a three-digit CAMEO code")
            if code in out and out[code] != name:
                raise QueryError(f"{where}: code {code} is in two families ({out[code]}, {name})")
            out[code] = str(name)
    return out


_RECIPROCITY = """
WITH ev AS (
    SELECT e.id, e.source_country AS s, e.target_country AS t, e.day, e.cameo_code AS code,
           COALESCE(e.incident_id, -e.id) AS inc,
           COALESCE(f.value, substr(e.cameo_code, 1, 3)) AS fam
    FROM events e LEFT JOIN json_each(:families) f ON f.key = substr(e.cameo_code, 1, 3)
    WHERE e.counted = 1 AND e.day IS NOT NULL AND e.source_country <> '' AND e.target_country <> ''
          AND e.source_country <> e.target_country {extra}
)
SELECT a.s, a.t, a.fam, a.inc, b.inc, MIN(a.day), MIN(b.day), MIN(a.id), MIN(b.id), COUNT(*)
FROM ev a JOIN ev b
  ON b.s = a.t AND b.t = a.s AND b.fam = a.fam
 AND b.day >= a.day AND b.day <= date(a.day, :window)
 AND (b.day > a.day OR b.id > a.id)
GROUP BY a.inc, b.inc, a.fam
ORDER BY MIN(a.day), a.s, a.t, MIN(b.day)
"""


def reciprocity(
    conn: sqlite3.Connection,
    days: int = 30,
    families: str | Path | Mapping[str, Any] | None = None,
    actor: str | None = None,
    since: Any = None,
    until: Any = None,
) -> list[dict[str, Any]]:
    """Pairs where the target answers the source in kind within `days` days.

    A pair is (first, response): first is A→B, response is B→A (countries), the response's day
    is 0..days after the first's, and both share a three-digit CAMEO code or a family of
    `data/reciprocity.yaml`. Pairs are counted between incidents, so ten articles about one
    expulsion and five about the answer make one pair (`event_pairs` says how many event pairs
    support it). When two incidents could each answer the other, the earlier one is the first.
    """
    if int(days) < 0:
        raise QueryError("--days must be 0 or more")
    fam = load_families(families)
    extra, params = "", {"families": json.dumps(fam), "window": f"+{int(days)} days"}
    if actor:
        extra += " AND (e.source_country = :actor OR e.target_country = :actor)"
        params["actor"] = actor.strip().upper()
    s, u = _day(since, "since"), _day(until, "until")
    if s:
        extra += " AND e.day >= :since"
        params["since"] = s
    if u:
        extra += " AND e.day <= :until"
        params["until"] = u
    seen: set[frozenset[int]] = set()
    out = []
    for src, tgt, family, inc_a, inc_b, day_a, day_b, ev_a, ev_b, n in conn.execute(
        _RECIPROCITY.format(extra=extra), params
    ):
        pair = frozenset((inc_a, inc_b))
        if pair in seen:
            continue
        seen.add(pair)
        out.append({
            "source": src, "target": tgt, "family": family,
            "first_day": day_a, "response_day": day_b,
            "lag_days": (Date.fromisoformat(day_b) - Date.fromisoformat(day_a)).days,
            "first_event": ev_a, "response_event": ev_b,
            "first_incident": inc_a if inc_a > 0 else None, "response_incident": inc_b if inc_b > 0 else None,
            "event_pairs": n,
        })
    for row in out:
        for side in ("first", "response"):
            code, text = conn.execute(
                "SELECT cameo_code, evidence_text FROM events WHERE id = ?", (row[f"{side}_event"],)
            ).fetchone()
            row[f"{side}_code"], row[f"{side}_text"] = code, text
    return out
