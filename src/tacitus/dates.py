"""Dates: the day (or week, month, year) an event happened, resolved against the publication date.

- `resolve_date_phrase(phrase, publication_date, past)` turns one recognised date phrase ("on Monday
  evening", "yesterday", "last week", "on Sept. 26", "in February", "earlier this year", "in 2020") into
  (ISO date or partial date, precision), precision one of day | week | month | year.
- `event_date(trigger, doc, publication_date, state)` finds the date phrase attached to an event
  verb's clause and resolves it; `DateState` carries the last resolved date across the sentences of
  one article, so "that evening" / "the same day" inherit it.

News-writing rules are ours, not dateparser's:
- a weekday means the most recent such day on or before the publication date for a past-tense event
  ("on Tuesday" in a Tuesday article is that day), the next one (on or after) for a future event;
- a month alone is the most recent past such month (this month included) unless the verb is future;
- "overnight" / "last night" is the night before publication: we return the previous day;
- "yesterday", "today", "tomorrow", "last/this/next week|month|year", "earlier this year" are rules.
dateparser (`DateDataParser`, English only, RELATIVE_BASE = publication date, PREFER_DATES_FROM
past/future, PREFER_DAY_OF_MONTH first) is used only on a recognised phrase — a spaCy DATE/TIME
entity or a temporal modifier of the verb — never over raw text, and its calls are cached.

Without a publication date, relative phrases stay relative: ("Monday evening", "relative"); absolute
ones ("in 2020", "Sept. 26, 2022") still resolve. A background period with no calendar anchor
("during the war") is returned as (phrase, "relative") too: it is not the publication day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

try:
    from spacy.tokens import Doc, Span, Token
except ImportError:  # pragma: no cover
    Doc = Span = Token = object  # type: ignore

__all__ = ["resolve_date_phrase", "event_date", "DateState"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12}
_PARTS_OF_DAY = {"morning", "evening", "afternoon", "night", "noon", "midday", "dawn", "dusk", "daybreak",
                 "lunchtime", "overnight", "midnight"}
_LEADING = re.compile(r"^(?:on|in|at|during|since|by|from|as of|as early as|until|till|before|after|of)\s+", re.I)
# The open word lists (periods, background adverbs, seasons) live in data/dates.yaml.
_WORDS = yaml.safe_load(resources.files("tacitus").joinpath("data/dates.yaml").read_text(encoding="utf-8"))
_PERIOD_NOUNS = frozenset(_WORDS["period_nouns"])
_BACKGROUND_ADVERBS = frozenset(_WORDS["background_adverbs"])
_SEASONS = {name: (int(first), int(last)) for name, (first, last) in _WORDS["seasons"].items()}
# phrases that inherit the last resolved date of the article
_INHERIT = re.compile(r"^(?:later |earlier |early |late )?(?:that|the same|same) (day|morning|evening|afternoon|night|week|month|year)$"
                      r"|^(?:hours|minutes) later$|^(?:the )?(next|following) (day|morning|evening|week)$|^(later|then)$"
                      r"|^(?:the )?(?:previous|preceding) (?:day|morning|evening|night)$|^(?:the|a) day (?:before|earlier|later)$")
_DAY_AFTER = re.compile(r"\b(?:next|following)\b|^a day later$")
_DAY_BEFORE = re.compile(r"\b(?:previous|preceding)\b|^(?:the|a) day (?:before|earlier)$")


@dataclass
class DateState:
    """The last date resolved in the article, carried across its sentences."""

    last: tuple[str, str] | None = None


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _clean(phrase: str) -> str:
    s = " ".join(phrase.replace("’", "'").split()).strip(" ,.;:-")
    prev = None
    while prev != s:
        prev = s
        s = _LEADING.sub("", s).strip()
        if s.lower().startswith("the ") and not _INHERIT.match(s.lower()):
            s = s[4:]
    return s


def _weekday_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in WEEKDAYS:
        return WEEKDAYS.index(w)
    return _WEEKDAY_ABBR.get(w)


def _month_of(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w)


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, base: dt.date, past: bool) -> tuple[str, str] | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12, 0),
        "PREFER_DATES_FROM": "past" if past else "future",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    })
    data = parser.get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return f"{d.year}", "year"
    if period == "month":
        return f"{d.year}-{d.month:02d}", "month"
    if period == "week":
        return _week(d), "week"
    return d.isoformat(), "day"


def resolve_date_phrase(phrase: str, publication_date: dt.date | None, past: bool = True) -> tuple[str, str] | None:
    """(ISO date or partial date, precision) for one recognised date phrase, or None if it is no date.

    Precision: day ("2022-09-26"), week ("2022-W38"), month ("2022-09"), year ("2022"); without a
    publication date, relative phrases come back as (phrase, "relative").
    """
    if isinstance(publication_date, dt.datetime):
        publication_date = publication_date.date()
    raw = " ".join(phrase.split())
    s = re.sub(r"\b[Mm]id-(?=[A-Za-z])", "mid ", _clean(raw))  # "mid-February" is February
    if not s:
        return None
    low = s.lower()
    words = low.replace(",", " ").split()
    pub = publication_date

    # "may" as a word in lower case is the verb, never the month
    if re.fullmatch(r"may", s):
        return None

    # a bare number ("now aged 93") or a length of time ("45 years", "for six months") is no date
    if re.fullmatch(r"\d{1,3}|(?:about |some |nearly |almost |more than |over )?(?:\d+|a|an|one|two|three|four|five|six|seven|"
                    r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few|many) "
                    r"(?:years?|months?|weeks?|days?|hours?|decades?)(?: old| long)?", low):
        return None

    # absolute: a year, a month and year, a full date — resolvable without a publication date
    m = re.fullmatch(r"(?:(?:early|mid|late)[- ])?(\d{4})", low)
    if m and 1000 <= int(m.group(1)) <= 2100:
        return m.group(1), "year"
    if re.fullmatch(r"(?:the )?\d{4}s|(?:the )?'?\d0s", low):
        return None  # a decade: no precision to give
    has_year = re.search(r"\b(1\d{3}|20\d{2})\b", low)
    month_words = [w for w in words if _month_of(w)]
    if has_year and month_words and pub is None:
        pub = dt.date(int(has_year.group(1)), 12, 31)  # only the year matters then
    if pub is None:
        if has_year:
            r = _dateparser(s, dt.date(int(has_year.group(1)), 12, 31), True)
            if r:
                return r
        return s, "relative"

    # inherited phrases are the caller's business (event_date); alone they are relative
    if _INHERIT.match(low):
        return None

    base_words = [w for w in words if w not in _PARTS_OF_DAY and w not in ("early", "late", "mid", "this", "last",
                                                                          "on", "in", "the", "of")]
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today",
               "later today", "now", "currently") or (words and words[0] == "today"):
        return pub.isoformat(), "day"
    if words and words[0] == "yesterday" or low in ("last night", "overnight", "late last night",
                                                      "earlier last night", "on the night before"):
        return (pub - dt.timedelta(days=1)).isoformat(), "day"
    if low == "the day before yesterday":
        return (pub - dt.timedelta(days=2)).isoformat(), "day"
    if words and words[0] == "tomorrow":
        return (pub + dt.timedelta(days=1)).isoformat(), "day"
    m = re.fullmatch(r"(?:(last|this|next|earlier this|later this|early|late|earlier|the past|the previous|previous|the last) )?"
                     r"(week|weekend|month|year)", low)
    if m:
        which, unit = m.group(1) or "this", m.group(2)
        back = which in ("last", "the past", "the previous", "previous", "the last")
        fwd = which == "next"
        if unit in ("week", "weekend"):
            d = pub - dt.timedelta(days=7) if back else pub + dt.timedelta(days=7) if fwd else pub
            if unit == "weekend":
                # the weekend of that week: Saturday
                sat = d - dt.timedelta(days=(d.weekday() - 5) % 7) if back or not fwd else d + dt.timedelta(days=(5 - d.weekday()) % 7)
                if back and (pub - sat).days > 9:
                    sat += dt.timedelta(days=7)
                return _week(sat), "week"
            return _week(d), "week"
        if unit == "month":
            y, mo = pub.year, pub.month + (-1 if back else 1 if fwd else 0)
            if mo == 0:
                y, mo = y - 1, 12
            if mo == 13:
                y, mo = y + 1, 1
            return f"{y}-{mo:02d}", "month"
        return f"{pub.year - 1 if back else pub.year + 1 if fwd else pub.year}", "year"

    # a weekday, with or without a part of the day: "on Monday evening", "last Tuesday"
    wd = [w for w in base_words if _weekday_of(w) is not None]
    if wd and len(base_words) == 1:
        target = _weekday_of(wd[0])
        delta = (pub.weekday() - target) % 7
        if words[0] == "last" and delta == 0:
            delta = 7
        if past or words[0] == "last":
            return (pub - dt.timedelta(days=delta)).isoformat(), "day"
        return (pub + dt.timedelta(days=(target - pub.weekday()) % 7)).isoformat(), "day"

    # a month alone: "in February", "last February", "this March"
    if len(base_words) == 1 and _month_of(base_words[0]) and not has_year:
        if base_words[0] == "may" and s.split()[-1] == "may":
            return None
        mo = _month_of(base_words[0])
        if past or words[0] == "last":
            y = pub.year if mo <= pub.month else pub.year - 1
            if words[0] == "last" and mo == pub.month:
                y -= 1
        else:
            y = pub.year if mo >= pub.month else pub.year + 1
        return f"{y}-{mo:02d}", "month"

    # "earlier this year", "earlier this month"
    m = re.fullmatch(r"(?:earlier|later|early|late) (this|last) (year|month)", low)
    if m:
        return resolve_date_phrase(f"{m.group(1)} {m.group(2)}", pub, past)

    # "the end of last year", "the beginning of March": the period's own date, at its precision
    m = re.fullmatch(r"(?:end|beginning|start|middle|turn|close) of (?:the )?(.+)", low)
    if m:
        return resolve_date_phrase(m.group(1), pub, past)

    # "March last year", "in May of this year"
    m = re.fullmatch(r"(?:(?:early|mid|late) )?([a-z]+\.?),? (?:of )?(last|this|next) year", low)
    if m and _month_of(m.group(1)) and (m.group(1) != "may" or "May" in s):
        year = pub.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
        return f"{year}-{_month_of(m.group(1)):02d}", "month"

    season = _season(low, pub, past)
    if season is not None:
        return season

    # "in recent weeks", "over the past few days": a stretch before writing, not a date
    if re.fullmatch(r"(?:recent|the past few|the last few|past few|last few) (?:days|weeks|months|years)", low):
        return s, "relative"

    # anything else dateparser may know ("Sept. 26", "26 September 2022", "three days ago"), only if
    # the phrase carries a date word: a number, a month, or a relative marker
    if not (re.search(r"\d", low) or month_words or re.search(r"\b(ago|last|next|this|past|previous)\b", low)):
        return None
    if month_words and month_words[0] == "may" and "May" not in s:
        return None
    return _dateparser(s, pub, past)


def _season(low: str, pub: dt.date, past: bool) -> tuple[str, str] | None:
    """The year of "last summer", "this spring", "in the autumn of 2018" (precision year)."""
    m = re.fullmatch(r"(?:(last|this|next|early|late|mid) )?([a-z]+)(?: of (\d{4}))?", low)
    if not m or m.group(2) not in _SEASONS:
        return None
    which, (first, last) = m.group(1), _SEASONS[m.group(2)]
    if m.group(3):
        return m.group(3), "year"
    if which is None and m.group(2) == "fall":
        return None  # "the fall" alone is as often the noun
    if which == "this":
        return str(pub.year), "year"
    if which == "last":
        return str(pub.year if pub.month > last else pub.year - 1), "year"
    if which == "next" or not past:
        return str(pub.year if pub.month < first else pub.year + 1), "year"
    return str(pub.year if pub.month >= first else pub.year - 1), "year"


# --------------------------------------------------------------------------------------------------
# The date of an event

_TEMPORAL_WORDS = {"yesterday", "today", "tonight", "overnight", "tomorrow", "now"} | set(WEEKDAYS)
_DATE_PREPS = {"on", "in", "since", "during", "at", "by", "from", "until", "before", "after", "throughout", "over", "of", "last"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _is_future(trigger: Token) -> bool:
    for t in list(trigger.children) + ([trigger.head] if trigger.dep_ in ("xcomp",) else []):
        if t.dep_ == "aux" and t.lower_ in _FUTURE_AUX:
            return True
        if t.dep_ == "aux" and t.lower_ == "going":
            return True
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ in ("plan", "intend", "prepare", "schedule", "set", "due", "expect", "go"):
        return True
    if trigger.head.lemma_ == "be" and trigger.head.lower_ in ("is", "are") and any(c.lower_ == "due" for c in trigger.head.children):
        return True
    return False


def _clause_of(tok: Token, trigger: Token) -> bool:
    """Is `tok` in the trigger's own clause (its nearest verb ancestor is the trigger)?"""
    cur = tok
    for _ in range(8):
        if cur == trigger:
            return True
        if cur.head == cur:
            return False
        if cur.pos_ in ("VERB", "AUX") and cur != tok and cur.dep_ not in ("aux", "auxpass"):
            return False
        cur = cur.head
    return False


class _Period:
    """A background period with no calendar anchor: "during the war"."""

    def __init__(self, span: Span) -> None:
        self.span = span


def _candidates(trigger: Token, doc: Doc) -> list[tuple[int, str, Span | Token]]:
    """Date phrases attached to the trigger's clause: (distance, phrase text, span)."""
    out = []
    sent = trigger.sent
    ents: list[Span] = []  # adjacent DATE and TIME entities are one phrase: "Monday" + "evening"
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not (sent.start <= ent.start < sent.end):
            continue
        if ents and ents[-1].end == ent.start:
            ents[-1] = doc[ents[-1].start:ent.end]
        else:
            ents.append(ent)
    for ent in ents:
        root = ent.root
        if not _clause_of(root, trigger):
            continue
        start = ent.start
        if start > 0 and doc[start - 1].lower_ in _DATE_PREPS and doc[start - 1].dep_ == "prep":
            start -= 1
        span = doc[start:ent.end]
        out.append((abs(root.i - trigger.i), span.text, span))
    taken = {i for _, _, sp in out for i in range(sp.start, sp.end)}
    for t in trigger.subtree:
        if t.i in taken:
            continue
        if t.lower_ in ("overnight", "yesterday", "today", "tonight", "tomorrow") and _clause_of(t, trigger):
            out.append((abs(t.i - trigger.i), t.text, t))
        elif t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("during", "since", "throughout", "amid") \
                and t.lemma_.lower() in _PERIOD_NOUNS and _clause_of(t, trigger):
            span = doc[t.head.i:t.i + 1]
            out.append((abs(t.i - trigger.i) + 2, span.text, _Period(span)))
        elif t.dep_ in ("npadvmod", "advmod", "pobj") and _clause_of(t, trigger):
            phrase = doc[t.left_edge.i:t.i + 1].text
            if _INHERIT.match(phrase.lower()):
                out.append((abs(t.i - trigger.i), phrase, doc[t.left_edge.i:t.i + 1]))
    out.sort(key=lambda x: x[0])
    return out


def event_date(trigger: Token, doc: Doc, publication_date: dt.date | None,
               state: DateState) -> tuple[str | None, str | None]:
    """(date, precision) of the event at `trigger`, or (None, None) when the text gives none.

    The nearest date phrase of the trigger's own clause wins: a DATE/TIME entity (with its "on"/"in"/
    "since"/"during" preposition) or a temporal modifier ("yesterday", "overnight"). "that evening",
    "the same day", "the next day" inherit `state.last`; background periods ("during the war",
    "since 2020", "last year") give that period. A resolved date is stored in `state.last`.
    Past vs future comes from the verb's auxiliaries ("will", "is due to", "plans to").
    """
    past = not _is_future(trigger)
    cands = _candidates(trigger, doc)
    # none in the trigger's clause: the clause that governs it ("said on Thursday that it had
    # detained ...", "attacked X on Monday, killing ...") dates it
    head = trigger
    for _ in range(2):
        if cands or head.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or head.head == head:
            break
        head = head.head
        cands = _candidates(head, doc)
    for _, phrase, span in cands:
        low = _clean(phrase).lower()
        full = " ".join(phrase.lower().split())
        if _INHERIT.match(full) or _INHERIT.match(low):
            if state.last is None:
                if publication_date is None:
                    return phrase, "relative"
                continue
            last = state.last
            step = 1 if _DAY_AFTER.search(full) else -1 if _DAY_BEFORE.search(full) else 0
            if step and last[1] == "day":  # "the next day", "the previous evening"
                d = dt.date.fromisoformat(last[0]) + dt.timedelta(days=step)
                state.last = (d.isoformat(), "day")
                return state.last
            return last
        if isinstance(span, _Period):
            return " ".join(phrase.split()), "relative"  # "during the war": a period, not a day
        r = resolve_date_phrase(phrase, publication_date, past)
        if r is None:
            continue
        if r[1] != "relative":
            state.last = r
        return r
    background = _background_adverb(trigger)
    if background is not None:
        return background.text, "relative"  # "has previously expelled": before writing, not today
    return None, None


def _background_adverb(trigger: Token) -> Token | None:
    """An adverb that puts the undated event in the past ("previously", "once"), on the trigger or,
    for an event noun ("had previously imposed sanctions"), on the verb that governs it."""
    verbs = [trigger] if trigger.pos_ in ("VERB", "AUX") else [trigger, trigger.head]
    return next((c for v in verbs for c in v.children if c.dep_ == "advmod" and c.lower_ in _BACKGROUND_ADVERBS), None)
