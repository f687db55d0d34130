"""Readers: plain text, HTML, JSON Lines, folders and standard input → `Article`.

A reader never raises on bad input: it yields a `ReadProblem` naming the input and the problem,
and goes on with the next input (or the next JSONL line).

Hostile input is bounded by `tacitus.limits.Limits` (characters, sentences, HTML depth): a file
that cannot fit the character limit is refused before it is read, a JSONL line likewise before it
is held in memory. Articles that are confidently not English are skipped with the language named
(`tacitus.language`), unless `any_language=True`.
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
from typing import BinaryIO

from tacitus.cleaning import DebrisPatterns, clean_blocks, load_patterns, split_blocks
from tacitus.language import detect, not_english_message
from tacitus.limits import DEFAULT_LIMITS, LimitError, Limits, flatten_html, html_depth
from tacitus.model import Article, Block

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_ARTICLE_CHARS = DEFAULT_LIMITS.max_chars  # a longer "article" is a dump, not an article: refuse it
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
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        _check_controls(text)
        return text, []
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
    _check_controls(text)
    return text, [f"repaired {repaired} line(s) that were not UTF-8 (read as cp1252)"]


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_controls(text: str) -> None:
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, len(text) // 200):
        raise InputError("binary or undecodable content (control characters), not text")


def _valid_unicode(text: str) -> str:
    """Lone surrogates (from JSON escapes such as "\\ud800") become "?", one character for one."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.search(text[:4096]))


def article_id_for(text: str, url: str | None = None) -> str:
    key = url or text
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _visible_html_blocks(html: str) -> list[str]:
    """Text of the page's block elements in document order (for showing what was removed)."""
    import lxml.html

    blocks: list[str] = []
    try:
        root = lxml.html.fromstring(html)
        for bad in root.xpath("//script|//style|//noscript|//template"):
            bad.drop_tree()
        for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "td"):
            text = " ".join(el.text_content().split())
            if text and (not blocks or blocks[-1] != text):
                blocks.append(text)
    except Exception:  # lxml on hostile markup: showing removed blocks is optional
        return []
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
    limits: Limits | None = None,
) -> Article:
    """Build a clean `Article` from raw text or HTML; raises InputError on unusable input
    (empty, over a limit of `limits`, HTML without article text, a date that is not a date)."""
    limits = limits or DEFAULT_LIMITS
    if not isinstance(text, str) or not text.strip():
        raise InputError("empty input")
    try:
        limits.check_chars(len(text))
    except LimitError as exc:
        raise InputError(str(exc)) from None
    text = _valid_unicode(text)
    title = _valid_unicode(title) if isinstance(title, str) else None
    url = _valid_unicode(url) if isinstance(url, str) else None
    pub_date = parse_date(date)
    warnings: list[str] = []
    is_html = looks_like_html(text) if html is None else html
    if is_html:
        text = _CONTROLS.sub(" ", text)  # libxml2 refuses them (XML-incompatible characters)
        depth = html_depth(text)
        if depth > limits.max_html_depth:
            text = flatten_html(text)
            flat_depth = html_depth(text)
            if flat_depth > limits.max_html_depth:
                raise InputError(f"HTML nested {depth:,} levels deep (the limit is {limits.max_html_depth:,}), "
                                 "even without its container tags")
            warnings.append(f"HTML nested {depth:,} levels deep (limit {limits.max_html_depth:,}): "
                            "read without its container tags")
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
    clean, blocks = clean_blocks(raw_blocks, patterns, limits.max_sentence_chars)
    if is_html:
        blocks = _interleave_removed(blocks, _visible_html_blocks(text), patterns)
    if not clean.strip():
        raise InputError("no article text left after removing page debris")
    try:
        limits.check_sentences(clean)
    except LimitError as exc:
        raise InputError(str(exc)) from None
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

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except RecursionError:
        raise InputError("HTML too deeply nested to parse") from None
    except Exception as exc:  # the extractor on hostile markup: one line, never a traceback
        raise InputError(f"HTML could not be parsed ({type(exc).__name__}: {exc})".splitlines()[0]) from None
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page with no article text (only markup, scripts or styles)")
    title = doc.title if isinstance(doc.title, str) else None
    day = doc.date if isinstance(doc.date, str) else None
    return split_blocks(doc.text), title, day


def _language_problem(article: Article, any_language: bool) -> str | None:
    if any_language:
        return None
    detection = detect(article.text)
    return None if detection.is_english else not_english_message(detection)


class _Line(str):
    """A JSONL line with what the reader noticed while reading it (too long, repaired encoding)."""

    problem: str = ""
    warning: str = ""


def _read_jsonl(lines: Iterable[str], source: str, date: Date | None, limits: Limits | None = None,
                any_language: bool = False) -> Iterator[Article | ReadProblem]:
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if getattr(line, "problem", ""):
            seen_any = True
            yield ReadProblem(f"{source}:{number}", line.problem)
            continue
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
            day = record.get("date") or date
            article = article_from_text(
                text,
                date=day if isinstance(day, (str, Date)) or day is None else str(day),
                title=record.get("title") if isinstance(record.get("title"), str) else None,
                url=record.get("url") if isinstance(record.get("url"), str) else None,
                article_id=_valid_unicode(str(record["id"])) if record.get("id") is not None else None,
                source=where,
                html=True if "html" in record and "text" not in record else None,
                limits=limits,
            )
        except json.JSONDecodeError as exc:
            yield ReadProblem(where, f"malformed JSON ({exc.msg})")
            continue
        except RecursionError:
            yield ReadProblem(where, "malformed JSON (nested too deeply)")
            continue
        except InputError as exc:
            yield ReadProblem(where, str(exc))
            continue
        except ValueError as exc:  # e.g. an integer too long to convert
            yield ReadProblem(where, f"malformed JSON ({exc})".splitlines()[0])
            continue
        problem = _language_problem(article, any_language)
        if problem:
            yield ReadProblem(where, problem)
            continue
        if getattr(line, "warning", ""):
            article.warnings.append(line.warning)
        yield article
    if not seen_any:
        yield ReadProblem(source, "empty input")


def read_bytes(data: bytes, source: str, date: Date | None = None, kind: str | None = None, *,
               limits: Limits | None = None, any_language: bool = False) -> Iterator[Article | ReadProblem]:
    """One input's bytes → articles. `kind` is text, html or jsonl; guessed when None."""
    limits = limits or DEFAULT_LIMITS
    try:
        text, warnings = decode_bytes(data)
    except InputError as exc:
        yield ReadProblem(source, str(exc))
        return
    if kind == "jsonl" or (kind is None and text.lstrip().startswith("{")):
        yield from _read_jsonl(text.splitlines(), source, date, limits, any_language)
        return
    try:
        article = article_from_text(text, date=date, source=source, html=(kind == "html") if kind else None,
                                    limits=limits)
    except InputError as exc:
        yield ReadProblem(source, str(exc))
        return
    problem = _language_problem(article, any_language)
    if problem:
        yield ReadProblem(source, problem)
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


def read_inputs(paths: Sequence[str], date: Date | None = None, *, limits: Limits | None = None,
                any_language: bool = False) -> Iterator[Article | ReadProblem]:
    """Every article in the given paths (files, folders, or "-" for standard input), in order.

    `limits` bounds each article (default `tacitus.limits.DEFAULT_LIMITS`); articles detected as
    not English are reported, not yielded, unless `any_language`."""
    limits = limits or DEFAULT_LIMITS
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
            if len(data) > limits.max_bytes:
                yield ReadProblem("<stdin>", f"more than {limits.max_bytes:,} bytes: too large for one article "
                                  f"(the limit is {limits.max_chars:,} characters, see --max-chars); "
                                  "a corpus belongs in a JSONL file")
                continue
            yield from read_bytes(data, "<stdin>", date, limits=limits, any_language=any_language)
            continue
        path = Path(name)
        if path.is_dir():
            files = _files_in(path)
            if not files:
                yield ReadProblem(name, "folder holds no .txt, .html or .jsonl files")
            for file in files:
                yield from _read_file(file, date, limits, any_language)
        elif path.is_file():
            yield from _read_file(path, date, limits, any_language)
        else:
            yield ReadProblem(name, "no such file or folder")


def _read_file(path: Path, date: Date | None, limits: Limits = DEFAULT_LIMITS,
               any_language: bool = False) -> Iterator[Article | ReadProblem]:
    kind = _kind_of(path)
    if kind == "jsonl":
        yield from _stream_jsonl(path, date, limits, any_language)
        return
    try:
        size = path.stat().st_size
        limits.check_bytes(size)
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
        limits.check_bytes(len(data))  # the file grew while we looked
    except LimitError as exc:
        yield ReadProblem(str(path), str(exc))
        return
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, str(path), date, kind, limits=limits, any_language=any_language)


JSON_BYTES_PER_CHAR = 8  # a JSON string escape is at most 6 bytes a character ("\\u0416"), plus the other fields


def _bounded_lines(handle: BinaryIO, limits: Limits) -> Iterator[str]:
    """The lines of a binary file as text, never holding more than 8 bytes per allowed character of
    one line: a longer line is skipped to its end and comes back as a `_Line` carrying the problem."""
    max_bytes = limits.max_chars * JSON_BYTES_PER_CHAR
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            skipped = len(raw)
            while True:
                chunk = handle.readline(1 << 20)
                skipped += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            line = _Line("")
            line.problem = (f"line too long ({skipped:,} bytes; the limit is {max_bytes:,} bytes for an "
                            f"article of at most {limits.max_chars:,} characters, see --max-chars)")
            yield line
            continue
        if b"\x00" in raw:
            line = _Line("")
            line.problem = "binary content (contains NUL bytes), not text"
            yield line
            continue
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            line = _Line(raw.decode("cp1252", errors="replace"))
            line.warning = "repaired a line that was not UTF-8 (read as cp1252)"
            yield line


def _stream_jsonl(path: Path, date: Date | None, limits: Limits = DEFAULT_LIMITS,
                  any_language: bool = False) -> Iterator[Article | ReadProblem]:
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
        yield from _read_jsonl(_bounded_lines(handle, limits), str(path), date, limits, any_language)
