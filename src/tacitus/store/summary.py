"""The dyad-by-period summary table, kept in step with `events` on every ingest.

One row per (source country, target country, period, period start) with periods ``day``,
``week`` (starting Monday) and ``month`` (starting the 1st). Only counted events with a day
enter it (see `schema`: not negated, not hypothetical). Events with an unknown country are
summarised under the empty country ``''``.
"""

from __future__ import annotations

import sqlite3

PERIODS = ("day", "week", "month")

# SQL expressions giving a period's start from an ISO day column `day`.
PERIOD_START = {
    "day": "day",
    "week": "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')",
    "month": "strftime('%Y-%m-01', day)",
}

_SELECT_PERIODS = " UNION ALL ".join(
    f"SELECT source_country, target_country, '{p}' AS period, {PERIOD_START[p]} AS period_start, "
    f"quad_class, goldstein FROM events WHERE counted = 1 AND day IS NOT NULL AND {{where}}"
    for p in PERIODS
)

_UPSERT = """
INSERT INTO dyad_summary (source_country, target_country, period, period_start,
                          n, q1, q2, q3, q4, goldstein_sum, goldstein_n)
SELECT source_country, target_country, period, period_start,
       :sign * COUNT(*),
       :sign * SUM(quad_class = 1), :sign * SUM(quad_class = 2),
       :sign * SUM(quad_class = 3), :sign * SUM(quad_class = 4),
       :sign * COALESCE(SUM(goldstein), 0), :sign * COUNT(goldstein)
FROM ({periods}) WHERE true
GROUP BY source_country, target_country, period, period_start
ON CONFLICT (source_country, target_country, period, period_start) DO UPDATE SET
    n = n + excluded.n, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
    q3 = q3 + excluded.q3, q4 = q4 + excluded.q4,
    goldstein_sum = goldstein_sum + excluded.goldstein_sum,
    goldstein_n = goldstein_n + excluded.goldstein_n
"""

_ARTICLE_UPSERT = _UPSERT.format(periods=_SELECT_PERIODS.format(where="article_pk = :article"))


def add_article(conn: sqlite3.Connection, article_pk: int, sign: int = 1) -> None:
    """Add (sign=1) or remove (sign=-1) an article's stored events to/from the summary."""
    conn.execute(_ARTICLE_UPSERT, {"sign": sign, "article": article_pk})
    if sign < 0:
        conn.execute("DELETE FROM dyad_summary WHERE n = 0")


def rebuild_summary(conn: sqlite3.Connection) -> None:
    """Recompute the whole summary from `events` (used by migrations and `Store.rebuild`)."""
    conn.execute("DELETE FROM dyad_summary")
    conn.execute(_UPSERT.format(periods=_SELECT_PERIODS.format(where="1")), {"sign": 1})
