"""Scoring a suite (DESIGN.md "Suites"): precision, recall and F1 at event, dyad-root and root
level, PLOVER levels (source-target-type, its countries only, type), ConfliBERT group accuracy, and
event locations.

Actor codes are compared after normalisation: upper-case letters only ("---LEG" → "LEG",
"SRBCVLalb" → "SRBCVL"), since the unknown-country dashes and lower-case ethnic tags of the
gold files are notations, not codes. An actor's country is its first three letters when they are
not an agent role ("IGOUNO" → "IGO", "LEG" → "").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.model import Event

AGENT_ROLES = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "OPP", "REB", "BUS", "MED", "NGO", "CVL", "REF", "REL",
               "EDU", "LAB", "HLH", "ELI", "CRM", "PTY", "AGR", "DEV", "HRI", "ENV", "MOD", "RAD", "UAF", "INS",
               "SEP", "PPL", "IMG", "MNC", "NGM", "TOP", "MID", "LLY", "MUS", "CHR", "JEW", "BUD", "HIN", "SPI"}


def normalise_code(code: str | None) -> str:
    return re.sub(r"[^A-Z]", "", code or "")


def country_of(code: str | None) -> str:
    code = normalise_code(code)
    head = code[:3]
    return "" if len(head) < 3 or head in AGENT_ROLES else head


def penta_group(code: str) -> int:
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Counter, gold: Counter) -> None:
        hit = sum((predicted & gold).values())
        self.tp += hit
        self.fp += sum(predicted.values()) - hit
        self.fn += sum(gold.values()) - hit

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    levels: dict[str, Tally] = field(default_factory=dict)
    groups: list[tuple[int, int]] = field(default_factory=list)  # (gold, predicted)
    locations: dict[str, Any] | None = None
    n: int = 0
    errors: list[str] = field(default_factory=list)

    def tally(self, level: str) -> Tally:
        return self.levels.setdefault(level, Tally())

    def group_scores(self) -> tuple[float, float]:
        if not self.groups:
            return 0.0, 0.0
        acc = sum(1 for g, p in self.groups if g == p) / len(self.groups)
        f1s = []
        for cls in range(5):
            t = Tally()
            t.add(Counter(p for g, p in self.groups if p == cls), Counter(g for g, p in self.groups if g == cls))
            t.tp = sum(1 for g, p in self.groups if g == cls and p == cls)
            t.fp = sum(1 for g, p in self.groups if g != cls and p == cls)
            t.fn = sum(1 for g, p in self.groups if g == cls and p != cls)
            if t.tp + t.fn:
                f1s.append(t.f1)
        return acc, sum(f1s) / len(f1s) if f1s else 0.0

    def machine_line(self) -> str:
        parts = []
        for level in ("event", "dyad_root", "root", "plover_event", "plover_dyad", "plover_type"):
            if level in self.levels:
                parts.append(f"{level}_f1={self.levels[level].f1:.3f}")
        if "event" in self.levels:
            parts.append(f"event_p={self.levels['event'].precision:.3f} event_r={self.levels['event'].recall:.3f}")
        if self.groups:
            acc, macro = self.group_scores()
            parts.append(f"group_acc={acc:.3f} group_macro_f1={macro:.3f}")
        if self.locations:
            parts.append(f"loc_exact={self.locations['loc_exact']:.3f} loc_precision={self.locations['loc_precision']:.3f} "
                         f"loc_precision_all={self.locations['loc_precision_all']:.3f}")
        parts.append(f"n={self.n}")
        return "EVAL " + " ".join(parts)


def read_suite(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: malformed JSON ({exc.msg})") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError(f'{path}:{number}: a suite record needs a "text" string')
            record.setdefault("id", f"{path.name}:{number}")
            yield record


def _factual(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.negated and e.modality in ("asserted", "reported", "planned")]


def score_record(report: Report, record: dict[str, Any], events: list[Event]) -> None:
    events = _factual(events)
    expected = record.get("expected")
    if isinstance(expected, list):
        cameo_gold = [e for e in expected if "code" in e]
        plover_gold = [e for e in expected if "plover" in e]
        if cameo_gold or not plover_gold:
            report.tally("event").add(
                Counter((normalise_code(e.source.code), normalise_code(e.target.code), e.cameo.code) for e in events),
                Counter((normalise_code(g["source"]), normalise_code(g["target"]), g["code"]) for g in cameo_gold),
            )
            report.tally("dyad_root").add(
                Counter((country_of(e.source.code), country_of(e.target.code), e.cameo.root) for e in events),
                Counter((country_of(g["source"]), country_of(g["target"]), g["code"][:2]) for g in cameo_gold),
            )
            report.tally("root").add(Counter(e.cameo.root for e in events), Counter(g["code"][:2] for g in cameo_gold))
        if plover_gold:
            typed = [e for e in events if e.plover_type]
            report.tally("plover_event").add(
                Counter((normalise_code(e.source.code), normalise_code(e.target.code), e.plover_type) for e in typed),
                Counter((normalise_code(g["source"]), normalise_code(g["target"]), g["plover"]) for g in plover_gold),
            )
            # (countries only, as dyad_root is for CAMEO: agent-level disagreement set apart)
            report.tally("plover_dyad").add(
                Counter((country_of(e.source.code), country_of(e.target.code), e.plover_type) for e in typed),
                Counter((country_of(g["source"]), country_of(g["target"]), g["plover"]) for g in plover_gold),
            )
            report.tally("plover_type").add(Counter(e.plover_type for e in typed), Counter(g["plover"] for g in plover_gold))
    if isinstance(record.get("group"), int):
        predicted = penta_group(events[0].cameo.code) if events else 0
        report.groups.append((record["group"], predicted))


def evaluate(records: Iterable[dict[str, Any]], code: Callable[[list[dict[str, Any]]], Iterator[tuple[dict[str, Any], list[Event]]]],
             on_record: Callable[[dict[str, Any], list[Event]], None] | None = None) -> Report:
    report = Report()
    records = list(records)
    for record, events in code(records):
        report.n += 1
        score_record(report, record, events)
        if on_record:
            on_record(record, events)
    return report
