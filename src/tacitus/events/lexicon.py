"""The predicate lexicon (data/predicates.yaml): loading, validation, user extensions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tacitus import ontology

_SENSE_KEYS = {"code", "object", "phrase", "particle", "xcomp", "target", "also", "object_actor", "object_place", "swap", "clause", "plover",
               "subject", "target_roles", "reverse", "named_target"}
_LIST_KEYS = ("light_verbs", "reporting_verbs", "allegation_verbs", "transparent_verbs", "mutual_predicates", "appeal_verbs",
              "answered_nouns", "attack_nouns", "one_actor_codes", "irrealis_words", "purpose_verbs", "demand_nouns",
              "weapon_words", "hearsay_verbs", "recipient_light_verbs", "population_measures",
              "grounds_verbs", "state_acts", "wished_states", "prospective_adjectives", "bomb_carriers",
              "announced_intentions", "enabling_verbs", "states_of_mind", "backing_verbs", "means_nouns",
              "attempt_verbs", "conveying_verbs", "channels", "enabling_purposes",
              "hostile_purposes", "objection_nouns", "preparing_verbs", "hedges", "capacity_verbs", "harm_nouns",
              "deciding_verbs", "doing_verbs")


# The code of a sense that is no event: an idiom that would otherwise match a later, looser sense
# ("killed off a challenge", "marched away", "seized on the reports").
NO_EVENT = "none"


class LexiconError(ValueError):
    """A malformed lexicon entry; the message names the file, line and entry."""


@dataclass(frozen=True)
class Sense:
    lemma: str
    code: str
    rule: str
    object: frozenset[str] = frozenset()
    phrase: tuple[str, ...] = ()
    particle: str = ""
    xcomp: frozenset[str] = frozenset()
    target: str = "object"  # object | prep:a,b | xcomp | poss | clause | none
    also: tuple[str, ...] = ()  # fallback prepositions for the target
    object_actor: bool = False  # the object must itself be an actor
    object_place: bool = False  # the object must be a named place ("captured Aleppo")
    named_target: bool = False  # the target is only what the sense's own slot names, never guessed
    swap: bool = False  # the subject is the recipient: "received weapons from X"
    clause: str = ""  # the verb must have a clausal complement: "any" ("denied attacking") or "that" ("showed that")
    plover: tuple[str, str | None] | None = None  # (type, mode) where CAMEO→PLOVER is too coarse
    subject: frozenset[str] = frozenset()  # agent roles the source must have ("troops withdrew")
    target_roles: frozenset[str] = frozenset()  # agent roles the target must have ("allowed the opposition to rally")
    reverse: str = ""  # the code of the same act seen from the target: hosting (043) is being visited (042)

    @property
    def target_preps(self) -> tuple[str, ...]:
        return tuple(self.target[5:].split(",")) if self.target.startswith("prep:") else ()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, Sense]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    allegation_verbs: frozenset[str]
    transparent_verbs: frozenset[str]
    appeal_verbs: frozenset[str]
    answered_nouns: frozenset[str]
    attack_nouns: frozenset[str]
    mutual_predicates: frozenset[str]
    one_actor_codes: frozenset[str]
    irrealis_words: frozenset[str]
    purpose_verbs: frozenset[str]
    demand_nouns: frozenset[str]
    weapon_words: frozenset[str]
    hearsay_verbs: frozenset[str]
    recipient_light_verbs: frozenset[str]
    population_measures: frozenset[str]
    grounds_verbs: frozenset[str]
    state_acts: frozenset[str]
    wished_states: frozenset[str]
    prospective_adjectives: frozenset[str]
    bomb_carriers: frozenset[str]
    announced_intentions: frozenset[str]
    deciding_verbs: frozenset[str]
    doing_verbs: frozenset[str]
    enabling_verbs: frozenset[str]
    states_of_mind: frozenset[str]
    backing_verbs: frozenset[str]
    means_nouns: frozenset[str]
    attempt_verbs: frozenset[str]
    conveying_verbs: frozenset[str]
    channels: frozenset[str]
    enabling_purposes: frozenset[str]
    hostile_purposes: frozenset[str]
    objection_nouns: frozenset[str]
    preparing_verbs: frozenset[str]
    hedges: frozenset[str]
    capacity_verbs: frozenset[str]
    harm_nouns: frozenset[str]
    intent_adjectives: frozenset[str]
    intent_verbs: frozenset[str]
    intent_nouns: frozenset[str]
    intent_of_root: dict[str, str] = field(default_factory=dict)
    intent_of_code: dict[str, str] = field(default_factory=dict)
    negation_of_root: dict[str, str] = field(default_factory=dict)
    bombing_codes: dict[str, str] = field(default_factory=dict)  # weapon word → CAMEO 183x

    def is_mutual(self, sense: Sense) -> bool:
        """Is the act done together ("met", "renewed negotiations")? Then its subjects act on each other."""
        # talks renewed or cooperation deepened are joint; talks brokered (045) or hosted are not
        joint = sense.code[:3] in ("040", "044", "046") or sense.code[:2] in ("05", "06")
        joint_object = joint and bool(sense.object & self.mutual_predicates)
        # "held a call" is joint; "repeated calls for X to apologise" (an appeal, 020) is not
        joint_lemma = sense.lemma in self.mutual_predicates and sense.code[:2] in ("03", "04", "05", "06", "08", "19")
        return joint_lemma or joint_object

    def bombing_code(self, weapon: str) -> str | None:
        """The bombing (CAMEO 183x) an attack named only by its weapon was: "a suicide attack" 1831,
        "a car bomb" 1832, "a roadside bomb" 1833, "a bomb" 183; the most specific word wins."""
        codes = [self.bombing_codes[w] for w in re.findall(r"[a-z-]+", weapon.lower()) if w in self.bombing_codes]
        return max(codes, key=len) if codes else None

    def one_actor(self, code: str) -> bool:
        """May an act of this CAMEO code stand without a target ("rebels surrendered")?"""
        return code in self.one_actor_codes or code[:3] in self.one_actor_codes or code[:2] in self.one_actor_codes

    def refusal_code(self, code: str) -> str | None:
        """What a negated act of cooperation becomes ("would not provide support" → 121), if anything."""
        return self.negation_of_root.get(code[:2])

    def intent_code(self, code: str) -> str:
        """CAMEO's code for an announced intention to do `code` (03x) or a threat to (13x)."""
        return self.intent_of_code.get(code) or self.intent_of_root.get(code[:2], code)


class _LineLoader(yaml.SafeLoader):
    """Records each mapping's line so errors can point at it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise LexiconError(f"line {key_node.start_mark.line + 1}: {key!r} is defined twice (first on line {seen[key]})")
        seen[key] = key_node.start_mark.line + 1
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(w.strip().lower() for w in value.split(",") if w.strip())
    return tuple(str(v).lower() for v in value)


def _particle(value: Any) -> str:
    # YAML 1.1 reads a bare `on` / `off` as a boolean.
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value).lower()


def _reverse_code(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not ontology.is_code(str(value)):
        raise LexiconError(f"{where}: reverse {value!r} is not a CAMEO code")
    return str(value)


def _plover_override(value: Any, where: str) -> tuple[str, str | None] | None:
    """ "ACCUSE/allege" → ("ACCUSE", "allege"): the PLOVER type (and mode) this sense gives."""
    if value is None:
        return None
    kind, _, mode = str(value).partition("/")
    if kind not in ontology.PLOVER_TYPES:
        raise LexiconError(f"{where}: {kind!r} is not a PLOVER type")
    return kind, mode or None


def _clause_kind(value: Any, where: str) -> str:
    if value is True:
        return "any"
    if value in (False, None):
        return ""
    if value == "that":
        return "that"
    raise LexiconError(f"{where}: clause must be true or \"that\", not {value!r}")


def _sense(lemma: str, raw: Any, index: int, origin: str, line: int) -> Sense:
    where = f"{origin} line {line}, entry {lemma!r}"
    if isinstance(raw, str):
        raw = {"code": raw}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: a sense must be a code or a mapping, not {raw!r}")
    line = raw.get("__line__", line)
    unknown = set(raw) - _SENSE_KEYS - {"__line__"}
    if unknown:
        raise LexiconError(f"{origin} line {line}, entry {lemma!r}: unknown key(s) {sorted(unknown)}")
    code = str(raw.get("code", ""))
    if code != NO_EVENT and not ontology.is_code(code):
        raise LexiconError(f"{origin} line {line}, entry {lemma!r}: {code!r} is not a CAMEO code")
    target = str(raw.get("target", "object"))
    if target not in ("object", "xcomp", "poss", "none", "clause") and not target.startswith("prep:"):
        raise LexiconError(f"{origin} line {line}, entry {lemma!r}: bad target {target!r}")
    also = raw.get("also", "")
    return Sense(
        lemma=lemma,
        code=code,
        rule=f"{lemma.replace(' ', '_')}.{code}.{index}",
        object=frozenset(_words(raw.get("object"))),
        phrase=_words(raw.get("phrase")),
        particle=_particle(raw.get("particle", "")),
        xcomp=frozenset(_words(raw.get("xcomp"))),
        target=target,
        also=tuple(str(also)[5:].split(",")) if str(also).startswith("prep:") else (),
        object_actor=bool(raw.get("object_actor", False)),
        object_place=bool(raw.get("object_place", False)),
        named_target=bool(raw.get("named_target", False)),
        swap=bool(raw.get("swap", False)),
        clause=_clause_kind(raw.get("clause", False), where),
        subject=frozenset(str(r).upper() for r in _words(raw.get("subject"))),
        target_roles=frozenset(str(r).upper() for r in _words(raw.get("target_roles"))),
        reverse=_reverse_code(raw.get("reverse"), f"{origin} line {line}, entry {lemma!r}"),
        plover=_plover_override(raw.get("plover"), f"{origin} line {line}, entry {lemma!r}"),
    )


def _senses(lemma: str, raw: Any, origin: str, line: int) -> tuple[Sense, ...]:
    items = raw if isinstance(raw, list) else [raw]
    return tuple(_sense(lemma, item, i, origin, line) for i, item in enumerate(items))


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        data = yaml.load(text, Loader=_LineLoader) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"{origin}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{origin}: the top level must be a mapping")
    return data


def _merge(base: dict[str, Any], data: dict[str, Any], origin: str) -> None:
    top_line = data.get("__line__", 1)
    for lemma, raw in (data.get("verbs") or {}).items():
        if lemma == "__line__":
            continue
        line = raw.get("__line__", top_line) if isinstance(raw, dict) else top_line
        base["verbs"][str(lemma).lower()] = _senses(str(lemma).lower(), raw, origin, line)
    for noun, raw in (data.get("nouns") or {}).items():
        if noun == "__line__":
            continue
        line = raw.get("__line__", top_line) if isinstance(raw, dict) else top_line
        base["nouns"][str(noun).lower()] = _sense(str(noun).lower(), raw, 0, origin, line)
    for key in _LIST_KEYS:
        base[key] |= set(_words(data.get(key)))
    frames = data.get("intent_frames") or {}
    base["intent_adjectives"] |= set(_words(frames.get("adjectives")))
    base["intent_verbs"] |= set(_words(frames.get("verbs")))
    base["intent_nouns"] |= set(_words(frames.get("nouns")))
    for key in ("intent_of_root", "intent_of_code", "negation_of_root"):
        for src, dst in (frames.get(key) or {}).items():
            if src == "__line__":
                continue
            if not ontology.is_code(str(dst)):
                raise LexiconError(f"{origin}: intent_frames.{key}: {dst!r} is not a CAMEO code")
            base[key][str(src)] = str(dst)
    for word, code in (data.get("bombing_codes") or {}).items():
        if word == "__line__":
            continue
        if not ontology.is_code(str(code)):
            raise LexiconError(f"{origin}: bombing_codes.{word}: {code!r} is not a CAMEO code")
        base["bombing_codes"][str(word).lower()] = str(code)


@cache
def _package_text() -> str:
    return resources.files("tacitus").joinpath("data/predicates.yaml").read_text(encoding="utf-8")


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    base: dict[str, Any] = {
        "verbs": {}, "nouns": {}, "intent_adjectives": set(), "intent_verbs": set(), "intent_nouns": set(),
        "intent_of_root": {}, "intent_of_code": {}, "negation_of_root": {}, "bombing_codes": {},
        **{k: set() for k in _LIST_KEYS},
    }
    _merge(base, _parse(_package_text(), "predicates.yaml"), "predicates.yaml")
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read lexicon ({exc.strerror})") from exc
        _merge(base, _parse(text, str(path)), str(path))
    return Lexicon(
        verbs=base["verbs"],
        nouns=base["nouns"],
        **{key: frozenset(base[key]) for key in _LIST_KEYS},  # every word list of the schema, frozen
        intent_adjectives=frozenset(base["intent_adjectives"]),
        intent_verbs=frozenset(base["intent_verbs"]),
        intent_nouns=frozenset(base["intent_nouns"]),
        intent_of_root=base["intent_of_root"],
        intent_of_code=base["intent_of_code"],
        negation_of_root=base["negation_of_root"],
        bombing_codes=base["bombing_codes"],
    )
