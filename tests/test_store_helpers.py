"""A small constructed corpus for the store tests (no coder needed): articles and events with known answers."""

from __future__ import annotations

from datetime import date as Date

from tacitus.model import ActorRef, Article, Cameo, Event, Place

# code: (label, goldstein, GDELT quad class)
CODES = {
    "040": ("Consult", 1.0, 1),
    "042": ("Make a visit", 1.9, 1),
    "057": ("Sign formal agreement", 8.0, 1),
    "061": ("Cooperate economically", 6.4, 2),
    "111": ("Criticize or denounce", -2.0, 3),
    "114": ("Complain officially", -2.0, 3),
    "161": ("Reduce or break diplomatic relations", -4.0, 4),
    "163": ("Impose embargo, boycott, or sanctions", -8.0, 4),
    "166": ("Expel or withdraw", -5.0, 4),
    "173": ("Arrest, detain, or charge with legal action", -5.0, 4),
    "174": ("Expel or deport individuals", -5.0, 4),
    "190": ("Use conventional military force", -10.0, 4),
}

PLACES = {
    "Moscow": Place("Moscow", "RUS", lat=55.75, lon=37.62, geonameid=524901, feature="city"),
    "Tokyo": Place("Tokyo", "JPN", lat=35.69, lon=139.69, geonameid=1850147, feature="city"),
    "Vladivostok": Place("Vladivostok", "RUS", lat=43.1, lon=131.9, geonameid=2013348, feature="city"),
}


def actor(code: str) -> ActorRef:
    country = code[:3] if code[:3].isalpha() and code[:3] not in ("GOV", "MIL", "MED") else ""
    agents = [code[i:i + 3] for i in range(3 if country else 0, len(code), 3)]
    return ActorRef(text=f"the {code} actor", code=code, country=country, agents=agents)


def article(aid: str, text: str | None = None, url: str | None = "auto", day: str | None = "2022-09-27",
            source: str = "corpus.jsonl") -> Article:
    if url == "auto":
        url = f"https://news.example.org/{aid}"
    return Article(
        id=aid, text=text if text is not None else f"Text of article {aid}.", url=url,
        date=Date.fromisoformat(day) if day else None, title=f"Title {aid}", source=source,
    )


def event(art: Article, src: str, tgt: str, code: str, *, day: str | None = None, place: str | None = None,
          sentence_index: int = 0, start: int = 0, sentence: str | None = None, negated: bool = False,
          modality: str = "asserted") -> Event:
    label, goldstein, quad = CODES[code]
    sentence = sentence or f"{src} did {label.lower()} to {tgt}."
    return Event(
        article_id=art.id, sentence_index=sentence_index, sentence=sentence,
        evidence_start=start, evidence_end=start + len(sentence), evidence_text=sentence,
        source=actor(src), target=actor(tgt), cameo=Cameo(code, code[:2], label, goldstein, quad),
        plover_type="EXPEL" if code in ("166", "174") else None, date=day,
        date_precision="day" if day else None, location=PLACES[place] if place else None,
        negated=negated, modality=modality, confidence=0.8, rule=f"test.{code}",
    )


def numbered_pairs(n: int, start: int = 0, events_per: int = 2):
    """n distinct articles, each with `events_per` RUS→JPN / JPN→RUS events on its own day."""
    for i in range(start, start + n):
        a = article(f"n{i:05d}", text=f"Numbered article {i}.", day=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}")
        evs = [event(a, "RUSGOV" if k % 2 == 0 else "JPNGOV", "JPNGOV" if k % 2 == 0 else "RUSGOV",
                     "040" if k % 2 == 0 else "111", sentence_index=k, start=k * 10) for k in range(events_per)]
        yield a, evs


def dump(store) -> dict:
    """Every table's content, for "nothing changed" comparisons (times excluded)."""
    out = {}
    for table, order in (("articles", "id"), ("events", "id"), ("places", "id"), ("incidents", "id"),
                         ("dyad_summary", "source_country, target_country, period, period_start")):
        cur = store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur]
        for r in rows:
            r.pop("ingested_at", None)
            r.pop("updated_at", None)
        out[table] = rows
    return out


def summary_from_events(store) -> list[tuple]:
    """The dyad summary recomputed straight from events (to check the maintained table)."""
    rows = store.conn.execute(
        "SELECT source_country, target_country, strftime('%Y-%m-01', day), COUNT(*), SUM(quad_class = 4), "
        "ROUND(SUM(goldstein), 6) FROM events WHERE counted = 1 AND day IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    ).fetchall()
    return rows


def summary_table(store) -> list[tuple]:
    return store.conn.execute(
        "SELECT source_country, target_country, period_start, n, q4, ROUND(goldstein_sum, 6) FROM dyad_summary "
        "WHERE period = 'month' ORDER BY 1, 2, 3"
    ).fetchall()
