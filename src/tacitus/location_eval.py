"""Scoring event locations against records with `gold.spans` (a VERB span and its LOCATION spans).

For each record with `gold.spans`: parse the text, take the token at the VERB span (the first verb
token inside it, else the span's root), find the places (`find_places`), read a dateline, and ask
`event_location` for the event's location. The predicted mention is `text[place.start:place.end]`.

Match rule (`mention_matches`): a predicted mention matches a gold LOCATION span when, after
normalising both (case-folded, whitespace collapsed, a leading "the" and a trailing "'s" or
punctuation removed),
  - the two texts are equal (wherever the gold span sits: the same name is the same place), or
  - the two character spans overlap and one text contains the other ("the West Bank" / "West Bank",
    "Aleppo" / "Aleppo Governorate", "western Baghdad" / "Baghdad").
A record with several gold LOCATION spans is matched by any of them.

Figures (the issue's target is stated "for records with a gold location"):
  loc_exact          = records with a gold LOCATION whose prediction matches / records with a gold LOCATION
  loc_precision      = of those records, the ones whose prediction matches / the ones with a prediction
  loc_precision_all  = the same over every record, a prediction for a record without a gold LOCATION
                       counting as wrong. A lower bound only: the gold leaves many locations
                       unlabelled ("Hicks was captured in Afghanistan in 2001" has none), so most such
                       "errors" are right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from tacitus.places import Gazetteer, dateline, event_location, find_places

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    s = _WS.sub(" ", s.replace("’", "'").replace("‘", "'")).strip().casefold()
    s = s.strip(" .,;:!?\"'()[]")
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    return s.strip(" .,;:!?\"'()[]")


def mention_matches(pred: tuple[int, int, str], gold: tuple[int, int, str]) -> bool:
    """The match rule of the module docstring; each argument is (start, end, text)."""
    p, g = _norm(pred[2]), _norm(gold[2])
    if not p or not g:
        return False
    if p == g:
        return True
    overlap = pred[0] < gold[1] and gold[0] < pred[1]
    return overlap and (p in g or g in p)


def _verb_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for t in span:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return span.root


def score_locations(records: Iterable[dict], nlp, gazetteer: Gazetteer, docs: Iterable | None = None,
                    batch_size: int = 256, details: list | None = None) -> dict[str, Any]:
    """Score `event_location` on records with `gold.spans` (see the module docstring).

    `docs`, if given, are the already parsed texts in the same order (for repeated tuning runs).
    `details`, if a list, receives one (record, predicted Place | None, correct: bool) per record.
    """
    recs = [r for r in records if (r.get("gold") or {}).get("spans")]
    if docs is None:
        docs = nlp.pipe((r["text"] for r in recs), batch_size=batch_size)
    n = n_gold = n_pred = hit_gold = hit_pred = n_pred_gold = 0
    for r, doc in zip(recs, docs):
        spans = r["gold"]["spans"]
        verbs = [s for s in spans if s["label"] == "VERB"]
        golds = [(s["start"], s["end"], s["text"]) for s in spans if s["label"] == "LOCATION"]
        if not verbs:
            continue
        n += 1
        trig = _verb_token(doc, verbs[0]["start"], verbs[0]["end"])
        pred = None
        if trig is not None:
            places = find_places(doc, gazetteer)
            dl = dateline(doc.text, gazetteer)
            pred = event_location(trig, places, doc, dateline=dl)
        ok = False
        if pred is not None:
            n_pred += 1
            mention = (pred.start, pred.end, doc.text[pred.start:pred.end])
            ok = any(mention_matches(mention, g) for g in golds)
            hit_pred += ok
        if golds:
            n_gold += 1
            hit_gold += ok
            n_pred_gold += pred is not None
        if details is not None:
            details.append((r, pred, ok))
    return {
        "records": n,
        "with_gold_location": n_gold,
        "predicted": n_pred,
        "correct": hit_pred,
        "loc_exact": round(hit_gold / n_gold, 4) if n_gold else 0.0,
        "loc_precision": round(hit_gold / n_pred_gold, 4) if n_pred_gold else 0.0,
        "loc_precision_all": round(hit_pred / n_pred, 4) if n_pred else 0.0,
    }
