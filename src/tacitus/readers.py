"""Readers: plain text, HTML, JSON Lines, folders and standard input → `Article`.

A reader never raises on bad input: it yields a `ReadProblem` naming the input and the problem,
and goes on with the next input (or the next JSONL line).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from tacitus.cleaning import DebrisPatterns, clean_blocks, load_patterns, split_blocks
from tacitus.model import Article, Block

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_ARTICLE_CHARS = 2_000_000  # a longer "article" is a dump, not an article: refuse it
_HTML_SNIFF = re.compile(r"<\s*(!doctype\s+html|html|body|head|p|div|article)\b", re.IGNORECASE)


@dataclass
class ReadProblem:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(ValueError):
    """Input that cannot be read as an article; the message names the problem."""


def parse_date(value: str | Date | None, what: str = "date") -> Date | None:
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (expected YYYY-MM-DD)") from None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Bytes → text. UTF-8 (with or without BOM); a mostly-UTF-8 file with some cp1252 lines is
    repaired line by line and says so; binary or undecodable input raises InputError."""
    if not data.strip():
        raise InputError("empty input")
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    repaired = 0
    out: list[str] = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                out.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                raise InputError("undecodable text: neither UTF-8 nor cp1252") from None
            repaired += 1
    text = "\n".join(out)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > max(2, len(text) // 200):
        raise InputError("binary or undecodable content (control characters), not text")
    return text, [f"repaired {repaired} line(s) that were not UTF-8 (read as cp1252)"]


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096]))


def article_id_for(text: str, url: str | None = None) -> str:
    key = url or text
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _visible_html_blocks(html: str) -> list[str]:
    """Text of the page's block elements in document order (for showing what was removed)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks: list[str] = []
    for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "td"):
        text = " ".join(el.text_content().split())
        if text and (not blocks or blocks[-1] != text):
            blocks.append(text)
    return blocks


def _interleave_removed(blocks: list[Block], page_blocks: list[str], patterns: DebrisPatterns) -> list[Block]:
    """Insert page blocks the extractor dropped, in page order, as removed blocks."""
    kept_texts = {b.text for b in blocks}
    out: list[Block] = []
    pending = list(blocks)
    for text in page_blocks:
        if text in kept_texts:
            while pending:
                block = pending.pop(0)
                out.append(block)
                if block.text == text:
                    break
        elif not any(text in k for k in kept_texts):
            offset = out[-1].end if out else 0
            reason = patterns.reason(text) or "page-furniture"
            out.append(Block(text=text, kept=False, reason=reason, start=offset, end=offset))
    out.extend(pending)
    return out


def article_from_text(
    text: str,
    *,
    date: Date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    source: str = "",
    html: bool | None = None,
    patterns: DebrisPatterns | None = None,
) -> Article:
    """Build a clean `Article` from raw text or HTML; raises InputError on unusable input."""
    if not text or not text.strip():
        raise InputError("empty input")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"article too long ({len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,})")
    pub_date = parse_date(date)
    warnings: list[str] = []
    is_html = looks_like_html(text) if html is None else html
    if is_html:
        raw_blocks, meta_title, meta_date = _extract_html(text)
        title = title or meta_title
        if pub_date is None and meta_date:
            try:
                pub_date = parse_date(meta_date)
            except InputError:
                warnings.append(f"page date {meta_date!r} is not a date; ignored")
    else:
        raw_blocks = split_blocks(text)
    patterns = patterns or load_patterns()
    clean, blocks = clean_blocks(raw_blocks, patterns)
    if is_html:
        blocks = _interleave_removed(blocks, _visible_html_blocks(text), patterns)
    if not clean.strip():
        raise InputError("no article text left after removing page debris")
    return Article(
        id=article_id or article_id_for(clean, url),
        text=clean,
        date=pub_date,
        title=title,
        url=url,
        source=source,
        blocks=blocks,
        warnings=warnings,
    )


def _extract_html(html: str) -> tuple[list[str], str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page with no article text (only markup, scripts or styles)")
    return split_blocks(doc.text), doc.title, doc.date


def _read_jsonl(lines: Iterable[str], source: str, date: Date | None) -> Iterator[Article | ReadProblem]:
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError("line is not a JSON object")
            text = record.get("text") or record.get("html")
            if not isinstance(text, str):
                raise InputError('no "text" field with a string')
            yield article_from_text(
                text,
                date=record.get("date") or date,
                title=record.get("title"),
                url=record.get("url"),
                article_id=str(record["id"]) if record.get("id") is not None else None,
                source=where,
                html=True if "html" in record and "text" not in record else None,
            )
        except json.JSONDecodeError as exc:
            yield ReadProblem(where, f"malformed JSON ({exc.msg})")
        except InputError as exc:
            yield ReadProblem(where, str(exc))
    if not seen_any:
        yield ReadProblem(source, "empty input")


def read_bytes(data: bytes, source: str, date: Date | None = None, kind: str | None = None) -> Iterator[Article | ReadProblem]:
    """One input's bytes → articles. `kind` is text, html or jsonl; guessed when None."""
    try:
        text, warnings = decode_bytes(data)
    except InputError as exc:
        yield ReadProblem(source, str(exc))
        return
    if kind == "jsonl" or (kind is None and text.lstrip().startswith("{")):
        yield from _read_jsonl(text.splitlines(), source, date)
        return
    try:
        article = article_from_text(text, date=date, source=source, html=(kind == "html") if kind else None)
    except InputError as exc:
        yield ReadProblem(source, str(exc))
        return
    article.warnings.extend(warnings)
    yield article


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    return None


def _files_in(folder: Path) -> list[Path]:
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith("."))


def read_inputs(paths: Sequence[str], date: Date | None = None) -> Iterator[Article | ReadProblem]:
    """Every article in the given paths (files, folders, or "-" for standard input), in order."""
    for name in paths:
        if name == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", date)
            continue
        path = Path(name)
        if path.is_dir():
            files = _files_in(path)
            if not files:
                yield ReadProblem(name, "folder holds no .txt, .html or .jsonl files")
            for file in files:
                yield from _read_file(file, date)
        elif path.is_file():
            yield from _read_file(path, date)
        else:
            yield ReadProblem(name, "no such file or folder")


def _read_file(path: Path, date: Date | None) -> Iterator[Article | ReadProblem]:
    kind = _kind_of(path)
    if kind == "jsonl":
        yield from _stream_jsonl(path, date)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror}")
        return
    yield from read_bytes(data, str(path), date, kind)


def _stream_jsonl(path: Path, date: Date | None) -> Iterator[Article | ReadProblem]:
    """JSONL is read line by line so a corpus of any size keeps memory flat."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror}")
        return
    with handle:
        head = handle.read(8192)
        if b"\x00" in head:
            yield ReadProblem(str(path), "binary file (contains NUL bytes), not text")
            return
        handle.seek(0)

        def lines() -> Iterator[str]:
            for raw in handle:
                try:
                    yield raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    yield raw.decode("cp1252", errors="replace")

        yield from _read_jsonl(lines(), str(path), date)
