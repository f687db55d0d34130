"""Actor dictionaries: the YAML gazetteer of countries, agents, organisations and people, and a
fast phrase matcher over it.

The data lives in ``tacitus/data/actors/*.yaml`` (schemas in each file's header). A user adds or
overrides entries with files of the same schema: ``ActorDictionary.load(extra=[Path("mine.yaml")])``.

Matching works on tokens as they appear in text (a spaCy tokenisation or :func:`tokenize`):

- case-insensitive, except that all-capital keys (``US``, ``UK``, ``FSB``, ``IT``, ``WHO``) match only
  in exactly that case, and a few capitalised keys that are also common English words
  (``Turkey``, ``Polish``, ``Chad``, ``Congress`` ... listed in ``countries.yaml``) never match an
  all-lowercase token;
- apostrophes (’ ‘ ` ´), dashes and accents are normalised (``Élysée`` = ``Elysee``);
  hyphenated words match their parts (``Guinea-Bissau`` = ``Guinea - Bissau`` = ``Guinea Bissau``);
- a leading ``the`` is optional, and a possessive ``'s`` (``Russia's`` or ``Russia 's``) is ignored.

Each phrase maps to one :class:`ActorEntry`. Indexes are plain dicts keyed by tuples of normalised
tokens, built once at load.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any, Iterable, Mapping, NoReturn, Sequence

import yaml

__all__ = ["ActorDictionary", "ActorEntry", "DictionaryError", "tokenize", "DATA_DIR", "PACKAGE_FILES", "ARTICLE_DATE",
           "ARTICLE_HOME", "ARTICLE_PEOPLES"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
# Load order matters only for error messages and `name`s: conflicting package entries are errors.
PACKAGE_FILES = ("agents.yaml", "countries.yaml", "organisations.yaml", "people.yaml")

KINDS = ("country", "demonym", "capital", "seat", "organisation", "igo", "role", "person")
_SHARED = "shared"  # the kind of a placeholder entry for a name several organisations share
_PEOPLE = "people"  # the kind of a placeholder entry for the name of a people of several states
# First blocks of transnational actor codes (CAMEO): IGOs, NGOs, international militarised groups,
# multinational corporations, unidentified/international actors.
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "INT", "UIS"})
# Word lists in agents.yaml that steer how a phrase is read (each explained there).
WORD_LISTS = ("measure_nouns", "dwelling_nouns", "diplomatic_heads", "former_words", "honorifics", "located_words",
              "describing_words", "quantity_heads", "plain_qualifiers", "adjective_homonyms", "feature_nouns",
              "national_things", "collective_nouns", "unplaced_qualifiers", "given_names",
              "side_words", "vague_titles", "local_forces", "relational_nouns", "place_nouns", "kin_nouns",
              "stance_nouns", "role_things", "own_state_offices", "given_name_forms", "name_particles", "group_nouns")

# The publication date of the article being coded, which picks a person's role at the time ("Liam
# Fox" was an opposition frontbencher in 2005 and defence secretary in 2011). A context variable, so
# that threads coding different articles with one dictionary do not see each other's dates.
ARTICLE_DATE: ContextVar[Date | None] = ContextVar("ARTICLE_DATE", default=None)
# The country the article is about, if any (coref.ArticleActors.home): it picks which organisation a
# shared name means ("BNP" in a story on British politics is the British National Party).
ARTICLE_HOME: ContextVar[str] = ContextVar("ARTICLE_HOME", default="")
# The state each people of several states (agents.yaml's `shared_peoples`) is of in the article being
# coded: {"kurdish": "SYR"} in a story on Afrin (see ActorDictionary.states_of_peoples).
ARTICLE_PEOPLES: ContextVar[dict[str, str]] = ContextVar("ARTICLE_PEOPLES", default={})

try:  # libyaml when present: same nodes and marks, much faster
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


class DictionaryError(ValueError):
    """A malformed dictionary file: names the file, the line and the problem."""

    def __init__(self, file: str, line: int, problem: str) -> None:
        self.file, self.line, self.problem = file, line, problem
        super().__init__(f"{file}:{line}: {problem}")


@dataclass(frozen=True)
class ActorEntry:
    code: str  # full CAMEO actor code: "RUS", "RUSSPY", "IGOUNO", "GOV" (role only)
    country: str  # ISO-3 / region code; for transnational actors the whole code ("IGOUNO"); "" for a bare role
    agents: tuple[str, ...]  # 3-letter agent roles in the code, e.g. ("SPY",)
    kind: str  # "country" | "demonym" | "capital" | "seat" | "organisation" | "igo" | "role" | "person"
    name: str  # canonical display name ("Russia", "Federal Security Service")
    source: str  # file it came from ("countries.yaml", "pycountry", or the path of a user file)
    # a person's dated roles: (first day, last day, the entry as of then); None bounds are open
    periods: tuple[tuple[Date | None, Date | None, "ActorEntry"], ...] = ()
    dated: bool = False  # the role a person held on the article's date (one of another entry's periods)

    def as_of(self, day: Date | None) -> "ActorEntry":
        """The entry on a day: the role whose period holds it, else the entry's own code (also when
        the day is unknown)."""
        if day is not None:
            for first, last, role in self.periods:
                if (first is None or first <= day) and (last is None or day <= last):
                    return role
        return self


# ---------------------------------------------------------------------------------------------
# Normalisation


_TRANSLATE = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-", "―": "-",
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D",
        "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th",
    }
)
_TOKEN_RE = re.compile(r"[\w.'’‘`´&-]+|[^\w\s]")


def tokenize(text: str) -> list[str]:
    """Split a name the way a news tokenizer roughly would (commas and brackets apart)."""
    return _TOKEN_RE.findall(text)


def _fold(token: str) -> str:
    """Apostrophes, dashes and accents normalised; case kept."""
    token = token.translate(_TRANSLATE)
    if not token.isascii():
        token = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))
    return token


def _pieces(token: str) -> list[str]:
    """The normalised pieces of one token: possessives dropped, split at hyphens."""
    t = _fold(token)
    if t in ("'s", "'", "'S"):
        return []
    if len(t) > 2 and t[-2:] in ("'s", "'S"):
        t = t[:-2]
    elif len(t) > 2 and t.endswith("s'"):
        t = t[:-1]
    if "-" in t:
        return [p for p in t.split("-") if p]
    return [t] if t else []


def _is_acronym(piece: str) -> bool:
    return any(c.isalpha() for c in piece) and not any(c.islower() for c in piece)


# A pattern element per key piece: None = any case; ("=", s) = exactly s; ("^", None) = not all-lowercase.
_Pattern = tuple[Any, ...]


# ---------------------------------------------------------------------------------------------
# YAML nodes with line numbers


class _File:
    """One YAML file composed to nodes, with helpers that raise DictionaryError at a node's line."""

    def __init__(self, path: Path, label: str) -> None:
        self.label = label
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DictionaryError(label, 0, f"cannot read: {exc}") from exc
        try:
            self.root = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            line = exc.problem_mark.line + 1 if exc.problem_mark else 0
            raise DictionaryError(label, line, f"invalid YAML: {exc.problem}") from exc
        if self.root is not None and not isinstance(self.root, yaml.MappingNode):
            self.fail(self.root, "the file must be a mapping of sections")

    def fail(self, node: yaml.Node, problem: str) -> NoReturn:
        raise DictionaryError(self.label, node.start_mark.line + 1, problem)

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null") and node.tag.endswith("null"):
            return []
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping")
        return node.value

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith("null"):
            self.fail(node, f"{what} must be a string")
        value = node.value.strip()
        if not value:
            self.fail(node, f"{what} is empty")
        return value

    def strings(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        if isinstance(node, yaml.ScalarNode):
            return [(self.scalar(node, what), node)]
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what} must be a list of strings")
        return [(self.scalar(n, what), n) for n in node.value]

    def fields(self, node: yaml.Node, what: str, allowed: set[str], required: set[str]) -> dict[str, yaml.Node]:
        out: dict[str, yaml.Node] = {}
        for k, v in self.mapping(node, what):
            key = self.scalar(k, "field name")
            if key not in allowed:
                self.fail(k, f"unknown field {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")
            out[key] = v
        for key in sorted(required - out.keys()):
            self.fail(node, f"missing field {key!r} in {what}")
        return out


# ---------------------------------------------------------------------------------------------


def _bound(f: _File, node: yaml.Node, last: bool) -> Date:
    """ "2010", "2010-05" or "2010-05-12" as a day: the first day of the year or month it names, or
    its last day for an `until`."""
    text = f.scalar(node, "date")
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if match is None:
        f.fail(node, f"bad date {text!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match[1])
    month = int(match[2] or (12 if last else 1))
    try:
        day = int(match[3] or (calendar.monthrange(year, month)[1] if last else 1))
        return Date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        f.fail(node, f"bad date {text!r} (no such day)")


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    low = last.lower()
    if low.endswith("man"):
        p = last[:-3] + "men"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        p = last[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        p = last + "es"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p


class ActorDictionary:
    """Phrase → :class:`ActorEntry`, from the package YAML plus user files."""

    max_words: int

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], list[tuple[_Pattern, ActorEntry, bool]]] = {}
        self._where: dict[tuple[tuple[str, ...], _Pattern], tuple[str, int, str]] = {}
        self._countries: dict[str, ActorEntry] = {}
        self._country_codes: set[str] = set()
        self._regions: set[str] = set()
        self._agents: dict[str, str] = {}
        self._tags: dict[str, str] = {}
        self._blocked: set[str] = set()
        self.words: dict[str, frozenset[str]] = {k: frozenset() for k in WORD_LISTS}  # agents.yaml's word lists
        self._not_codes: set[str] = set()  # ISO alpha-2 codes that text uses as abbreviations ("AG", "MP", "AI")
        self._display: dict[str, str] = {}  # country code → display name from the YAML
        self._shared: dict[tuple[tuple[str, ...], _Pattern], list[ActorEntry]] = {}  # shared name → its organisations
        self.shared_peoples: dict[str, tuple[str, ...]] = {}  # "kurdish" → the states its people live in
        self.max_words = 1
        self.files: list[str] = []

    # ---- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> "ActorDictionary":
        """The package dictionaries, then each `extra` file in order (which add or override entries)."""
        self = cls()
        files = [(DATA_DIR / name, name, False) for name in PACKAGE_FILES]
        files += [(Path(p), str(p), True) for p in extra]
        parsed = [(_File(path, label), override) for path, label, override in files]
        # Vocabularies first (agents, tags, countries, regions) from every file, so codes anywhere
        # can be validated against the full set.
        for f, _ in parsed:
            self._read_vocabulary(f)
        self._add_pycountry()
        for f, override in parsed:
            self._read_entries(f, override)
            self.files.append(f.label)
        return self

    @staticmethod
    def _read_codes(f: _File, node: yaml.Node, what: str, into: dict[str, str]) -> None:
        """A mapping of three-letter codes to descriptions (the `agents:` and `tags:` sections)."""
        for ck, cv in f.mapping(node, what):
            code = f.scalar(ck, what)
            if not re.fullmatch(r"[A-Z]{3}", code):
                f.fail(ck, f"{what} {code!r} must be three capital letters")
            into[code] = f.scalar(cv, f"description of {code}")

    def _read_vocabulary(self, f: _File) -> None:
        if f.root is None:
            return
        for k, v in f.root.value:
            section = f.scalar(k, "section name")
            if section == "agents":
                self._read_codes(f, v, "agent code", self._agents)
            elif section == "tags":
                self._read_codes(f, v, "tag", self._tags)
            elif section == "ambiguous_lowercase":
                self._blocked.update(s.lower() for s, _ in f.strings(v, "ambiguous_lowercase"))
            elif section == "not_country_codes":
                self._not_codes.update(s for s, _ in f.strings(v, "not_country_codes"))
            elif section in WORD_LISTS:
                self.words[section] = self.words[section] | {s.lower() for s, _ in f.strings(v, section)}
            elif section == "shared_peoples":
                self._read_shared_peoples(f, v)
            elif section in ("countries", "regions"):
                import pycountry  # noqa: PLC0415  (imported lazily: only when countries are loaded)

                known = {c.alpha_3 for c in pycountry.countries}
                for ck, cv in f.mapping(v, section):
                    code = f.scalar(ck, "country code")
                    if not re.fullmatch(r"[A-Z]{3}", code):
                        f.fail(ck, f"bad country code {code!r}: must be three capital letters (ISO-3 or CAMEO)")
                    if section == "regions":
                        self._regions.add(code)
                        continue
                    fields = {f.scalar(a, "field"): b for a, b in f.mapping(cv, f"country {code}")}
                    if code not in known and "name" not in fields:
                        f.fail(ck, f"bad country code {code!r}: not an ISO-3 code (give a `name` to add a territory)")
                    if "name" in fields:
                        self._display[code] = f.scalar(fields["name"], "name")
                    elif "names" in fields and code not in self._display:
                        self._display[code] = f.strings(fields["names"], "names")[0][0]
                    self._country_codes.add(code)

    def _read_shared_peoples(self, f: _File, node: yaml.Node) -> None:
        import pycountry  # noqa: PLC0415

        known = {c.alpha_3 for c in pycountry.countries}
        for wk, wv in f.mapping(node, "shared_peoples"):
            word = f.scalar(wk, "people word").lower()
            codes = tuple(code for code, _ in f.strings(wv, f"states of {word!r}"))
            for code in codes:
                if code not in known:
                    f.fail(wv, f"shared_peoples {word!r}: {code!r} is not an ISO-3 country code")
            self.shared_peoples[word] = codes
            self._put(self._key(word), ActorEntry("", "", (), _PEOPLE, word, f.label), (f.label, wk.start_mark.line + 1, ""), base=True)

    def states_of_peoples(self, place_counts: Mapping[str, int]) -> dict[str, str]:
        """For each people of several states, the one of them the article's places name most, if
        one leads ("Kurdish forces" in a story on Afrin and Manbij are Syria's)."""
        chosen: dict[str, str] = {}
        for word, states in self.shared_peoples.items():
            ranked = sorted(((place_counts.get(c, 0), c) for c in states), reverse=True)
            if ranked and ranked[0][0] > 0 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
                chosen[word] = ranked[0][1]
        return chosen

    # Fields of each section's entries
    _COUNTRY_FIELDS = {"name", "names", "demonyms", "capitals", "shared", "aliases", "note"}
    _ORG_FIELDS = {"code", "name", "names", "note", "shared"}
    _PERSON_FIELDS = {"code", "name", "names", "note", "roles"}
    _PERIOD_FIELDS = {"code", "from", "until", "note"}

    def _read_entries(self, f: _File, override: bool) -> None:
        if f.root is None:
            return
        for k, v in f.root.value:
            section = f.scalar(k, "section name")
            if section in ("agents", "tags", "ambiguous_lowercase", "not_country_codes", "shared_peoples") or section in WORD_LISTS:
                continue
            if section == "roles":
                self._read_roles(f, v, override)
            elif section in ("countries", "regions"):
                self._read_countries(f, v, override, region=section == "regions")
            elif section == "seats":
                for ck, cv in f.mapping(v, "seats"):
                    code = self._check_code(f, ck)
                    for name, node in f.strings(cv, f"names of seat {code}"):
                        self._add(name, self._entry(code, "seat", name, f.label), f, node, override)
            elif section in ("organisations", "igos", "people"):
                kind = {"organisations": "organisation", "igos": "igo", "people": "person"}[section]
                if not isinstance(v, yaml.SequenceNode):
                    f.fail(v, f"{section} must be a list of entries")
                for item in v.value:
                    fl = f.fields(item, f"{kind} entry", self._PERSON_FIELDS if kind == "person" else self._ORG_FIELDS, {"code", "name"})
                    code = self._check_code(f, fl["code"])
                    if kind == "igo" and not code.startswith("IGO"):
                        f.fail(fl["code"], f"IGO code {code!r} must start with IGO")
                    name = f.scalar(fl["name"], "name")
                    entry = self._entry(code, kind, name, f.label)
                    if "roles" in fl:
                        entry = replace(entry, periods=self._read_periods(f, fl["roles"], kind, name))
                    self._add(name, entry, f, fl["name"], override)
                    for alias, node in f.strings(fl["names"], "names") if "names" in fl else []:
                        self._add(alias, entry, f, node, override)
                    for alias, node in f.strings(fl["shared"], "shared") if "shared" in fl else []:
                        self._add_shared(alias, entry, f, node, override)
            else:
                f.fail(k, f"unknown section {section!r}")
        self.max_words = max((len(key) for key in self._index), default=1)
        # Every beginning of a key: a phrase that is not one cannot grow into a match, so
        # longest_match stops at once on the ordinary words that make up most of a text.
        self._prefixes = {key[:i] for key in self._index for i in range(1, len(key) + 1)}

    def _read_periods(self, f: _File, node: yaml.Node, kind: str, name: str) -> tuple[tuple[Date | None, Date | None, ActorEntry], ...]:
        """A person's `roles:` list: {code, from, until} with YYYY, YYYY-MM or YYYY-MM-DD bounds."""
        if not isinstance(node, yaml.SequenceNode):
            f.fail(node, f"roles of {name} must be a list of {{code, from, until}}")
        periods = []
        for item in node.value:
            fl = f.fields(item, f"role of {name}", self._PERIOD_FIELDS, {"code"})
            first = _bound(f, fl["from"], last=False) if "from" in fl else None
            last = _bound(f, fl["until"], last=True) if "until" in fl else None
            if first and last and last < first:
                f.fail(item, f"role of {name} ends before it begins")
            periods.append((first, last, replace(self._entry(self._check_code(f, fl["code"]), kind, name, f.label), dated=True)))
        return tuple(periods)

    def _read_roles(self, f: _File, v: yaml.Node, override: bool) -> None:
        for ck, cv in f.mapping(v, "roles"):
            code = f.scalar(ck, "role code")
            if len(code) % 3 or not all(code[i : i + 3] in self._agents for i in range(0, len(code), 3)):
                f.fail(ck, f"unknown agent code in role {code!r} (declare agent codes under `agents:`)")
            words = f.strings(cv, f"words of role {code}")
            for word, node in words:
                explicit_plural = word.endswith("!")  # "police!" = no generated plural
                word = word.rstrip("!").strip()
                entry = self._entry(code, "role", word, f.label)
                self._add(word, entry, f, node, override)
                if not explicit_plural:
                    self._add(_plural(word), entry, f, node, override, generated=True)

    def _read_countries(self, f: _File, v: yaml.Node, override: bool, region: bool) -> None:
        for ck, cv in f.mapping(v, "regions" if region else "countries"):
            code = f.scalar(ck, "country code")
            fl = f.fields(cv, f"{'region' if region else 'country'} {code}", self._COUNTRY_FIELDS, {"name"} if region else set())
            base = self._countries.get(code)
            name = f.scalar(fl["name"], "name") if "name" in fl else (base.name if base else code)
            centry = ActorEntry(code, code, (), "country", name, f.label if "name" in fl or not base else base.source)
            if not region:
                if base is None or "name" in fl:
                    self._countries[code] = centry
                else:
                    centry = base
                for alias, node in f.strings(fl["aliases"], "aliases") if "aliases" in fl else []:
                    if not re.fullmatch(r"[A-Z]{3}", alias):
                        f.fail(node, f"bad alias code {alias!r}")
                    self._countries[alias] = centry
            if "name" in fl:
                self._add(name, centry, f, fl["name"], override)
            for alias, node in f.strings(fl["names"], "names") if "names" in fl else []:
                self._add(alias, centry, f, node, override)
            groups = (("demonyms", "demonym"), ("capitals", "capital"))
            for field, kind in groups:
                if field not in fl:
                    continue
                entry = ActorEntry(code, code, (), kind, name, f.label)
                for word, node in f.strings(fl[field], field):
                    self._add(word, entry, f, node, override)
            if "shared" in fl:
                f.strings(fl["shared"], "shared")  # validated, documented, deliberately not indexed

    def _add_pycountry(self) -> None:
        import pycountry  # noqa: PLC0415

        seen: dict[tuple[tuple[str, ...], _Pattern], str] = {}
        ambiguous: set[tuple[tuple[str, ...], _Pattern]] = set()
        pending: list[tuple[str, ActorEntry]] = []
        for c in pycountry.countries:
            display = self._display.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
            entry = ActorEntry(c.alpha_3, c.alpha_3, (), "country", display, "pycountry")
            self._countries.setdefault(c.alpha_3, entry)
            self._country_codes.add(c.alpha_3)
            names = {c.name, display, c.alpha_3} | ({c.alpha_2} - self._not_codes)
            if getattr(c, "official_name", None):
                names.add(c.official_name)
            for n in list(names):
                names.update(_name_variants(n))
            for n in names:
                pending.append((n, entry))
        for n, entry in pending:
            key = self._key(n)
            if key in seen and seen[key] != entry.code:
                ambiguous.add(key)
            seen[key] = entry.code
        for n, entry in pending:
            key = self._key(n)
            if key not in ambiguous and key[0]:
                self._put(key, entry, ("pycountry", 0, n), base=True)

    # ---- indexing ------------------------------------------------------------------------

    def _check_code(self, f: _File, node: yaml.Node) -> str:
        code = f.scalar(node, "code")
        if not re.fullmatch(r"(?:[A-Z]{3})+", code):
            f.fail(node, f"bad actor code {code!r}: must be blocks of three capital letters")
        blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
        first = blocks[0]
        if not (first in self._country_codes or first in self._regions or first in TRANSNATIONAL or first in self._agents):
            f.fail(node, f"bad country code {first!r} in {code!r}: not a known country, region, IGO/NGO/IMG/MNC or agent code")
        for b in blocks[1:]:
            if not (b in self._agents or b in self._tags or b in self._country_codes or b in self._regions or b in TRANSNATIONAL):
                f.fail(node, f"unknown agent code {b!r} in {code!r} (declare it under `agents:` or `tags:`)")
        return code

    def _entry(self, code: str, kind: str, name: str, source: str) -> ActorEntry:
        blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
        if blocks[0] in self._agents and blocks[0] not in TRANSNATIONAL and blocks[0] not in self._country_codes:
            country = ""
            agents = tuple(b for b in blocks if b in self._agents)
        elif blocks[0] in TRANSNATIONAL:
            country = code
            agents = tuple(b for b in blocks[1:] if b in self._agents and b not in TRANSNATIONAL)
        else:
            country = blocks[0]
            agents = tuple(b for b in blocks[1:] if b in self._agents)
        return ActorEntry(code, country, agents, kind, name, source)

    def _key(self, phrase: str) -> tuple[tuple[str, ...], _Pattern]:
        pieces: list[str] = []
        for tok in tokenize(phrase):
            pieces.extend(_pieces(tok))
        if len(pieces) > 1 and pieces[0].lower() == "the":
            pieces = pieces[1:]
        pattern: list[Any] = []
        for p in pieces:
            if _is_acronym(p) and any(c.isalpha() for c in p) and len(p) > 1:
                pattern.append(("=", p))
            elif p[:1].isupper() and p.lower() in self._blocked:
                pattern.append(("^", None))
            else:
                pattern.append(None)
        return tuple(p.lower() for p in pieces), tuple(pattern)

    def _add(self, phrase: str, entry: ActorEntry, f: _File, node: yaml.Node, override: bool,
             generated: bool = False) -> None:
        key = self._key(phrase)
        if not key[0]:
            f.fail(node, f"empty phrase {phrase!r}")
        line = node.start_mark.line + 1
        prev = self._where.get(key)
        if prev is not None and not override and prev[0] != "pycountry":
            cands = self._index.get(key[0], [])
            old = next((e for p, e, _ in cands if p == key[1]), None)
            if old is not None and old.code != entry.code:
                if generated:
                    return  # a generated plural never overrides a listed phrase
                old_generated = prev[2] == "generated"
                if not old_generated:
                    f.fail(node, f"{phrase!r} is already {old.code or 'a shared name'} ({prev[0]}:{prev[1]}); "
                                 "remove one, list it as `shared` in both, or override it from a user file")
            elif old is not None:
                return  # same code: keep the first (country before capital of the same name, etc.)
        self._put(key, entry, (f.label, line, "generated" if generated else ""), base=False)

    def _add_shared(self, phrase: str, entry: ActorEntry, f: _File, node: yaml.Node, override: bool) -> None:
        """A name several organisations share ("BNP"): indexed once as a placeholder that
        `_get` resolves by the article's home country."""
        key = self._key(phrase)
        self._shared.setdefault(key, []).append(entry)
        self._add(phrase, ActorEntry("", "", (), _SHARED, phrase, f.label), f, node, override)

    def _put(self, key: tuple[tuple[str, ...], _Pattern], entry: ActorEntry, where: tuple[str, int, str], base: bool) -> None:
        words, pattern = key
        cands = self._index.setdefault(words, [])
        for i, (p, _, _) in enumerate(cands):
            if p == pattern:
                cands[i] = (pattern, entry, base)
                break
        else:
            cands.append((pattern, entry, base))
            # exact-case patterns are tried first
            cands.sort(key=lambda c: 0 if any(x is not None for x in c[0]) else 1)
        self._where[key] = where

    # ---- matching ------------------------------------------------------------------------

    def _get(self, pieces: Sequence[str]) -> ActorEntry | None:
        cands = self._index.get(tuple(p.lower() for p in pieces))
        if not cands:
            return None
        for pattern, entry, _ in cands:
            for piece, rule in zip(pieces, pattern):
                if rule is None:
                    continue
                if rule[0] == "=":
                    if piece != rule[1]:
                        break
                elif piece.islower():
                    break
            else:
                if entry.kind == _PEOPLE:  # "Kurdish": of the state the article places it in, if any
                    state = ARTICLE_PEOPLES.get().get(entry.name)
                    return replace(self._countries[state], kind="demonym") if state in self._countries else None
                if entry.kind == _SHARED:  # whichever sharer is of the country the article is about
                    home = ARTICLE_HOME.get()
                    sharers = self._shared[(tuple(p.lower() for p in pieces), pattern)]
                    return next((e for e in sharers if e.country == home), None) if home else None
                return entry.as_of(ARTICLE_DATE.get()) if entry.periods else entry
        return None

    def lookup(self, words: Sequence[str]) -> ActorEntry | None:
        """The entry for exactly this phrase (tokens as in the text), or None."""
        pieces: list[str] = []
        for w in words:
            pieces.extend(_pieces(w))
        if len(pieces) > 1 and pieces[0].lower() == "the":
            pieces = pieces[1:]
        if not pieces or len(pieces) > self.max_words:
            return None
        return self._get(pieces)

    def longest_match(self, words: Sequence[str], start: int) -> tuple[int, ActorEntry] | None:
        """The longest phrase starting at ``words[start]``: ``(end_exclusive, entry)``, or None.

        A leading "the" is included in the span when the phrase after it matches; a trailing
        possessive "'s" token is not.
        """
        n = len(words)
        if start < 0 or start >= n:
            return None
        j = start
        if _fold(words[start]).lower() == "the":
            j += 1
        pieces: list[str] = []
        best: tuple[int, ActorEntry] | None = None
        while j < n:
            ps = _pieces(words[j])
            if not ps:
                if not pieces:
                    return None
                j += 1
                continue
            pieces.extend(ps)
            if len(pieces) > self.max_words or tuple(p.lower() for p in pieces) not in self._prefixes:
                break
            entry = self._get(pieces)
            if entry is not None:
                best = (j + 1, entry)
            j += 1
        return best

    def country(self, code: str) -> ActorEntry | None:
        """The country entry for an ISO-3 (or CAMEO territory) code."""
        return self._countries.get(code)

    def is_country_code(self, code: str) -> bool:
        return code in self._countries

    def is_region_code(self, code: str) -> bool:
        return code in self._regions

    def entries(self) -> Iterable[tuple[tuple[str, ...], ActorEntry]]:
        """Every (normalised phrase, entry) pair, for listings and tests."""
        for words, cands in self._index.items():
            for pattern, entry, _ in cands:
                if entry.kind == _SHARED:
                    yield from ((words, e) for e in self._shared[(words, pattern)])
                else:
                    yield words, entry

    def __len__(self) -> int:
        return sum(len(c) for c in self._index.values())


def _name_variants(name: str) -> set[str]:
    """pycountry's "Korea, Republic of" → "Republic of Korea"; "Holy See (Vatican City State)" → both."""
    out: set[str] = set()
    m = re.fullmatch(r"(.*?)\s*\((.*)\)\s*(.*)", name)
    if m:
        outer = f"{m.group(1)} {m.group(3)}".strip()
        out.add(outer)
        if not m.group(3) and m.group(2)[:1].isupper() and "part" not in m.group(2):
            out.add(m.group(2))
    if ", " in name:
        head, _, tail = name.partition(", ")
        low = tail.lower()
        if low.endswith((" of", " of the")):
            out.add(f"{tail} {head}")
        elif " " not in tail:
            out.add(f"{tail} {head}")
    return out
