"""The coder: article in, events out. Assembles the stages; each stage lives in its own module."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path

from tacitus.model import Article, Event

from tacitus.nlp import DEFAULT_MODEL


class Coder:
    """Holds the loaded spaCy pipeline and dictionaries; reuse one per process."""

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        actors_extra: Iterable[Path] = (),
        lexicon_extra: Iterable[Path] = (),
        keep_partial: bool = False,
    ) -> None:
        raise NotImplementedError("work in progress")

    def code_article(self, article: Article) -> list[Event]:
        raise NotImplementedError

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
        raise NotImplementedError

    def code_text(self, text: str, date: Date | str | None = None, title: str | None = None,
                  url: str | None = None) -> list[Event]:
        raise NotImplementedError
