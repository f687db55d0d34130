"""Incidents: the events of several articles (or several sentences of one) that report one happening.

The rule (`IncidentRule`), applied to counted events (not negated, not hypothetical) that have a day:

- same source country and same target country (both known; an event with an unknown country is
  an incident of its own — two unknowns are not evidence of the same happening);
- same CAMEO root (two digits), or with ``match_code=True`` the same three-digit base code
  (``161`` and ``166`` are then kept apart);
- days within ``days`` of the incident (default 2): an event joins an incident when its day lies
  within ``days`` of any day the incident already spans (single linkage, so a chain of daily
  reports of a long crisis becomes one incident);
- compatible places: the same place (geonameid, else name and country), or one of the two unknown.

An event that matches several incidents links them: they are merged, unless their places
conflict (then it joins the largest). Counts follow GDELT: `n_mentions` events, `n_articles`
distinct articles, `n_sources` distinct outlets (URL host, else the input file). Every incident
lists the events and evidence sentences behind it (`list_incidents(..., with_events=True)`).

Ingest assigns incidents incrementally with the rule stored in the database (`meta` key
``incident_rule``); `Store.rebuild_incidents(rule)` recomputes them all from scratch with another
rule (deterministic: events in day, id order). Replacing an article drops its events from their
incidents; an incident that a removed event was bridging stays whole until the next rebuild.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Any


@dataclass(frozen=True)
class IncidentRule:
    """How events are linked into incidents; see the module docstring.

    days: the largest gap, in days, between an event and an incident it joins.
    match_code: require the same three-digit CAMEO base code, not only the same root.
    """

    days: int = 2
    match_code: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> IncidentRule:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(days=int(data.get("days", 2)), match_code=bool(data.get("match_code", False)))


def load_rule(conn: sqlite3.Connection) -> IncidentRule:
    row = conn.execute("SELECT value FROM meta WHERE key = 'incident_rule'").fetchone()
    return IncidentRule.from_json(row[0] if row else None)


def save_rule(conn: sqlite3.Connection, rule: IncidentRule) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('incident_rule', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (rule.to_json(),),
    )


_EVENTS_TO_LINK = """
SELECT e.id, e.source_country, e.target_country, e.cameo_root, substr(e.cameo_code, 1, 3), e.day,
       COALESCE(p.key, '')
FROM events e LEFT JOIN places p ON p.id = e.place_id
WHERE e.counted = 1 AND e.day IS NOT NULL AND {where}
ORDER BY e.day, e.id
"""


def _shift(day: str, days: int) -> str:
    return (Date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _link(conn: sqlite3.Connection, rows: Iterable[tuple], rule: IncidentRule) -> set[int]:
    """Give each event row an incident; returns the incidents touched."""
    touched: set[int] = set()
    for event_id, src, tgt, root, base, day, place in rows:
        code = base if rule.match_code else ""
        candidates: list[tuple[int, str]] = []
        if src and tgt:
            sql = (
                "SELECT id, place_key FROM incidents WHERE source_country = ? AND target_country = ? "
                "AND root = ? AND first_day <= ? AND last_day >= ?"
            )
            params: list[Any] = [src, tgt, root, _shift(day, rule.days), _shift(day, -rule.days)]
            if rule.match_code:
                sql += " AND code = ?"
                params.append(code)
            sql += " ORDER BY n_mentions DESC, id"
            candidates = [
                (i, pk) for i, pk in conn.execute(sql, params) if not place or not pk or pk == place
            ]
        if not candidates:
            cur = conn.execute(
                "INSERT INTO incidents (source_country, target_country, root, code, first_day, last_day, "
                "place_key, n_mentions) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                (src, tgt, root, base, day, day, place),
            )
            incident = int(cur.lastrowid)
        else:
            incident, primary_place = candidates[0]
            places = {p for p in (primary_place, place) if p}
            for other, other_place in candidates[1:]:
                if other_place and places and other_place not in places:
                    continue  # conflicting places: do not merge through an unplaced event
                if other_place:
                    places.add(other_place)
                conn.execute("UPDATE events SET incident_id = ? WHERE incident_id = ?", (incident, other))
                conn.execute(
                    "UPDATE incidents SET first_day = min(first_day, (SELECT first_day FROM incidents WHERE id = ?)), "
                    "last_day = max(last_day, (SELECT last_day FROM incidents WHERE id = ?)), "
                    "n_mentions = n_mentions + (SELECT n_mentions FROM incidents WHERE id = ?) WHERE id = ?",
                    (other, other, other, incident),
                )
                conn.execute("DELETE FROM incidents WHERE id = ?", (other,))
                touched.discard(other)
            conn.execute(
                "UPDATE incidents SET first_day = min(first_day, ?), last_day = max(last_day, ?), "
                "place_key = CASE WHEN place_key = '' THEN ? ELSE place_key END, "
                "n_mentions = n_mentions + 1 WHERE id = ?",
                (day, day, place, incident),
            )
        conn.execute("UPDATE events SET incident_id = ? WHERE id = ?", (incident, event_id))
        touched.add(incident)
    return touched


_REFRESH = """
UPDATE incidents SET
    n_mentions = (SELECT COUNT(*) FROM events e WHERE e.incident_id = incidents.id),
    n_articles = (SELECT COUNT(DISTINCT e.article_pk) FROM events e WHERE e.incident_id = incidents.id),
    n_sources = (SELECT COUNT(DISTINCT CASE a.outlet WHEN '' THEN 'article:' || a.id ELSE a.outlet END)
                 FROM events e JOIN articles a ON a.id = e.article_pk WHERE e.incident_id = incidents.id),
    first_day = COALESCE((SELECT MIN(e.day) FROM events e WHERE e.incident_id = incidents.id), first_day),
    last_day = COALESCE((SELECT MAX(e.day) FROM events e WHERE e.incident_id = incidents.id), last_day),
    code = COALESCE((SELECT substr(e.cameo_code, 1, 3) AS c FROM events e WHERE e.incident_id = incidents.id
                     GROUP BY c ORDER BY COUNT(*) DESC, c LIMIT 1), code),
    goldstein = (SELECT AVG(e.goldstein) FROM events e WHERE e.incident_id = incidents.id),
    quad_class = (SELECT e.quad_class FROM events e WHERE e.incident_id = incidents.id
                  GROUP BY e.quad_class ORDER BY COUNT(*) DESC, e.quad_class LIMIT 1),
    place_key = COALESCE((SELECT p.key FROM events e JOIN places p ON p.id = e.place_id
                          WHERE e.incident_id = incidents.id GROUP BY p.key ORDER BY COUNT(*) DESC, p.key LIMIT 1), ''),
    place_name = COALESCE((SELECT p.name FROM events e JOIN places p ON p.id = e.place_id
                           WHERE e.incident_id = incidents.id GROUP BY p.key ORDER BY COUNT(*) DESC, p.key LIMIT 1), '')
WHERE {where}
"""


def refresh(conn: sqlite3.Connection, incident_ids: Iterable[int] | None = None) -> None:
    """Recompute counts, span, code and place of the given incidents (all when None); drop empty ones."""
    if incident_ids is None:
        conn.execute(_REFRESH.format(where="1"))
        conn.execute("DELETE FROM incidents WHERE n_mentions = 0")
        return
    ids = json.dumps(sorted({int(i) for i in incident_ids}))
    if ids == "[]":
        return
    conn.execute(_REFRESH.format(where="id IN (SELECT value FROM json_each(?))"), (ids,))
    conn.execute("DELETE FROM incidents WHERE n_mentions = 0 AND id IN (SELECT value FROM json_each(?))", (ids,))


def article_incidents(conn: sqlite3.Connection, article_pk: int) -> set[int]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT incident_id FROM events WHERE article_pk = ? AND incident_id IS NOT NULL", (article_pk,)
        )
    }


def link_article(conn: sqlite3.Connection, article_pk: int, rule: IncidentRule) -> None:
    """Assign incidents to a freshly stored article's events."""
    rows = conn.execute(_EVENTS_TO_LINK.format(where="e.article_pk = ?"), (article_pk,)).fetchall()
    refresh(conn, _link(conn, rows, rule))


def rebuild_incidents(conn: sqlite3.Connection, rule: IncidentRule) -> int:
    """Recompute every incident with `rule` (inside the caller's transaction); returns how many."""
    conn.execute("UPDATE events SET incident_id = NULL WHERE incident_id IS NOT NULL")
    conn.execute("DELETE FROM incidents")
    save_rule(conn, rule)
    _link(conn, conn.execute(_EVENTS_TO_LINK.format(where="1")).fetchall(), rule)
    refresh(conn)
    return conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]


def list_incidents(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    target: str | None = None,
    root: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_articles: int = 1,
    limit: int | None = 100,
    after_id: int | None = None,
    with_events: bool = True,
) -> list[dict[str, Any]]:
    """Incidents as dicts, newest first by default order of id; each with its events and evidence."""
    where, params = ["n_articles >= ?"], [min_articles]
    for column, value in (("source_country", source), ("target_country", target), ("root", root)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if since:
        where.append("last_day >= ?")
        params.append(str(since))
    if until:
        where.append("first_day <= ?")
        params.append(str(until))
    if after_id is not None:
        where.append("id > ?")
        params.append(int(after_id))
    sql = "SELECT * FROM incidents WHERE " + " AND ".join(where) + " ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    cur = conn.execute(sql, params)
    cols = [d[0] for d in cur.description]
    out = [dict(zip(cols, row)) for row in cur.fetchall()]
    if with_events:
        for inc in out:
            ev = conn.execute(
                "SELECT e.id, e.event_id, e.day, e.cameo_code, e.source_code, e.target_code, e.sentence, "
                "e.evidence_text, a.id, a.url, a.title, a.outlet FROM events e JOIN articles a ON a.id = e.article_pk "
                "WHERE e.incident_id = ? ORDER BY e.day, e.id",
                (inc["id"],),
            )
            inc["events"] = [
                {
                    "id": r[0], "event_id": r[1], "day": r[2], "cameo_code": r[3], "source_code": r[4],
                    "target_code": r[5], "sentence": r[6], "evidence_text": r[7], "article_pk": r[8],
                    "url": r[9], "title": r[10], "outlet": r[11],
                }
                for r in ev
            ]
    return out
