"""The CAMEO and PLOVER ontologies: codes, labels, Goldstein weights, QuadClass, CAMEO→PLOVER.

The tables are data, in `tacitus/data/cameo.yaml` and `tacitus/data/plover.yaml`; this module loads
them once, validates them (a bad entry raises `OntologyError` naming the file, line and code) and
answers questions about codes:

    >>> from tacitus import ontology
    >>> ontology.cameo("173").goldstein
    -5.0
    >>> ontology.plover("173")
    ('COERCE', 'arrest', ['legal'])

Codes are strings with their leading zero ("042", not 42). Two QuadClass conventions exist:
`quad_class` (GDELT's, stored in the event record) and `penta` (Phoenix/ConfliBERT, used by the
evaluation groups); both are derived from the root, see `quad_class` and `penta`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from tacitus.model import Cameo

__all__ = [
    "PLOVER_TYPES",
    "PLOVER_MODES",
    "PLOVER_CONTEXTS",
    "OntologyError",
    "UnknownCode",
    "cameo",
    "codes",
    "is_code",
    "label",
    "goldstein",
    "root",
    "quad_class",
    "penta",
    "plover",
    "parse_cameo",
    "parse_plover",
]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# PLOVER 2.0 modes per event type. Types without modes carry only contexts. 0.8 names that 2.0
# dropped (assassinate, execute, massacre, cleansing -> targeted; ban; return; ease) are not here.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "expel", "relations", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "police", "militia", "weapons"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "arrest", "deport", "withhold", "misinformation", "cyber"),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
    ),
}  # fmt: skip

PLOVER_CONTEXTS: frozenset[str] = frozenset(
    {
        "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease",
        "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights",
        "rights_freedoms", "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity",
        "executive", "election", "legislative", "cbrn", "cyber", "political_institutions",
        "corruption", "crime", "illegal_drugs", "pro_democracy", "pro_autocracy",
        # special contexts a coder may add
        "historical", "future", "hypothetical", "negation",
    }
)  # fmt: skip

_CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")

# Derived from the root (first two digits); see the header of cameo.yaml.
_QUAD = {r: (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4) for r in range(1, 21)}
_PENTA = {
    r: (0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if (r <= 13 or r == 16) else 4) for r in range(1, 21)
}


class OntologyError(ValueError):
    """A table file is malformed; the message names the file, line and code."""


class UnknownCode(ValueError):
    """A CAMEO code that is not in the table."""

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(f"unknown CAMEO code {code!r}")


@dataclass(frozen=True)
class _Entry:
    label: str
    goldstein: float


# ---------------------------------------------------------------- loading and validation


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one)."""


def _no_duplicates(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def _entries(text: str, source: str) -> list[tuple[int, Any, Any]]:
    """(line, key, value) for each top-level entry, keys as written."""
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise OntologyError(f"{source}: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise OntologyError(f"{source}: the top level must be a mapping of CAMEO code -> entry")
    # Duplicates are refused above, so the key nodes and the dict's items line up one to one.
    lines = [key_node.start_mark.line + 1 for key_node, _ in node.value]
    out = [(line, key, value) for line, (key, value) in zip(lines, data.items())]
    return out


def _fail(source: str, line: int, code: object, msg: str) -> OntologyError:
    return OntologyError(f"{source} line {line}, code {code!r}: {msg}")


def _check_code(source: str, line: int, code: object) -> str:
    if not isinstance(code, str):
        raise _fail(source, line, code, "codes must be quoted strings with their leading zero, e.g. \"042\"")
    if not _CODE_RE.match(code):
        raise _fail(source, line, code, "not a CAMEO event code (2-4 digits, root 01-20)")
    return code


def parse_cameo(text: str, source: str = "cameo.yaml") -> dict[str, _Entry]:
    """Parse and validate a CAMEO table: {code: {label, goldstein}}."""
    table: dict[str, _Entry] = {}
    lines: dict[str, int] = {}
    for line, code, value in _entries(text, source):
        code = _check_code(source, line, code)
        if not isinstance(value, dict):
            raise _fail(source, line, code, "entry must be a mapping {label: ..., goldstein: ...}")
        unknown = set(value) - {"label", "goldstein"}
        if unknown:
            raise _fail(source, line, code, f"unknown field(s) {sorted(unknown)}")
        lbl = value.get("label")
        if not isinstance(lbl, str) or not lbl.strip():
            raise _fail(source, line, code, "label must be a non-empty string")
        gs = value.get("goldstein")
        if isinstance(gs, bool) or not isinstance(gs, (int, float)) or not -10.0 <= gs <= 10.0:
            raise _fail(source, line, code, f"goldstein must be a number from -10 to 10, not {gs!r}")
        table[code] = _Entry(lbl.strip(), float(gs))
        lines[code] = line
    for code, line in lines.items():
        parent = code[:-1] if len(code) == 4 else code[:2]
        if len(code) > 2 and parent not in table:
            raise _fail(source, line, code, f"parent {parent!r} is not in the table")
    return table


def parse_plover(
    text: str, known: set[str] | dict[str, Any] | None = None, source: str = "plover.yaml"
) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    """Parse and validate a CAMEO→PLOVER table; `known` CAMEO codes, when given, must include every key."""
    table: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {}
    for line, code, value in _entries(text, source):
        code = _check_code(source, line, code)
        if known is not None and code not in known:
            raise _fail(source, line, code, "not a code of the CAMEO table")
        if not isinstance(value, dict):
            raise _fail(source, line, code, "entry must be a mapping {type: ..., mode: ..., contexts: [...]}")
        unknown = set(value) - {"type", "mode", "contexts"}
        if unknown:
            raise _fail(source, line, code, f"unknown field(s) {sorted(unknown)}")
        typ, mode, ctx = value.get("type"), value.get("mode"), value.get("contexts", [])
        if typ is not None and typ not in PLOVER_TYPES:
            raise _fail(source, line, code, f"type {typ!r} is not a PLOVER 2.0 type ({', '.join(PLOVER_TYPES)})")
        if mode is not None:
            if typ is None:
                raise _fail(source, line, code, "a mode needs a type")
            if mode not in PLOVER_MODES[typ]:
                allowed = ", ".join(PLOVER_MODES[typ]) or "none"
                raise _fail(source, line, code, f"mode {mode!r} is not a PLOVER 2.0 mode of {typ} ({allowed})")
        if ctx is None:
            ctx = []
        if not isinstance(ctx, list) or not all(isinstance(c, str) for c in ctx):
            raise _fail(source, line, code, "contexts must be a list of names")
        bad = [c for c in ctx if c not in PLOVER_CONTEXTS]
        if bad:
            raise _fail(source, line, code, f"unknown context(s) {bad}")
        table[code] = (typ, mode, tuple(ctx))
    return table


@cache
def _cameo_table() -> dict[str, _Entry]:
    text = resources.files("tacitus").joinpath("data", "cameo.yaml").read_text(encoding="utf-8")
    return parse_cameo(text, "cameo.yaml")


@cache
def _plover_table() -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    text = resources.files("tacitus").joinpath("data", "plover.yaml").read_text(encoding="utf-8")
    return parse_plover(text, _cameo_table(), "plover.yaml")


# ---------------------------------------------------------------- the API


def _entry(code: str) -> _Entry:
    try:
        return _cameo_table()[code]
    except (KeyError, TypeError):
        raise UnknownCode(code) from None


def is_code(code: object) -> bool:
    """True if `code` is a CAMEO event code of the table (a string, leading zero kept)."""
    return isinstance(code, str) and code in _cameo_table()


def codes() -> list[str]:
    """Every CAMEO code, sorted (so each root is followed by its 3- and 4-digit codes)."""
    return sorted(_cameo_table())


def label(code: str) -> str:
    return _entry(code).label


def goldstein(code: str) -> float:
    return _entry(code).goldstein


def root(code: str) -> str:
    """The 2-digit cue category ("173" -> "17")."""
    _entry(code)
    return code[:2]


def quad_class(code: str) -> int:
    """GDELT QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-09),
    3 verbal conflict (10-14), 4 material conflict (15-20)."""
    return _QUAD[int(root(code))]


def penta(code: str) -> int:
    """Phoenix/ConfliBERT class: 0 statement (01-02), 1 verbal cooperation (03-05), 2 material
    cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20)."""
    return _PENTA[int(root(code))]


def cameo(code: str) -> Cameo:
    """The `Cameo` record of the event model for a code; `UnknownCode` if it is not in the table."""
    e = _entry(code)
    return Cameo(code=code, root=code[:2], label=e.label, goldstein=e.goldstein, quad_class=_QUAD[int(code[:2])])


def plover(code: str) -> tuple[str | None, str | None, list[str]]:
    """(PLOVER type, mode, contexts) for a CAMEO code; a code without a row of its own takes its
    parent's. Type None means PLOVER has no event for it (most CAMEO 01 statements)."""
    _entry(code)
    table = _plover_table()
    for c in (code, code[:3], code[:2]):
        if c in table:
            typ, mode, ctx = table[c]
            return typ, mode, list(ctx)
    return None, None, []
