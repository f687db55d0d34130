"""The data model: articles, actors, events and places. Nothing else lives here.

Every stage of the pipeline reads and adds to these plain dataclasses; `to_dict` gives the
JSON event record of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any


@dataclass
class Block:
    """One paragraph-like block of the article as read, kept or removed by the cleaner.

    `start`/`end` are offsets into the clean text for kept blocks; removed blocks carry the
    position they had (the clean offset they sit before) so a viewer can show them folded.
    """

    text: str
    kept: bool
    reason: str = ""  # why it was removed: byline, caption, share-buttons, ...
    start: int = 0
    end: int = 0


@dataclass
class Article:
    id: str
    text: str  # the clean text: kept blocks joined by blank lines; evidence offsets point here
    date: Date | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""  # where it was read from: a path, "-" or a JSONL "path:line"
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    places: list["Place"] = field(default_factory=list)  # the place mentions found when it was coded


def actor_code(country: str, agents: list[str] | tuple[str, ...]) -> str:
    """A country (or IGO/NGO code) with agent roles: "RUS" + SPY = RUSSPY. An organisation's code
    already holds its roles ("IGOBUSIMF" with BUS): they are not added twice."""
    blocks = {country[i:i + 3] for i in range(0, len(country), 3)}
    return country + "".join(a for a in agents if a not in blocks)


@dataclass
class ActorRef:
    text: str
    code: str = ""  # CAMEO actor code, e.g. RUSSPY; "" when unknown
    country: str = ""  # ISO-3, region or IGO code; "" when none
    agents: list[str] = field(default_factory=list)
    start: int = -1  # offsets into the clean text of the mention; -1 when implicit
    end: int = -1
    resolved_by: str = ""  # how the code was found: dictionary, coref:..., metonym, ...

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country, "agents": list(self.agents)}

    @property
    def whose(self) -> bool:
        """Is it known whose actor this is: a country, region, IGO, NGO or named group? A bare role
        ("the government", "rebels") names no one an analyst could count in a dyad."""
        return bool(self.country)

    def placed(self, country: str, how: str) -> "ActorRef":
        """The same mention and roles, of `country`, found as `how` says (home, scene, domestic ...)."""
        return ActorRef(self.text, actor_code(country, self.agents), country, list(self.agents), self.start, self.end, how)


@dataclass
class Place:
    name: str
    country: str = ""
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str = ""  # city, country, region, island ...
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }

    def mention_dict(self, text: str) -> dict[str, Any]:
        """As `to_dict`, with the mention's text and offsets in `text` (an article's places list)."""
        return {"mention": text[self.start:self.end], "start": self.start, "end": self.end,
                "feature": self.feature, **self.to_dict()}


@dataclass
class Cameo:
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int  # GDELT convention: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict


@dataclass
class Event:
    article_id: str
    sentence_index: int
    sentence: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    source: ActorRef
    target: ActorRef
    cameo: Cameo
    plover_type: str | None = None
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)
    date: str | None = None  # ISO date (or partial) of the event; None when unknown
    date_precision: str | None = None  # day | week | month | year | relative
    location: Place | None = None
    reported_by: ActorRef | None = None
    negated: bool = False
    modality: str = "asserted"  # asserted | reported | demanded | threatened | hypothetical | planned
    confidence: float = 0.5
    rule: str = ""
    trigger_start: int = -1  # offset of the predicate word the rule fired on

    @property
    def event_id(self) -> str:
        return f"{self.article_id}:{self.sentence_index}:{self.evidence_start}:{self.cameo.code}:{self.source.code}:{self.target.code}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "evidence": {"start": self.evidence_start, "end": self.evidence_end, "text": self.evidence_text,
                         "trigger": self.trigger_start},
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "cameo": asdict(self.cameo),
            "plover": {"type": self.plover_type, "mode": self.plover_mode, "context": list(self.plover_context)},
            "location": self.location.to_dict() if self.location else None,
            "reported_by": (
                {"text": self.reported_by.text, "code": self.reported_by.code} if self.reported_by else None
            ),
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }
