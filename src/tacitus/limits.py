"""Per-article limits, their documented defaults, and the helpers that enforce them.

| limit                | default    | what happens beyond it                                                   |
|----------------------|------------|--------------------------------------------------------------------------|
| `max_chars`          | 200,000    | the article is refused (one-line error naming the input); a file larger  |
|                      |            | than 4 bytes a character is refused before it is read                    |
| `max_sentences`      | 5,000      | the article is refused                                                   |
| `time_seconds`       | 60         | coding the article stops; it is skipped with an error, the rest go on    |
| `max_sentence_chars` | 1,000      | a run of text this long with no sentence end is broken at whitespace     |
|                      |            | into blocks (so spaCy never parses one 20,000-character "sentence")      |
| `max_html_depth`     | 200        | deeper HTML has its container tags (div, span, section ...) flattened    |
|                      |            | before extraction (libxml2 silently drops anything below depth 255)      |

Why these numbers: a long news feature is 5,000-30,000 characters; spaCy's parser and NER need
about 1 GB of memory per 100,000 characters of a single text, so 200,000 characters keeps one
article within a few hundred MB with the small model. Raise them with `Limits(...)` (the CLI's
`--max-chars`, `--max-sentences`, `--time-limit`).

The time budget uses SIGALRM, so it is enforced only in the main thread on POSIX systems; elsewhere
`deadline` is a no-op and the character and sentence limits are what bound the work.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

DEFAULT_MAX_CHARS = 200_000
DEFAULT_MAX_SENTENCES = 5_000
DEFAULT_TIME_SECONDS = 60.0
DEFAULT_MAX_SENTENCE_CHARS = 1_000
DEFAULT_MAX_HTML_DEPTH = 200
BYTES_PER_CHAR = 4  # UTF-8 needs at most 4 bytes a character: a bigger file cannot fit the limit


class LimitError(ValueError):
    """An article over one of its limits; the message names the limit and the figure."""


class TimeBudgetExceeded(LimitError):
    pass


@dataclass(frozen=True)
class Limits:
    max_chars: int = DEFAULT_MAX_CHARS
    max_sentences: int = DEFAULT_MAX_SENTENCES
    time_seconds: float = DEFAULT_TIME_SECONDS
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS
    max_html_depth: int = DEFAULT_MAX_HTML_DEPTH

    def __post_init__(self) -> None:
        for name in ("max_chars", "max_sentences", "max_sentence_chars", "max_html_depth"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.time_seconds < 0:
            raise ValueError("time_seconds must be 0 (no budget) or more")

    @property
    def max_bytes(self) -> int:
        """Input bytes beyond which an article cannot be within `max_chars`."""
        return self.max_chars * BYTES_PER_CHAR

    def check_chars(self, n: int) -> None:
        if n > self.max_chars:
            raise LimitError(f"article too long ({n:,} characters; the limit is {self.max_chars:,}, "
                             "see --max-chars)")

    def check_bytes(self, n: int) -> None:
        if n > self.max_bytes:
            raise LimitError(f"too large for one article ({n:,} bytes; the limit is {self.max_chars:,} "
                             "characters, see --max-chars; a corpus belongs in JSONL, one article a line)")

    def check_sentences(self, text: str) -> None:
        n = count_sentences(text)
        if n > self.max_sentences:
            raise LimitError(f"too many sentences ({n:,}; the limit is {self.max_sentences:,}, see --max-sentences)")


DEFAULT_LIMITS = Limits()

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s*\n\s*\n|\n\s*\n|[.!?…]+[\"'”’)\]]*\s")


def count_sentences(text: str) -> int:
    """A cheap count: the pieces between sentence ends and paragraph breaks."""
    return sum(1 for piece in _SENTENCE_END.split(text) if piece.strip())


# Breaks for over-long runs: after a sentence end, else at whitespace, else anywhere.
_TERMINAL_AT = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE_AT = re.compile(r"\s+")


def split_long_runs(text: str, limit: int = DEFAULT_MAX_SENTENCE_CHARS) -> list[str]:
    """Cut `text` where a run of more than `limit` characters holds no sentence end.

    Text whose sentences are all at most `limit` characters comes back whole (one piece). An
    over-long run is cut at its last whitespace within every `limit` characters (with none, at
    exactly `limit`); the whitespace at a cut is dropped. Each piece then holds no run longer
    than `limit`, and joining the pieces with the dropped whitespace gives `text` back."""
    if len(text) <= limit:
        return [text]
    cuts: list[tuple[int, int]] = []  # (end of a piece, start of the next)
    run_start = 0
    for bound in [m.end() for m in _TERMINAL_AT.finditer(text)] + [len(text)]:
        pos = run_start
        while bound - pos > limit:
            spaces = [m for m in _SPACE_AT.finditer(text, pos, pos + limit + 1) if m.start() > pos]
            if spaces:
                cuts.append((spaces[-1].start(), spaces[-1].end()))
                pos = spaces[-1].end()
            else:
                cuts.append((pos + limit, pos + limit))
                pos += limit
        run_start = max(bound, pos)
    if not cuts:
        return [text]
    pieces: list[str] = []
    start = 0
    for end, following in cuts:
        pieces.append(text[start:end])
        start = following
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


# ---------------------------------------------------------------------------------------------- HTML

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
# Elements the HTML parser closes by itself (a new <p> ends the open one) or that hold no children.
_SELF_CLOSING = frozenset(
    "p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption "
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Tags kept when a too-deep page is flattened: the ones an article extractor reads structure from.
_KEEP_WHEN_FLAT = frozenset(
    "html head body title meta link base script style noscript template p br h1 h2 h3 h4 h5 h6 "
    "ul ol li blockquote figure figcaption table thead tbody tr td th pre time".split()
)


def html_depth(html: str) -> int:
    """The deepest element nesting of a page, by a tolerant scan of its tags (no parser recursion)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, self_closed = m.group(1), m.group(2).lower(), m.group(3)
        if name in _SELF_CLOSING or self_closed:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten_html(html: str) -> str:
    """The page without its container tags (div, span, section, article ...), text untouched;
    block containers become line breaks so paragraphs do not run together."""

    def replace(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if name in _KEEP_WHEN_FLAT:
            return m.group(0)
        return "\n" if name in ("div", "section", "article", "main", "aside", "header", "footer", "nav") else ""

    return _TAG.sub(replace, html)


# ----------------------------------------------------------------------------------------------- time


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float, what: str = "coding the article") -> Iterator[None]:
    """Raise TimeBudgetExceeded inside the block after `seconds` (0 = no budget).

    Uses SIGALRM (main thread, POSIX); elsewhere the block runs unbounded."""
    if not seconds or not _can_alarm():
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise TimeBudgetExceeded(f"{what} took longer than {seconds:g} s (the time limit, see --time-limit)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:  # an outer timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(0.001, old_delay - (time.monotonic() - started)))


def code_within_limits(
    coder: Any,
    articles: Iterable[Any],
    limits: Limits = DEFAULT_LIMITS,
    on_problem: Callable[[Any, str], None] | None = None,
    batch_size: int = 32,
) -> Iterator[tuple[Any, list[Any]]]:
    """Like `Coder.code_articles`, with each article's event coding under the time budget.

    spaCy parses in batches (its cost is linear in the text, which `max_chars` and the sentence
    split bound); the coding of each parsed article runs under `deadline(limits.time_seconds)`.
    An article over budget (or one the coder fails on) is reported through
    `on_problem(article, message)` and skipped; the others are coded."""
    for article, doc in coder.parse_articles(articles, batch_size):
        try:
            with deadline(limits.time_seconds):
                events = coder.code_doc(article, doc)
        except TimeBudgetExceeded as exc:
            if on_problem is not None:
                on_problem(article, str(exc))
            continue
        except Exception as exc:  # a coder bug must not take the other articles down with it
            if on_problem is not None:
                on_problem(article, f"internal error while coding ({type(exc).__name__}: {exc}); "
                           "please report it with the article".splitlines()[0])
            continue
        yield article, events
