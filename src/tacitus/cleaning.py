"""Removes page debris (bylines, author blurbs, share buttons, captions, link lists, footers).

The article is split into blocks (lines); each is kept or removed with a reason. The clean text
is the kept blocks joined by blank lines, and every kept block records its offsets in it, so
evidence spans point into the clean text and a viewer can show what was removed and where.

A kept block with a run of more than `limits.DEFAULT_MAX_SENTENCE_CHARS` (1,000) characters and
no sentence end (a scraped table, a 20,000-character unpunctuated "sentence") is cut at whitespace
into several kept blocks, so the parser never sees one sentence longer than that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from tacitus.limits import DEFAULT_MAX_SENTENCE_CHARS, split_long_runs
from tacitus.model import Block

SEPARATOR = "\n\n"
_BULLET = re.compile(r"^\s*[•·*\-–]\s+")
_NAME_WORD = re.compile(r"^([A-ZÀ-Ý][a-zà-ÿ'’-]+\.?|[A-Z]\.|van|von|de|da|al|bin|el|der|la|le)$")
_TERMINAL = re.compile(r"[.!?\"”’)]\s*$")
# A bullet inside a line separates items run together by a scraper (a letters page's
# "… democracy. Margaret Owen London • Turkey has said …"): each item is a block of its own.
_INLINE_BULLET = re.compile(r"(?<=\S)\s+•\s+")


@dataclass(frozen=True)
class DebrisPatterns:
    by_reason: dict[str, tuple[re.Pattern[str], ...]]

    def reason(self, line: str) -> str:
        for reason, patterns in self.by_reason.items():
            if reason == "link_header":
                continue
            if any(p.search(line) for p in patterns):
                return reason
        return ""

    def is_link_header(self, line: str) -> bool:
        return any(p.search(line) for p in self.by_reason.get("link_header", ()))


def _compile(data: dict, origin: str) -> dict[str, list[re.Pattern[str]]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    for reason, patterns in (data or {}).items():
        for pattern in patterns or []:
            try:
                out.setdefault(reason, []).append(re.compile(pattern, re.IGNORECASE))
            except re.error as exc:
                raise ValueError(f"{origin}: bad pattern under {reason!r}: {pattern!r} ({exc})") from exc
    return out


@cache
def _package_patterns() -> dict[str, list[re.Pattern[str]]]:
    text = resources.files("tacitus").joinpath("data/cleaning.yaml").read_text(encoding="utf-8")
    return _compile(yaml.safe_load(text), "cleaning.yaml")


def load_patterns(extra: Iterable[Path] = ()) -> DebrisPatterns:
    merged = {k: list(v) for k, v in _package_patterns().items()}
    for path in extra:
        for reason, patterns in _compile(yaml.safe_load(Path(path).read_text(encoding="utf-8")), str(path)).items():
            merged.setdefault(reason, []).extend(patterns)
    return DebrisPatterns({k: tuple(v) for k, v in merged.items()})


def _looks_like_name(line: str) -> bool:
    """A standalone person name: the byline of a plain-text page ("Anna Kowalczyk")."""
    words = line.split()
    return 2 <= len(words) <= 4 and len(line) <= 40 and all(_NAME_WORD.match(w) for w in words)


def _is_short_heading(line: str) -> bool:
    return len(line.split()) <= 12 and not _TERMINAL.search(line)


def classify(lines: list[str], patterns: DebrisPatterns) -> list[str]:
    """The removal reason of every line ("" = keep)."""
    reasons: list[str] = []
    in_link_block = False
    for line in lines:
        stripped = line.strip()
        if patterns.is_link_header(stripped):
            in_link_block = True
            reasons.append("related-links")
            continue
        if in_link_block and (_BULLET.match(line) or _is_short_heading(stripped)):
            reasons.append("related-links")
            continue
        in_link_block = False
        reason = patterns.reason(stripped)
        if not reason and _looks_like_name(stripped):
            reason = "byline"
        if not reason and _BULLET.match(line) and _is_short_heading(_BULLET.sub("", stripped)):
            reason = "link-list"
        reasons.append(reason)
    return reasons


def clean_blocks(
    raw_blocks: list[str],
    patterns: DebrisPatterns | None = None,
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS,
) -> tuple[str, list[Block]]:
    """Keep or remove each block; returns the clean text and the blocks with their offsets.
    Kept blocks with an over-long run of text are cut into several (see the module docstring)."""
    patterns = patterns or load_patterns()
    raw_blocks = [b.strip() for b in raw_blocks if b.strip()]
    reasons = classify(raw_blocks, patterns)
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    for text, reason in zip(raw_blocks, reasons, strict=True):
        text = re.sub(r"[ \t]+", " ", text)
        if reason:
            blocks.append(Block(text=text, kept=False, reason=reason, start=offset, end=offset))
            continue
        for piece in split_long_runs(text, max_sentence_chars):
            piece = piece.strip()
            if parts:
                offset += len(SEPARATOR)
            blocks.append(Block(text=piece, kept=True, start=offset, end=offset + len(piece)))
            parts.append(piece)
            offset += len(piece)
    return SEPARATOR.join(parts), blocks


def split_blocks(text: str) -> list[str]:
    """Plain text to blocks: every non-empty line is one (news paragraphs are single lines),
    except that a hard-wrapped line is joined to the next when that one continues the sentence."""
    blocks: list[str] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for line in (item for line in lines for item in _INLINE_BULLET.split(line)):
        stripped = line.strip()
        if not stripped:
            blocks.append("")
            continue
        prev = blocks[-1] if blocks else ""
        if prev and not _TERMINAL.search(prev) and stripped[0].islower() and not _BULLET.match(line):
            blocks[-1] = f"{prev} {stripped}"
        else:
            blocks.append(line.rstrip())
    return [b for b in blocks if b.strip()]
